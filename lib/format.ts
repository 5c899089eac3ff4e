import { addDays, CHINA_TZ as TZ, chinaDate, chinaIso, fromChinaDateTime } from './china-time'

// Dates are shown in China time whatever the server's zone (lib/china-time.ts).

// An Intl.DateTimeFormat costs ≈ 50–100 µs to build (ICU loads the locale's patterns) and nothing to
// reuse: one per locale and style, kept for the process. Built per call, they were the largest single
// cost of a task list's render (15.6 % of the server's CPU under load: reports/pages-profile.md).
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const id = `${locale}|${withTime ? 't' : 'd'}`
  let f = formatters.get(id)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ } : { dateStyle: 'medium', timeZone: TZ })
    if (formatters.size < 64) formatters.set(id, f) // locales come from a closed list; never unbounded
  }
  return f
}

export function formatDateTime(locale: string, d: Date | string | null | undefined): string {
  if (!d) return '—'
  return formatter(locale, true).format(new Date(d))
}

export function formatDate(locale: string, d: Date | string | null | undefined): string {
  if (!d) return '—'
  return formatter(locale, false).format(new Date(d))
}

/** yyyy-MM-ddTHH:mm in China time, for a datetime-local input's value. */
export function toLocalInput(d: Date): string {
  return chinaIso(d).slice(0, 16)
}

/** A sensible default start for a new task: 09:00 China time, three China days from today. */
export function defaultTaskStart(now = new Date()): Date {
  return fromChinaDateTime(`${addDays(chinaDate(now), 3)}T09:00`)!
}

const numberFormat = new Intl.NumberFormat('zh-CN')
/** 12,345 — grouped digits (one formatter for the process; Number#toLocaleString builds one per call). */
export function formatNumber(n: number): string {
  return numberFormat.format(n)
}
