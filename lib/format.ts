// Dates are shown in China time whatever the server's zone.
const TZ = 'Asia/Shanghai'

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
  const p = new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d)
  return p.replace(' ', 'T')
}

/** A sensible default start for a new task: 09:00 China time, three days from now. */
export function defaultTaskStart(now = new Date()): Date {
  const d = new Date(now.getTime() + 3 * 86_400_000)
  d.setUTCHours(1, 0, 0, 0)
  return d
}
