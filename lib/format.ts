import { addDays, CHINA_TZ as TZ, chinaDate, chinaIso, fromChinaDateTime } from './china-time'

// Dates are shown in China time whatever the server's zone (lib/china-time.ts).

export function formatDateTime(locale: string, d: Date | string | null | undefined): string {
  if (!d) return '—'
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ }).format(new Date(d))
}

export function formatDate(locale: string, d: Date | string | null | undefined): string {
  if (!d) return '—'
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: TZ }).format(new Date(d))
}

/** yyyy-MM-ddTHH:mm in China time, for a datetime-local input's value. */
export function toLocalInput(d: Date): string {
  return chinaIso(d).slice(0, 16)
}

/** A sensible default start for a new task: 09:00 China time, three China days from today. */
export function defaultTaskStart(now = new Date()): Date {
  return fromChinaDateTime(`${addDays(chinaDate(now), 3)}T09:00`)!
}
