import { describe, expect, it } from 'vitest'
import { fold, icsText, taskIcs } from '@/lib/ics'

const event = {
  uid: 'task-1@ronghe',
  title: '陪同就医; 复诊, 第二次',
  startsAt: new Date('2027-03-02T01:00:00Z'), // 09:00 China time
  endsAt: new Date('2027-03-02T03:30:00Z'),
  place: '科尔沁区医院\n门诊楼',
  description: '小街社区 · 党旗红志愿服务队',
  url: 'https://ronghe.example/tasks/1',
  now: new Date('2027-03-01T12:00:00Z'),
}

describe('a task as an iCalendar file', () => {
  const ics = taskIcs(event)
  const unfolded = ics.replace(/\r\n /g, '')
  it('puts the times in China time with its time zone, the stamp in UTC', () => {
    expect(unfolded).toContain('DTSTART;TZID=Asia/Shanghai:20270302T090000\r\n')
    expect(unfolded).toContain('DTEND;TZID=Asia/Shanghai:20270302T113000\r\n')
    expect(unfolded).toContain('DTSTAMP:20270301T120000Z\r\n')
    expect(unfolded).toContain('TZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800')
  })
  it('escapes text and folds lines at 75 octets of UTF-8, with CRLF line ends only', () => {
    expect(unfolded).toContain('SUMMARY:陪同就医\\; 复诊\\, 第二次\r\n')
    expect(unfolded).toContain('LOCATION:科尔沁区医院\\n门诊楼\r\n')
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })
  it('never splits a character: a long Chinese line folds between characters', () => {
    const line = `DESCRIPTION:${'志愿服务'.repeat(30)}`
    const folded = fold(line)
    expect(folded.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
    expect(icsText('a\\b')).toBe('a\\\\b')
  })
})
