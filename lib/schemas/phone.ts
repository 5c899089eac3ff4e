import { z } from './zod'
import { valueKinds } from './value-kinds'

// Phone numbers, the one normaliser every path uses (registration, sign-in, profile and staff forms,
// imports). People write a number many ways: 139 0000 0009, 139-0000-0009, +86 139 0000 0009,
// 0086 13900000009, 8613900000009, full-width １３９００００００００９ from a Chinese IME. All of them are
// the same mobile number and are stored as its 11 digits; a landline is stored as 0area-local.

/** Separators people put in a number: white space (after NFKC: ideographic and no-break spaces too), hyphens and dashes, dots, brackets. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212.()]/g
const MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/
// 3-digit area codes are 010 and 02x; every other area code has 4 digits (0475 赤峰, 0931 兰州 …)
const LANDLINE = /^(?:\+86|0086)?0?(10|2\d|[3-9]\d{2})(\d{7,8})$/

/** What is left once the writing is stripped: NFKC (full-width → ASCII), no separators. Also the rate limiter's key. */
export const phoneDigits = (raw: string) => raw.normalize('NFKC').replace(SEPARATORS, '')

/** The 11 digits of a mainland mobile number however it was written, or null when it is none. */
export function normaliseMobile(raw: string): string | null {
  return MOBILE.exec(phoneDigits(raw))?.[1] ?? null
}

/** A mobile number's 11 digits, or a landline as 0area-local (0475-1234567), or null. */
export function normalisePhone(raw: string): string | null {
  const mobile = normaliseMobile(raw)
  if (mobile) return mobile
  const d = phoneDigits(raw)
  // a landline starts with its trunk 0, or with +86 / 0086 (after which the 0 is usually dropped)
  if (!/^(?:\+86|0086|0)/.test(d)) return null
  const m = LANDLINE.exec(d)
  return m ? `0${m[1]}-${m[2]}` : null
}

/** A mainland mobile number (the login, volunteers' numbers), stored as 11 digits. */
export const ZPhone = valueKinds.mark(
  z
    .string({ error: 'validation.phone.required' })
    .trim()
    .min(1, { error: 'validation.phone.required', abort: true })
    .transform((v, ctx) => normaliseMobile(v) ?? (ctx.addIssue({ code: 'custom', message: 'validation.phone.format' }), z.NEVER)),
  'phone',
)

/** An optional mobile or landline number (0475-1234567): blank is "not given". */
export const phoneOptional = valueKinds.mark(
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .transform((v, ctx) => normalisePhone(v) ?? (ctx.addIssue({ code: 'custom', message: 'validation.contactPhone.format' }), z.NEVER))
      .optional(),
  ),
  'phone',
)
