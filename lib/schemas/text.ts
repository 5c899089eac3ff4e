import { z } from './zod'
import { valueKinds } from './value-kinds'

// Free text, the one normaliser every text field goes through (forms, imports, the public survey):
// NFC (the same word is the same code points, whichever keyboard composed it), trimmed (plain,
// ideographic and no-break spaces), at least one visible character, and none of the characters that
// make text lie about itself: bidirectional controls (a "\u202e" turns 需求 around, or hides a
// file's real extension), zero-width characters (a title of "\u200b\u200b" is a blank row with a
// zero-width link), C0/C1 control characters (PostgreSQL refuses NUL outright) and lone surrogates
// (stored as U+FFFD, silently).
//
// Allowed on purpose:
//  - U+200D ZERO WIDTH JOINER only between two pictographs (👨‍👩‍👧, 🏳️‍🌈, 👩🏽‍💻): an emoji ZWJ sequence,
//    where it belongs; anywhere else it is refused like the other zero-width characters.
//  - Mongolian script (U+1800–U+18AF) with its free variation selectors (U+180B–U+180D, U+180F) and
//    vowel separator (U+180E), and U+202F NARROW NO-BREAK SPACE, which joins Mongolian suffixes. These
//    are how Mongolian is written (this is Inner Mongolia), so they are kept — but, like every other
//    format or space character, they do not count as the one visible character a value needs.
//  - Tabs, line breaks and the other white space (text areas); a value is trimmed of white space at
//    both ends (Unicode's White_Space, the set blankToUndefined calls blank).

const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C'
const ZERO_WIDTH = '\\u200B\\u200C\\u2060\\uFEFF' // U+200D: see ZWJ below
const CONTROLS = '\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F' // all but the white space ones (\t \n \v \f \r, U+0085)
/** A pictograph, optionally with its emoji presentation selector or skin tone: what may stand before a ZWJ. */
const PICTOGRAPH = '\\p{Extended_Pictographic}[\\uFE0F\\p{Emoji_Modifier}]?'
/** A character text may not hold: a bidi control, a zero-width character (ZWJ outside an emoji sequence), a control, a lone surrogate. */
export const FORBIDDEN_CHAR = new RegExp(
  `[${BIDI_CONTROLS}${ZERO_WIDTH}${CONTROLS}]|\\p{Cs}|(?<!${PICTOGRAPH})\\u200D|\\u200D(?!\\p{Extended_Pictographic})`,
  'u',
)
/** A character that shows: not a space, control, format or default-ignorable character, not a lone combining mark, not the blank braille pattern. */
const VISIBLE_CHAR = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\u2800]/u

export const hasForbiddenChar = (v: string) => FORBIDDEN_CHAR.test(v)
export const hasVisibleChar = (v: string) => VISIBLE_CHAR.test(v)
/** Trimmed of white space as Unicode defines it (plain, ideographic, no-break, narrow no-break …); the same set blankToUndefined calls blank. */
export function trimSpace(v: string): string {
  // a loop, not /\s+$/: a regex anchored at the end backtracks quadratically over a long run of spaces
  let start = 0
  let end = v.length
  while (start < end && WHITE_SPACE.test(v[start])) start++
  while (end > start && WHITE_SPACE.test(v[end - 1])) end--
  return v.slice(start, end)
}
const WHITE_SPACE = /^\p{White_Space}$/u // every White_Space character is one UTF-16 code unit

/** The key of the refusal of a forbidden character (one message for every field). */
export const INVISIBLE_KEY = 'validation.text.invisible'

/**
 * The base of every free-text schema: NFC, no forbidden character (checked before trimming, so a
 * zero-width space at the end is refused, not quietly cut), trimmed, something visible (else the
 * field's `required` key). Length, markup and a field's own character rules come after it.
 */
export const cleanString = (requiredKey: string) =>
  z
    .string({ error: requiredKey })
    .normalize('NFC')
    .overwrite(trimSpace)
    .check((ctx) => {
      if (hasForbiddenChar(ctx.value)) ctx.issues.push({ code: 'custom', message: INVISIBLE_KEY, input: ctx.value })
      else if (!hasVisibleChar(ctx.value)) ctx.issues.push({ code: 'custom', message: requiredKey, input: ctx.value })
    })

/**
 * A further check of a text field (length, markup, its own characters) that only judges a clean value:
 * a refused value gets the one message above. Not zod's `abort`, on purpose: a field that aborts stops
 * its object's own cross-field checks (end before start …), and then the form would name those errors
 * only on the next try; every field error comes at once.
 */
export const ifClean = (test: (v: string) => boolean) => (v: string) => hasForbiddenChar(v) || !hasVisibleChar(v) || test(v)

/** Marks a finished free-text schema for the property test (value-kinds.ts). */
export const markText = <T extends object>(schema: T): T => valueKinds.mark(schema, 'text')

/**
 * The same rule for free text that does not come through a schema (the public survey's answers):
 * the cleaned value, or the key of the refusal; '' for a blank value.
 */
export function cleanFreeText(raw: string): { ok: true; value: string } | { ok: false; error: string } {
  const v = raw.normalize('NFC')
  if (hasForbiddenChar(v)) return { ok: false, error: INVISIBLE_KEY }
  const t = trimSpace(v)
  if (t !== '' && !hasVisibleChar(t)) return { ok: false, error: 'validation.text.noVisible' }
  return { ok: true, value: t }
}
