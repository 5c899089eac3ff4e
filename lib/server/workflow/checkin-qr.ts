import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { chinaDate } from '@/lib/china-time'
import { sessionSecret } from '../auth/sign-in'

/*
 * The signed token of a task's check-in QR code. Two kinds, both an HMAC-SHA256 of the task's id and a
 * time slot under a key derived from the server's secret (NEXTAUTH_SECRET), so nobody can make one:
 * - `m`: the code shown on the team leader's or the staff's screen, a new one every 10 minutes; the one
 *   before is still taken (a scan at 10:09:58 that arrives at 10:10:03 is not refused);
 * - `d`: the printed A4 poster's, good on the China day it was printed for (the task's day): a photo of
 *   yesterday's poster does not work today.
 * Whatever the token, the check-in window and the sign-up are checked as for the 6-digit code.
 */

export const QR_SLOT_MS = 10 * 60_000

const key = () => createHmac('sha256', sessionSecret()).update('ronghe:checkin-qr:v1').digest()
const mac = (taskId: string, slot: string) => createHmac('sha256', key()).update(`${taskId}|${slot}`).digest('base64url').slice(0, 22)
const slotOf = (at: Date) => Math.floor(at.getTime() / QR_SLOT_MS)

/** The screen's token now, and when the next one replaces it. */
export function screenToken(taskId: string, now = new Date()): { token: string; refreshAt: Date } {
  const slot = slotOf(now)
  return { token: `m.${slot}.${mac(taskId, `m${slot}`)}`, refreshAt: new Date((slot + 1) * QR_SLOT_MS) }
}

/** The poster's token for a China day (YYYY-MM-DD). */
export function posterToken(taskId: string, day: string): string {
  return `d.${day.replaceAll('-', '')}.${mac(taskId, `d${day}`)}`
}

export type QrVerdict = 'OK' | 'EXPIRED' | 'INVALID'

/**
 * Is `token` this task's, and current at `at` (the server's time, or the phone's for a check-in kept
 * offline: the caller bounds it)? A token of another task or a forged one is INVALID; a real one
 * from an earlier slot or day is EXPIRED.
 */
export function verifyQrToken(taskId: string, token: string, at: Date): QrVerdict {
  const m = /^(m|d)\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token)
  if (!m) return 'INVALID'
  const [, kind, rawSlot, given] = m
  const slot = kind === 'm' ? `m${Number(rawSlot)}` : /^\d{8}$/.test(rawSlot) ? `d${rawSlot.slice(0, 4)}-${rawSlot.slice(4, 6)}-${rawSlot.slice(6)}` : null
  if (!slot) return 'INVALID'
  const want = Buffer.from(mac(taskId, slot))
  if (!timingSafeEqual(want, Buffer.from(given))) return 'INVALID'
  if (kind === 'm') {
    const now = slotOf(at)
    const s = Number(rawSlot)
    return s === now || s === now - 1 ? 'OK' : 'EXPIRED'
  }
  return slot.slice(1) === chinaDate(at) ? 'OK' : 'EXPIRED'
}
