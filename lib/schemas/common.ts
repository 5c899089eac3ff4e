import { z } from './zod'

// Building blocks of the schemas every form and import shares. Messages are i18n keys (lib/i18n).

export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** Plain text: trimmed, bounded, and never markup (a "<script>" in a title is refused, not stored). */
export const text = (min: number, max: number, key: string) =>
  z
    .string({ error: `validation.${key}.required` })
    .trim()
    .min(1, { error: `validation.${key}.required` })
    .min(min, { error: `validation.${key}.short`, abort: true })
    .max(max, { error: `validation.${key}.long` })
    .refine((v) => !/[<>]/.test(v), { error: 'validation.noMarkup' })

/** Optional plain text: blank is "not given". */
export const optionalText = (max: number, key: string) => z.preprocess(blankToUndefined, text(1, max, key).optional())

/** An optional mobile or landline number (0475-1234567). */
export const phoneOptional = z.preprocess(
  blankToUndefined,
  z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { error: 'validation.contactPhone.format' }).optional(),
)
