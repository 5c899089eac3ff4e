import { describe, expect, it } from 'vitest'
import {
  addDays, chinaDate, chinaDateTime, chinaDayRange, chinaIso, chinaMonth, chinaTime, chinaWeekStart, chinaYear,
  fromChinaDate, fromChinaDateTime, fromDbDate, isCalendarDate, lastDayOfMonth, toDbDate, weekStart,
} from '@/lib/china-time'
import { defaultTaskStart, toLocalInput } from '@/lib/format'
import { ZBooking } from '@/lib/schemas/projects'

const at = (iso: string) => new Date(iso)

describe('an instant in China time', () => {
  it('is eight hours ahead of UTC: 23:30Z is 07:30 the next day', () => {
    const d = at('2026-03-01T23:30:00Z')
    expect(chinaDate(d)).toBe('2026-03-02')
    expect(chinaTime(d)).toBe('07:30')
    expect(chinaDateTime(d)).toBe('2026-03-02 07:30')
    expect(chinaIso(d)).toBe('2026-03-02T07:30:00.000')
    expect(chinaMonth(d)).toBe('2026-03')
  })

  it('turns the year at 16:00Z on New Year’s Eve', () => {
    const newYear = at('2026-12-31T16:30:00Z')
    expect(chinaYear(newYear)).toBe(2027)
    expect(chinaMonth(newYear)).toBe('2027-01')
    expect(chinaDate(newYear)).toBe('2027-01-01')
    const eve = at('2026-12-31T15:59:59Z')
    expect(chinaYear(eve)).toBe(2026)
    expect(chinaMonth(eve)).toBe('2026-12')
    expect(chinaDate(eve)).toBe('2026-12-31')
    expect(chinaTime(eve)).toBe('23:59')
  })

  it('midnight is 00:00, not 24:00', () => {
    expect(chinaTime(at('2026-03-01T16:00:00Z'))).toBe('00:00')
    expect(chinaDate(at('2026-03-01T16:00:00Z'))).toBe('2026-03-02')
    expect(chinaDate(at('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01')
  })

  it('defaults to now', () => {
    const before = chinaDate(new Date())
    expect([before, chinaDate(new Date())]).toContain(chinaDate())
    expect(chinaYear()).toBe(Number(chinaDate().slice(0, 4)))
  })

  it('an invalid Date is a bug: it throws', () => {
    expect(() => chinaDate(new Date(Number.NaN))).toThrow(RangeError)
  })
})

describe('weeks start on Monday in China time', () => {
  it('Sunday 23:30Z is already Monday in China: its own week starts that day', () => {
    // 2026-03-01 is a Sunday; 2026-03-01T23:30Z is Monday 2026-03-02 07:30 in China
    expect(chinaWeekStart(at('2026-03-01T23:30:00Z'))).toBe('2026-03-02')
    // while 15:59Z that Sunday is still Sunday: the week began Monday 2026-02-23
    expect(chinaWeekStart(at('2026-03-01T15:59:00Z'))).toBe('2026-02-23')
  })

  it('weekStart of each day of a week is its Monday', () => {
    for (let i = 0; i < 7; i++) expect(weekStart(addDays('2026-03-02', i))).toBe('2026-03-02')
    expect(weekStart('2026-03-09')).toBe('2026-03-09')
    expect(weekStart('2027-01-01')).toBe('2026-12-28') // across a year
  })
})

describe('parsing China dates and date-times', () => {
  it('a date is the instant of China midnight, and round-trips', () => {
    expect(fromChinaDate('2026-03-01')?.toISOString()).toBe('2026-02-28T16:00:00.000Z')
    expect(fromChinaDate('2027-01-01')?.toISOString()).toBe('2026-12-31T16:00:00.000Z')
    for (const d of ['2026-03-01', '2026-12-31', '2028-02-29', '2026-01-01']) expect(chinaDate(fromChinaDate(d)!)).toBe(d)
  })

  it('a datetime-local value is China time; one with a zone is taken as it says; round-trips', () => {
    expect(fromChinaDateTime('2026-03-01T09:00')?.toISOString()).toBe('2026-03-01T01:00:00.000Z')
    expect(fromChinaDateTime('2026-03-02T07:30:15')?.toISOString()).toBe('2026-03-01T23:30:15.000Z')
    expect(fromChinaDateTime('2026-03-01T09:00Z')?.toISOString()).toBe('2026-03-01T09:00:00.000Z')
    expect(fromChinaDateTime('2026-03-01T09:00+09:00')?.toISOString()).toBe('2026-03-01T00:00:00.000Z')
    const d = at('2026-03-01T23:30:00Z')
    expect(fromChinaDateTime(toLocalInput(d))?.getTime()).toBe(d.getTime())
    expect(toLocalInput(d)).toBe('2026-03-02T07:30')
  })

  it('rejects what is not a date (null, never an Invalid Date)', () => {
    for (const bad of ['', 'garbage', '2026-02-30', '2026-13-01', '2026-3-1', '2026-03-01T09:00', ' 2026-03-01', '20260301']) expect(fromChinaDate(bad)).toBeNull()
    for (const bad of ['', 'garbage', '2026-03-01T9:00', '2026-03-01T', 'T14:00']) expect(fromChinaDateTime(bad)).toBeNull()
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2026-02-29')).toBe(false)
  })

  it('a day range runs from the first China midnight to the midnight after the last day', () => {
    expect(chinaDayRange('2026-03-01', '2026-03-02')).toEqual({ gte: at('2026-02-28T16:00:00Z'), lt: at('2026-03-02T16:00:00Z') })
    expect(chinaDayRange('2026-12-31', '2026-12-31')).toEqual({ gte: at('2026-12-30T16:00:00Z'), lt: at('2026-12-31T16:00:00Z') })
    expect(chinaDayRange('2026-03-01')).toEqual({ gte: at('2026-02-28T16:00:00Z') })
    expect(chinaDayRange(undefined, '2026-03-01')).toEqual({ lt: at('2026-03-01T16:00:00Z') })
    expect(chinaDayRange()).toEqual({})
    // the instant 23:30Z on 03-01 is in China's 03-02, not in its 03-01
    const { gte, lt } = chinaDayRange('2026-03-02', '2026-03-02')
    expect(at('2026-03-01T23:30:00Z') >= gte && at('2026-03-01T23:30:00Z') < lt).toBe(true)
    expect(() => chinaDayRange('2026-02-30')).toThrow(RangeError)
  })
})

describe('calendar arithmetic and @db.Date values', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-03-01', 30)).toBe('2026-03-31')
    expect(() => addDays('nope', 1)).toThrow(RangeError)
  })

  it('knows the last day of a month', () => {
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28')
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29')
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31')
    expect(() => lastDayOfMonth('2026-13')).toThrow(RangeError)
  })

  it('a @db.Date value is UTC midnight of its date, whatever China’s clock says', () => {
    expect(toDbDate('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z')
    expect(fromDbDate(toDbDate('2026-03-01'))).toBe('2026-03-01')
    // the bug this module removes: the UTC date of an instant lags China's date from 00:00 to 08:00
    const d = at('2026-03-01T23:30:00Z')
    expect(d.toISOString().slice(0, 10)).toBe('2026-03-01')
    expect(fromDbDate(toDbDate(chinaDate(d)))).toBe('2026-03-02')
    expect(() => toDbDate('2026-02-30')).toThrow(RangeError)
  })
})

describe('uses', () => {
  it('a new task starts at 09:00 China time, three China days from today', () => {
    expect(defaultTaskStart(at('2026-03-01T23:30:00Z')).toISOString()).toBe('2026-03-05T01:00:00.000Z') // 03-02 + 3 = 03-05 09:00
    expect(defaultTaskStart(at('2026-03-01T10:00:00Z')).toISOString()).toBe('2026-03-04T01:00:00.000Z') // 03-01 18:00 + 3
  })

  it('a booking form’s unreadable or blank time is a field error, never a crash', () => {
    const issues = (v: object) => ZBooking.safeParse({ purpose: '例会', ...v }).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`)
    expect(issues({ startsAt: '2026-03-02T09:00', endsAt: '' })).toEqual(['endsAt:validation.endsAt.required'])
    expect(issues({ startsAt: '2026-03-02T', endsAt: '2026-03-02T10:00' })).toEqual(['startsAt:validation.startsAt.required'])
    expect(ZBooking.parse({ startsAt: '2026-03-02T09:00', endsAt: '2026-03-02T10:00', purpose: '例会' }).startsAt.toISOString()).toBe('2026-03-02T01:00:00.000Z')
  })
})
