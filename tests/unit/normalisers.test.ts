import { describe, expect, it } from 'vitest'
import { normaliseMobile, normalisePhone, phoneOptional, ZPhone } from '@/lib/schemas/phone'
import { ZIdNumber } from '@/lib/schemas/id-number'
import { isValidIdNumber, normaliseIdNumber } from '@/lib/id-card'
import { cleanFreeText, hasForbiddenChar } from '@/lib/schemas/text'
import { personName, text } from '@/lib/schemas/common'
import { ZCreateNeed } from '@/lib/schemas/workflow'
import { ZPilotDesignation } from '@/lib/schemas/org'

// Examples of the one normaliser per kind of value (phones, ID numbers, free text); the property test
// (text-fields.property.test.ts) checks the rules over generated input.

/** ASCII → full-width forms (U+FF01…), as a Chinese IME in full-width mode types them. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

const issues = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.message)

describe('phones', () => {
  it.each([
    '13900000009',
    '139 0000 0009',
    '139-0000-0009',
    '+8613900000009',
    '+86 139 0000 0009',
    '0086 139 0000 0009',
    '8613900000009',
    fullWidth('13900000009'), // full-width, as a Chinese IME types it
    fullWidth('+86') + '\u3000' + fullWidth('139 0000 0009').replaceAll(' ', '\u3000'), // full-width plus, ideographic spaces
    ' 139\u00a00000\u00a00009 ', // no-break spaces
    '139—0000—0009', // em dashes
  ])('%j is the mobile 13900000009', (written) => {
    expect(normaliseMobile(written)).toBe('13900000009')
    expect(ZPhone.parse(written)).toBe('13900000009')
  })

  it.each(['1390000000', '139000000091', '12900000009', '+8713900000009', '139 0000 000x', '0475-1234567', ''])('%j is no mobile number', (written) => {
    expect(normaliseMobile(written)).toBeNull()
    expect(ZPhone.safeParse(written).success).toBe(false)
  })

  it('says which: required for blank, format otherwise', () => {
    expect(issues(ZPhone.safeParse(''))).toEqual(['validation.phone.required'])
    expect(issues(ZPhone.safeParse('12345'))).toEqual(['validation.phone.format'])
  })

  it.each([
    ['0475-1234567', '0475-1234567'],
    ['04751234567', '0475-1234567'],
    ['0475 123 4567', '0475-1234567'],
    ['(0475) 1234567', '0475-1234567'],
    ['+86 475 1234567', '0475-1234567'],
    ['+86 (0)475 1234567', '0475-1234567'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['0931-8123456', '0931-8123456'],
    [fullWidth('0475-1234567'), '0475-1234567'],
    ['+86 139 0000 0009', '13900000009'],
  ])('the optional phone %j is stored as %j', (written, stored) => {
    expect(normalisePhone(written)).toBe(stored)
    expect(phoneOptional.parse(written)).toBe(stored)
  })

  it('an optional phone: blank is not given, a wrong number is refused', () => {
    expect(phoneOptional.parse('')).toBeUndefined()
    expect(phoneOptional.parse('　')).toBeUndefined()
    expect(phoneOptional.parse(undefined)).toBeUndefined()
    expect(issues(phoneOptional.safeParse('4751234567'))).toEqual(['validation.contactPhone.format'])
    expect(issues(phoneOptional.safeParse('0475-123'))).toEqual(['validation.contactPhone.format'])
  })
})

describe('ID numbers', () => {
  const ID = '15050219900101007X' // a valid number whose check character is X

  it('accepts a lowercase x, full-width characters and spaces, and stores one form', () => {
    expect(isValidIdNumber(ID)).toBe(true)
    for (const written of ['15050219900101007x', ' 15050219900101007X ', fullWidth('15050219900101007x'), '150502 19900101 007x', fullWidth(ID)]) {
      expect(normaliseIdNumber(written)).toBe(ID)
      expect(isValidIdNumber(written)).toBe(true)
      expect(ZIdNumber.parse(written)).toBe(ID)
    }
  })

  it('refuses a wrong check digit, a wrong date and a wrong shape with their keys', () => {
    expect(issues(ZIdNumber.safeParse('150502199001010071'))).toEqual(['validation.idNumber.checkDigit'])
    expect(issues(ZIdNumber.safeParse('150502199002301234'))).toEqual(['validation.idNumber.checkDigit'])
    expect(issues(ZIdNumber.safeParse('15050219900101007'))).toEqual(['validation.idNumber.format'])
    expect(issues(ZIdNumber.safeParse('15050219900101007Y'))).toEqual(['validation.idNumber.format'])
  })
})

describe('free text', () => {
  const title = text(2, 60, 'title')

  it('refuses zero-width and bidirectional characters with one key (the issue: a need titled \\u200b\\u200b)', () => {
    for (const v of ['\u200b\u200b', '\u202e需求\u202c', '需求\u200b', '\u2066需求\u2069', '需\u200e求', 'a\u061cb', '\ufeff需求', '需\u2060求', '需\u200c求', '需\u200d求', '需求\u0000']) {
      expect(issues(title.safeParse(v)), JSON.stringify(v)).toEqual(['validation.text.invisible'])
    }
  })

  it('refuses a value with nothing visible with the field\'s required key, as it refuses spaces', () => {
    for (const v of ['', '   ', '\u3000\u3000', '\u00a0', '\u3164\u3164', '\u2800\u2800', '\u180e\u180e', '\u0301\u0301']) {
      expect(issues(title.safeParse(v)), JSON.stringify(v)).toEqual(['validation.title.required'])
    }
  })

  it('NFC-normalises and trims (plain, ideographic, no-break and narrow no-break spaces)', () => {
    expect(title.parse('  Cafe\u0301 ')).toBe('Café')
    expect(title.parse('\u3000助老服务\u00a0\u202f')).toBe('助老服务')
    expect(title.parse('Cafe\u0301').normalize('NFC')).toBe(title.parse('Cafe\u0301'))
  })

  it('keeps Mongolian script with its variation selectors, vowel separator and narrow no-break space', () => {
    const mongolian = 'ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ ᠬᠡᠯᠡ' // ᠮᠣᠩᠭᠣᠯ ᠤᠨ (NNBSP before the suffix)
    expect(title.parse(mongolian)).toBe(mongolian)
    expect(title.parse('ᠨᠠ\u180bᠢᠮᠠ')).toBe('ᠨᠠ\u180bᠢᠮᠠ') // FVS1
    expect(title.parse('ᠬᠣᠷᠢᠨ\u180eᠠ')).toBe('ᠬᠣᠷᠢᠨ\u180eᠠ') // MVS
    expect(title.parse('ᠠ\u180f ᠡ')).toBe('ᠠ\u180f ᠡ') // FVS4
  })

  it('keeps a ZWJ only inside an emoji sequence', () => {
    for (const ok of ['一家 👨‍👩‍👧', '🏳️‍🌈 活动', '👩🏽‍💻 编程课', '🏃‍♂️ 健步走', '❤️‍🔥']) expect(title.parse(ok)).toBe(ok)
    for (const bad of ['a\u200db', '👨\u200d', '\u200d👩', '需\u200d👩', '👨\u200d需']) expect(hasForbiddenChar(bad), JSON.stringify(bad)).toBe(true)
  })

  it('still refuses markup, and counts length after trimming', () => {
    expect(issues(title.safeParse('<b>需求</b>'))).toEqual(['validation.noMarkup'])
    expect(title.parse(`  ${'长'.repeat(60)}  `)).toBe('长'.repeat(60))
    expect(issues(title.safeParse('长'.repeat(61)))).toEqual(['validation.title.long'])
  })

  it('names are normalised first, then keep their own characters', () => {
    const name = personName('name')
    expect(name.parse('\u3000王小明\u00a0')).toBe('王小明')
    expect(issues(name.safeParse('王\u200b明'))).toEqual(['validation.text.invisible'])
    expect(issues(name.safeParse('王1'))).toEqual(['validation.name.chars'])
  })

  it('a name written in Mongolian script is a name (this is Inner Mongolia); its variation selectors alone are not', () => {
    const name = personName('name')
    expect(name.parse('ᠪᠠᠲᠤ')).toBe('ᠪᠠᠲᠤ')
    expect(name.parse('ᠰᠠᠷᠠ᠋ ᠲᠤᠶᠠ')).toBe('ᠰᠠᠷᠠ᠋ ᠲᠤᠶᠠ')
    expect(name.safeParse('᠋᠌').success).toBe(false)
  })

  it('a refused text field does not hold back its form’s cross-field checks: every field error at once', () => {
    for (const batch of ['', '\u200b', '\u202e批次']) {
      const r = ZPilotDesignation.safeParse({ batch, start: '2026-03-01', end: '2026-02-01' })
      expect(r.error?.issues.map((i) => i.path.join('.')), JSON.stringify(batch)).toEqual(['batch', 'end'])
    }
    expect(issues(ZPilotDesignation.safeParse({ batch: '批次', start: 'bad', end: '2026-02-01' }))).toEqual(['validation.date.format'])
  })

  it('the public survey answers go through the same rule', () => {
    expect(cleanFreeText('  很好 ')).toEqual({ ok: true, value: '很好' })
    expect(cleanFreeText('   ')).toEqual({ ok: true, value: '' })
    expect(cleanFreeText('\u202e好')).toEqual({ ok: false, error: 'validation.text.invisible' })
    expect(cleanFreeText('\u3164')).toEqual({ ok: false, error: 'validation.text.noVisible' })
  })

  it('a need: zero-width or bidi characters in the title are a field error on the title', () => {
    const need = { orgUnitId: crypto.randomUUID(), title: '\u200b\u200b', description: '上门理发', categoryId: crypto.randomUUID(), targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'NORMAL', peopleAffected: '1', residentPhone: '+86 139 0000 0009' }
    const r = ZCreateNeed.safeParse(need)
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['title', 'validation.text.invisible']])
    expect(ZCreateNeed.parse({ ...need, title: '上门理发' }).residentPhone).toBe('13900000009')
  })
})
