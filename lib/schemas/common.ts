import { z } from './zod'
import { cleanString, ifClean, markText } from './text'

// Building blocks of the schemas every form and import shares. Messages are i18n keys (lib/i18n).

/** Blank = only white space (plain, ideographic, no-break …): "not given". A zero-width character is not blank (text.ts refuses it). */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && /^\p{White_Space}*$/u.test(v) ? undefined : v)

/**
 * Plain text: the free-text normaliser (text.ts: NFC, no bidi/zero-width/control characters, trimmed,
 * something visible), bounded, and never markup (a "<script>" in a title is refused, not stored).
 */
export const text = (min: number, max: number, key: string) =>
  markText(
    cleanString(`validation.${key}.required`)
      .refine(ifClean((v) => v.length >= min), { error: `validation.${key}.short` })
      .refine(ifClean((v) => v.length <= max), { error: `validation.${key}.long` })
      .refine(ifClean((v) => !/[<>]/.test(v)), { error: 'validation.noMarkup' }),
  )

/** Optional plain text: blank is "not given". */
export const optionalText = (max: number, key: string) => z.preprocess(blankToUndefined, text(1, max, key).optional())

/** A person's name (2–20 Han, Mongolian-script or Latin letters, · and spaces; Mongolian's own variation selectors and narrow no-break space): the same normaliser first, then its own characters. */
export const personName = (key: string) =>
  markText(
    cleanString(`validation.${key}.required`)
      .refine(ifClean((v) => v.length >= 2), { error: `validation.${key}.short` })
      .refine(ifClean((v) => v.length <= 20), { error: `validation.${key}.long` })
      .refine(ifClean((v) => /^[\p{Script=Han}\p{Script=Mongolian}A-Za-z·• \u180B-\u180F\u202F]+$/u.test(v)), { error: 'validation.name.chars' }),
  )

// phones have their own normaliser (phone.ts); re-exported here where the schemas have always found it
export { phoneOptional } from './phone'
