// China time, in one place. The platform's users, days, weeks, months and years are China's (UTC+8)
// whatever zone the server or the browser runs in. China has kept no daylight-saving time since 1991,
// so a fixed +08:00 offset is exact for every date this platform handles. No 'server-only': schemas and
// client components use it too; no dependencies.
//
// Two kinds of date live in the database, and mixing them up is the bug this module exists to prevent:
//   - an INSTANT (DateTime: createdAt, startsAt, at …): its China date is chinaDate(at), never
//     at.toISOString().slice(0, 10), which is the UTC date and lags China by a day from 00:00 to 08:00;
//   - a CALENDAR DATE (a @db.Date column: dueOn, date, deadline …): Prisma hands it over as UTC midnight of
//     that date, so it has no zone; toDbDate / fromDbDate convert it to and from 'yyyy-MM-dd'.
// Calendar arithmetic (addDays, weekStart, lastDayOfMonth) works on 'yyyy-MM-dd' strings.
//
// Functions that take a date string the caller has validated (z.iso.date()) throw a RangeError on
// anything else: that is a bug. The two parsers of user input, fromChinaDate and fromChinaDateTime,
// return null instead, so a boundary can report the field.

/** China's IANA zone, for Intl.DateTimeFormat (the display formats in lib/format.ts). */
export const CHINA_TZ = 'Asia/Shanghai'

const OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/
/** A date-time string that names its own zone (Z or ±hh:mm) is taken as it is. */
const HAS_ZONE = /(Z|[+-]\d{2}:\d{2})$/i

// ───────────── an instant → China's wall clock ─────────────

/** China's wall clock at an instant, ISO-shaped without a zone: 2026-03-02T07:30:00.000. */
export const chinaIso = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 23)

/** The China date (yyyy-MM-dd) of an instant: 2026-03-01T23:30Z is 2026-03-02. */
export const chinaDate = (at: Date = new Date()): string => chinaIso(at).slice(0, 10)

/** China's time of day (HH:mm) at an instant. */
export const chinaTime = (at: Date): string => chinaIso(at).slice(11, 16)

/** yyyy-MM-dd HH:mm in China time (spreadsheet cells). */
export const chinaDateTime = (at: Date): string => chinaIso(at).slice(0, 16).replace('T', ' ')

/** The China calendar year of an instant (2026-12-31T16:30Z is already 2027 there). */
export const chinaYear = (at: Date = new Date()): number => Number(chinaIso(at).slice(0, 4))

/** The China calendar month (yyyy-MM) of an instant. */
export const chinaMonth = (at: Date = new Date()): string => chinaIso(at).slice(0, 7)

/** The Monday (yyyy-MM-dd) of the China week an instant falls in. */
export const chinaWeekStart = (at: Date = new Date()): string => weekStart(chinaDate(at))

// ───────────── China's wall clock → an instant ─────────────

/** Whether a string is a real calendar date yyyy-MM-dd (2026-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  const m = DATE.exec(date)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** The instant of China midnight starting a date ('2026-03-01' → 2026-02-28T16:00Z); null when not a date. */
export function fromChinaDate(date: string): Date | null {
  return isCalendarDate(date) ? new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS) : null
}

/**
 * The instant of a datetime-local value (2026-03-01T09:00 → 2026-03-01T01:00Z): a value without a zone is
 * China time, one with Z or ±hh:mm is taken as it says. null when it is not a date-time.
 */
export function fromChinaDateTime(value: string): Date | null {
  const d = new Date(HAS_ZONE.test(value) ? value : `${value}+08:00`)
  return Number.isNaN(d.getTime()) ? null : d
}

/**
 * The instants of an inclusive range of China dates, as a Prisma filter: from the first day's midnight
 * (gte) to the midnight after the last day (lt). Either end may be left open.
 */
export function chinaDayRange(from: string, to: string): { gte: Date; lt: Date }
export function chinaDayRange(from?: string, to?: string): { gte?: Date; lt?: Date }
export function chinaDayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  const midnight = (date: string) => fromChinaDate(date) ?? invalid(date)
  return {
    ...(from ? { gte: midnight(from) } : {}),
    ...(to ? { lt: midnight(addDays(to, 1)) } : {}),
  }
}

// ───────────── calendar arithmetic on yyyy-MM-dd ─────────────

/** The date n days after (n < 0: before) a date. */
export function addDays(date: string, n: number): string {
  return new Date(utcMidnight(date) + n * DAY_MS).toISOString().slice(0, 10)
}

/** The Monday of a date's week (weeks start on Monday in China). */
export function weekStart(date: string): string {
  const weekday = (new Date(utcMidnight(date)).getUTCDay() + 6) % 7 // Monday = 0
  return addDays(date, -weekday)
}

/** The last date of a month (yyyy-MM): 2026-02 → 2026-02-28. */
export function lastDayOfMonth(month: string): string {
  const m = MONTH.exec(month)
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return invalid(month)
  return new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).toISOString().slice(0, 10)
}

// ───────────── @db.Date columns ─────────────

/** The value to store in a @db.Date column for a date (UTC midnight of that date). */
export const toDbDate = (date: string): Date => new Date(utcMidnight(date))

/** The date (yyyy-MM-dd) a @db.Date column holds. Not for instants: use chinaDate. */
export const fromDbDate = (d: Date): string => d.toISOString().slice(0, 10)

function utcMidnight(date: string): number {
  return isCalendarDate(date) ? Date.parse(`${date}T00:00:00Z`) : invalid(date)
}

function invalid(value: string): never {
  throw new RangeError(`not a date: ${JSON.stringify(value)}`)
}
