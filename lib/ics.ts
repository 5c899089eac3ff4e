import { chinaIso } from './china-time'

// One task as an iCalendar file (RFC 5545) for "add to calendar": the times in China time
// (TZID=Asia/Shanghai, with its VTIMEZONE: +08:00 all year, no daylight saving), the text escaped, the
// lines folded at 75 octets of UTF-8 (Chinese takes 3 octets a character), CRLF line ends.

export type IcsEvent = { uid: string; title: string; startsAt: Date; endsAt: Date; place: string; description: string; url: string; now: Date }

const local = (d: Date) => chinaIso(d).slice(0, 19).replaceAll('-', '').replaceAll(':', '')
const utc = (d: Date) => d.toISOString().slice(0, 19).replaceAll('-', '').replaceAll(':', '') + 'Z'
/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11). */
export const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/** A content line folded into lines of at most 75 octets, continuation lines starting with a space. */
export function fold(line: string): string {
  const enc = new TextEncoder()
  const out: string[] = []
  let cur = ''
  let octets = 0
  for (const ch of line) {
    const n = enc.encode(ch).length
    if (octets + n > (out.length ? 74 : 75)) {
      out.push(cur)
      cur = ''
      octets = 0
    }
    cur += ch
    octets += n
  }
  out.push(cur)
  return out.join('\r\n ')
}

export function taskIcs(e: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ronghe//融合志愿//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utc(e.now)}`,
    `DTSTART;TZID=Asia/Shanghai:${local(e.startsAt)}`,
    `DTEND;TZID=Asia/Shanghai:${local(e.endsAt)}`,
    `SUMMARY:${icsText(e.title)}`,
    `LOCATION:${icsText(e.place)}`,
    `DESCRIPTION:${icsText(e.description)}`,
    `URL:${e.url}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(e.title)}`,
    'TRIGGER:-PT2H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}
