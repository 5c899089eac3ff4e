import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { z } from 'zod'
import { isZodSchema, stringFields, type StringField } from './schema-walk'
import { INVISIBLE_KEY } from '@/lib/schemas/text'
import { normaliseMobile } from '@/lib/schemas/phone'
import { normaliseIdNumber } from '@/lib/id-card'

// Every string field of every exported schema in lib/schemas (found by walking the schemas, so a new
// field is covered without being listed here) keeps the rule of its kind, over generated input:
//  - free text: accepted ⇒ NFC, trimmed, a visible character, no forbidden character, and nothing but
//    that normalisation changed; a forbidden character anywhere ⇒ refused with validation.text.invisible;
//  - phones: every way of writing a valid mobile number gives its 11 digits;
//  - ID numbers: a valid number written with a lowercase x, full-width or grouped gives one stored form.
// The rule is restated here code point by code point (not with lib/schemas/text.ts's regular
// expressions), so the two must agree.

const modules = import.meta.glob('../../lib/schemas/*.ts', { eager: true }) as Record<string, Record<string, unknown>>
const seen = new Set<unknown>()
const FIELDS: StringField[] = []
for (const mod of Object.values(modules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (!isZodSchema(value)) continue
    for (const f of stringFields(value, name)) {
      if (seen.has(f.name)) continue // a schema re-exported by a second module (ZIdNumber) runs once
      seen.add(f.name)
      FIELDS.push(f)
    }
  }
}
const byKind = (k: StringField['kind']) => FIELDS.filter((f) => f.kind === k)

/**
 * String fields that are none of the three kinds, each with the reason. A new string field must use
 * text() / optionalText() / personName() (or ZPhone, phoneOptional, ZIdNumber), or be added here.
 */
const NOT_FREE_TEXT: Record<string, string> = {
  ZPassword: 'a secret, taken exactly as typed',
  'ZSignIn.password': 'a secret, taken exactly as typed',
  'ZRegisterVolunteer.password': 'a secret, taken exactly as typed',
  'ZRegisterVolunteer.confirmPassword': 'a secret, taken exactly as typed',
  'ZChangePassword.currentPassword': 'a secret, taken exactly as typed',
  'ZChangePassword.newPassword': 'a secret, taken exactly as typed',
  'ZChangePassword.confirmPassword': 'a secret, taken exactly as typed',
  'ZCreateTask.startsAt': 'a datetime-local value, parsed to an instant',
  'ZCreateTask.endsAt': 'a datetime-local value, parsed to an instant',
  'ZCreateTask.signupDeadline': 'a datetime-local value, parsed to an instant',
  'ZUpdateTask.startsAt': 'a datetime-local value, parsed to an instant',
  'ZUpdateTask.endsAt': 'a datetime-local value, parsed to an instant',
  'ZUpdateTask.signupDeadline': 'a datetime-local value, parsed to an instant',
  'ZBooking.startsAt': 'a datetime-local value, parsed to an instant',
  'ZBooking.endsAt': 'a datetime-local value, parsed to an instant',
  'ZVenue.opensAt': 'hh:mm',
  'ZVenue.closesAt': 'hh:mm',
  'ZAuditQuery.from': 'a search filter (a day), never stored',
  'ZAuditQuery.to': 'a search filter (a day), never stored',
  'ZAuditQuery.action': 'a search filter (an action name), never stored',
  'ZExpense.amountYuan': 'an amount, parsed to fen',
  'ZProject.fundingYuan': 'an amount, parsed to fen',
  'ZHourAdjustment.hours': 'a number of hours, parsed to minutes',
  'ZTrainingEvent.hours': 'a number of hours, parsed',
  ZCheckinCode: 'a 6-digit code',
  ZCertificateCode: 'a certificate code of its own alphabet (spaces and dashes dropped)',
  ZSurveyToken: 'a URL token',
  'ZAgency.creditCode': 'a credit code of the GB 32100 alphabet (NFKC, upper-case)',
  'ZWorkerProfile.certNumber': 'a certificate number of letters, digits and hyphens (NFKC)',
}
/** The search box of a list page (`…ListQuery.q`, `ZAuditQuery.q`): read, never stored. */
const isSearchBox = (name: string) => /^Z\w*(ListQuery|Query)\.q$/.test(name)

describe('every string field of lib/schemas is one of the kinds', () => {
  it('finds the fields (the walk works)', () => {
    for (const f of ['ZCreateNeed.title', 'ZCreateNeed.residentName', 'ZTemplate.items[].text', 'ZCampaign.questions[].options[]', 'ZRegisterVolunteer.name']) {
      expect(FIELDS.find((x) => x.name === f)?.kind, f).toBe('text')
    }
    expect(FIELDS.find((x) => x.name === 'ZRegisterVolunteer.idNumber')?.kind).toBe('idNumber')
    expect(FIELDS.find((x) => x.name === 'ZSignIn.phone')?.kind).toBe('phone')
    expect(byKind('text').length).toBeGreaterThan(50)
  })

  it('no string field skips the normalisers unnoticed', () => {
    const unclassified = FIELDS.filter((f) => f.kind === null && !NOT_FREE_TEXT[f.name] && !isSearchBox(f.name)).map((f) => f.name)
    expect(unclassified, 'use text()/optionalText()/personName()/ZPhone/phoneOptional/ZIdNumber, or list the field in NOT_FREE_TEXT with a reason').toEqual([])
  })
})

// ── the rule, restated ──────────────────────────────────────────────────────────────────────────────

const cps = (s: string) => Array.from(s) // code points (a lone surrogate stays one element)
const isLoneSurrogate = (c: string) => c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff
const isWhiteSpace = (c: string) => /^\p{White_Space}$/u.test(c)
const isPictograph = (c: string) => /^\p{Extended_Pictographic}$/u.test(c)
const isEmojiTail = (c: string) => c === '\ufe0f' || /^\p{Emoji_Modifier}$/u.test(c)
const BIDI = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c])
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x2060, 0xfeff])

/** Does `s` hold a character text may not hold? ZWJ only between pictographs (one selector/skin tone allowed before it). */
function forbidden(s: string): boolean {
  const a = cps(s)
  return a.some((c, i) => {
    const cp = c.codePointAt(0)!
    if (BIDI.has(cp) || ZERO_WIDTH.has(cp) || isLoneSurrogate(c)) return true
    if (/^\p{Cc}$/u.test(c) && !isWhiteSpace(c)) return true
    if (cp === 0x200d) {
      const before = a[i - 1] !== undefined && (isPictograph(a[i - 1]) || (isEmojiTail(a[i - 1]) && a[i - 2] !== undefined && isPictograph(a[i - 2])))
      const after = a[i + 1] !== undefined && isPictograph(a[i + 1])
      return !(before && after)
    }
    return false
  })
}
const visible = (c: string) => !isWhiteSpace(c) && !isLoneSurrogate(c) && !/^[\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]$/u.test(c) && c !== '\u2800'
const trimmedOfSpace = (s: string) => s === '' || (!isWhiteSpace(s[0]) && !isWhiteSpace(s[s.length - 1]))
const stripSpace = (s: string) => {
  const a = cps(s)
  while (a.length && isWhiteSpace(a[0])) a.shift()
  while (a.length && isWhiteSpace(a[a.length - 1])) a.pop()
  return a.join('')
}
const blank = (s: string) => cps(s).every(isWhiteSpace)

// ── generated text: ordinary writing with the troublemakers mixed in ───────────────────────────────

const pick = (chars: string[]) => fc.constantFrom(...chars)
const FORBIDDEN_CHARS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u0000', '\u0007', '\u001b', '\u007f', '\u0090', '\ud800', '\udc00']
const SPACES = [' ', '\u3000', '\u00a0', '\u202f', '\u2002', '\t', '\n', '\r', '\u000b', '\u0085', '\u1680']
const atom = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 4 }) },
  { weight: 6, arbitrary: pick(['需', '求', '助', '老', '服', '务', '社', '区', '志', '愿', '，', '。', '、', '（', '）', '《', '》']) },
  { weight: 3, arbitrary: pick(['ᠮ', 'ᠣ', 'ᠩ', 'ᠭ', 'ᠯ', '\u180b', '\u180c', '\u180d', '\u180e', '\u180f', '\u202f', '᠂', '᠃']) }, // Mongolian
  { weight: 3, arbitrary: pick(['１', '９', 'Ａ', 'ｘ', '＋', '－', '（', '！']) }, // full-width
  { weight: 3, arbitrary: pick(['e\u0301', '\u0301', 'Å', 'A\u030a', '\u1100\u1161', 'ﬁ', '\u3164', '\u2800', '\u00ad']) }, // NFC-changing, combining, fillers
  { weight: 3, arbitrary: pick(['👨‍👩‍👧', '🏳️‍🌈', '👩🏽‍💻', '🏃‍♂️', '😀', '❤️']) }, // emoji, ZWJ sequences
  { weight: 4, arbitrary: pick(SPACES) },
  { weight: 2, arbitrary: pick(FORBIDDEN_CHARS) },
  { weight: 1, arbitrary: pick(['<', '>']) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) }, // anything at all
)
const textInput = fc.array(atom, { maxLength: 12 }).map((parts) => parts.join(''))
/** Input certain to hold a forbidden character somewhere (start, middle, end). */
// (a lone surrogate is left out: next to generated text it may find its other half; textInput has them)
const INJECTED = FORBIDDEN_CHARS.filter((c) => c !== '\u200d' && !isLoneSurrogate(c)).concat(['a\u200db', '\u200d需', '需\u200d', 'a\ud800b', 'a\udc00b'])
const withForbidden = fc.tuple(textInput, pick(INJECTED), textInput).map(([a, f, b]) => a + f + b)

const issuesOf = (r: ReturnType<z.ZodType['safeParse']>) => (r.success ? [] : r.error.issues)
const RUNS = { numRuns: 120 }

describe('free text: every text field keeps the rule', () => {
  const fields = byKind('text')

  it.each(fields.map((f) => [f.name, f] as const))('%s: accepted ⇒ NFC, trimmed, visible, nothing forbidden, nothing else changed', (_name, f) => {
    fc.assert(
      fc.property(textInput, (input) => {
        const r = f.schema.safeParse(input)
        if (!r.success) return
        const out = r.data as unknown
        if (out === undefined) {
          expect(blank(input), 'only a blank value may be "not given"').toBe(true)
          return
        }
        expect(typeof out).toBe('string')
        const s = out as string
        expect(s).toBe(s.normalize('NFC'))
        expect(trimmedOfSpace(s)).toBe(true)
        expect(cps(s).some(visible)).toBe(true)
        expect(forbidden(input) || forbidden(s)).toBe(false)
        expect(s).toBe(stripSpace(input.normalize('NFC')))
      }),
      RUNS,
    )
  })

  it.each(fields.map((f) => [f.name, f] as const))('%s: a forbidden character ⇒ refused with validation.text.invisible', (_name, f) => {
    fc.assert(
      fc.property(withForbidden, (input) => {
        expect(forbidden(input)).toBe(true)
        const issues = issuesOf(f.schema.safeParse(input))
        expect(issues.map((i) => i.message)).toEqual([INVISIBLE_KEY])
      }),
      RUNS,
    )
  })

  it.each(fields.map((f) => [f.name, f] as const))('%s: refused exactly when the restated rule refuses, for the characters the rule is about', (_name, f) => {
    // over input of only spaces, forbidden and invisible characters and one short word
    const tricky = fc.array(fc.oneof(pick(SPACES), pick(FORBIDDEN_CHARS), pick(['\u3164', '\u2800', '\u180e', '\u0301', '\u00ad']), pick(['服务'])), { maxLength: 6 }).map((p) => p.join(''))
    fc.assert(
      fc.property(tricky, (input) => {
        const r = f.schema.safeParse(input)
        if (forbidden(input)) expect(issuesOf(r).map((i) => i.message)).toEqual([INVISIBLE_KEY])
        else if (!cps(input).some(visible) && !blank(input)) expect(r.success).toBe(false)
      }),
      RUNS,
    )
  })
})

// ── phones ──────────────────────────────────────────────────────────────────────────────────────────

const fullWidth = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)
const mobile = fc.tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 })).map(([b, rest]) => `1${b}${rest}`)
const SEPARATORS = ['', '', '', ' ', '-', '\u3000', '\u00a0', '\u2013', '\u2014', '.', '－']
/** One way a person writes the number: a country prefix or not, separators anywhere, some digits full-width. */
const rendering = (digits: string) =>
  fc
    .tuple(
      fc.constantFrom('', '', '+86', '+86 ', '0086', '0086 ', '86', '＋８６', '(+86) '),
      fc.array(fc.constantFrom(...SEPARATORS), { minLength: digits.length, maxLength: digits.length }),
      fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
      fc.constantFrom('', ' ', '\u3000'),
    )
    .map(([prefix, seps, wide, pad]) => pad + prefix + [...digits].map((d, i) => (wide[i] ? fullWidth(d) : d) + (i < digits.length - 1 ? seps[i] : '')).join('') + pad)

describe('phones: every rendering of a valid mobile number is its 11 digits, on every phone field', () => {
  const fields = byKind('phone')

  it('finds the phone fields', () => {
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['ZSignIn.phone', 'ZRegisterVolunteer.phone', 'ZHourAdjustment.phone', 'ZAward.phone', 'ZImportVolunteer.phone', 'ZCreateNeed.residentPhone', 'ZAgency.phone']))
  })

  it('normalises to the same 11 digits', () => {
    fc.assert(
      fc.property(
        mobile.chain((d) => fc.tuple(fc.constant(d), rendering(d))),
        ([digits, written]) => {
          expect(normaliseMobile(written)).toBe(digits)
          for (const f of fields) expect(f.schema.parse(written), `${f.name} ${JSON.stringify(written)}`).toBe(digits)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('whatever a phone field accepts is 11 digits or a landline as 0area-local', () => {
    const anyPhone = fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789+- （）()　１８６'), maxLength: 20 }), fc.string({ maxLength: 20 }))
    fc.assert(
      fc.property(anyPhone, (written) => {
        for (const f of fields) {
          const r = f.schema.safeParse(written)
          if (r.success && r.data !== undefined) expect(r.data).toMatch(/^(1[3-9]\d{9}|0(10|2\d|[3-9]\d{2})-\d{7,8})$/)
        }
      }),
      { numRuns: 300 },
    )
  })
})

// ── ID numbers ──────────────────────────────────────────────────────────────────────────────────────

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const checkChar = (first17: string) => '10X98765432'[WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0) % 11]
const validId = fc
  .tuple(fc.constantFrom('150502', '150102', '620102', '110105'), fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2015-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
  .map(([area, d, seq]) => {
    const first17 = `${area}${d.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`
    return first17 + checkChar(first17)
  })
/** The same number with a lowercase x, some characters full-width, grouped with spaces. */
const idRendering = (id: string) =>
  fc
    .tuple(fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }), fc.boolean(), fc.constantFrom('', ' ', '\u3000'), fc.constantFrom('', ' '))
    .map(([wide, lower, pad, group]) => {
      const chars = [...id].map((c, i) => (i === 17 && lower ? c.toLowerCase() : c)).map((c, i) => (wide[i] ? fullWidth(c) : c))
      const grouped = chars.map((c, i) => c + (group && (i === 5 || i === 13) ? group : '')).join('')
      return pad + grouped + pad
    })

describe('ID numbers: a valid number however written is one stored value, on every ID field', () => {
  const fields = byKind('idNumber')

  it('finds the ID fields', () => {
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['ZRegisterVolunteer.idNumber', 'ZVolunteerProfile.idNumber', 'ZImportVolunteer.idNumber', 'ZSensitive.idNumber']))
  })

  it('normalises to the same stored value', () => {
    fc.assert(
      fc.property(
        validId.chain((id) => fc.tuple(fc.constant(id), idRendering(id))),
        ([id, written]) => {
          expect(normaliseIdNumber(written)).toBe(id)
          for (const f of fields) expect(f.schema.parse(written), `${f.name} ${JSON.stringify(written)}`).toBe(id)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('a changed digit is refused by the checking fields', () => {
    const checking = fields.filter((f) => f.name !== 'ZSensitive.idNumber' && f.name !== 'ZIdNumberNormalised') // those two only normalise (the case DAL checks)
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, at, delta) => {
        const changed = id.slice(0, at) + String((Number(id[at]) + delta) % 10) + id.slice(at + 1)
        for (const f of checking) expect(f.schema.safeParse(changed).success, `${f.name} ${changed}`).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})
