// Check-in by a scanned QR code and check-ins kept on the phone while offline:
// - the QR token is signed (HMAC of the task and the time slot): the screen's changes every 10 minutes
//   and the one before is still taken, the poster's is good on its China day; a forged token or another
//   task's is refused as invalid, an old one as expired; the window rules apply as for the code;
// - a queued check-in / check-out (client id + the phone's time) is taken at most once: sent again, in
//   turn or at the same moment, it answers as the first time, one check-out is recorded and the hours
//   are credited once; the phone's time may not run ahead of the server's by more than 5 minutes.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkIn, checkOut, checkQueued, createTask, signUp, QUEUED_AHEAD_MS } from '@/lib/server/workflow/tasks'
import { posterToken, screenToken, verifyQrToken, QR_SLOT_MS } from '@/lib/server/workflow/checkin-qr'
import { myPointsAndHours } from '@/lib/server/people/points'
import { chinaDate, chinaYear } from '@/lib/china-time'
import { prisma, serviceWorld, userWith } from './helpers'

const MIN = 60_000
const YEAR = chinaYear() + 1
const START = Date.parse(`${YEAR}-04-06T01:00:00Z`) // 09:00 China time, on a 10-minute boundary
const at = (min: number) => new Date(START + min * MIN)

async function world(label: string) {
  const w = await serviceWorld(label)
  const r = await createTask(w.leader.scope, {
    orderId: w.orderId, title: `${label}任务`, startsAt: at(0).toISOString(), endsAt: at(120).toISOString(), place: '社区', slots: '5', signupDeadline: at(-60).toISOString(),
  })
  if (!r.ok) throw new Error(JSON.stringify(r))
  expect((await signUp(w.v.scope, r.value.id, at(-120))).ok).toBe(true)
  return { ...w, taskId: r.value.id }
}

describe('the QR token', () => {
  const task = randomUUID()
  it('the screen’s token: taken in its slot and the next, expired after; another task’s or a forged one is invalid', () => {
    const { token, refreshAt } = screenToken(task, at(3))
    expect(refreshAt).toEqual(at(10))
    expect(verifyQrToken(task, token, at(3))).toBe('OK')
    expect(verifyQrToken(task, token, at(19))).toBe('OK') // the previous slot is still taken
    expect(verifyQrToken(task, token, at(20))).toBe('EXPIRED')
    expect(verifyQrToken(task, token, at(-1))).toBe('EXPIRED') // a token is never good before its slot
    expect(screenToken(task, at(11)).token).not.toBe(token) // it rotates
    expect(screenToken(task, at(9)).token).toBe(token)
    expect(verifyQrToken(randomUUID(), token, at(3))).toBe('INVALID')
    const [kind, slot, mac] = token.split('.')
    expect(verifyQrToken(task, `${kind}.${Number(slot) + 1}.${mac}`, at(13))).toBe('INVALID') // the slot is signed too
    expect(verifyQrToken(task, `${kind}.${slot}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, at(3))).toBe('INVALID')
    expect(verifyQrToken(task, 'x', at(3))).toBe('INVALID')
    expect(QR_SLOT_MS).toBe(10 * MIN)
  })
  it('the poster’s token: good all of its China day, expired the next (a photo of yesterday’s poster)', () => {
    const day = chinaDate(at(0))
    const token = posterToken(task, day)
    expect(verifyQrToken(task, token, at(-8 * 60 + 1))).toBe('OK') // 01:01 China time
    expect(verifyQrToken(task, token, at(14 * 60 + 59))).toBe('OK') // 23:59 China time
    expect(verifyQrToken(task, token, at(15 * 60))).toBe('EXPIRED') // the next day, 00:00 China time
    expect(verifyQrToken(task, posterToken(task, chinaDate(at(-24 * 60))), at(0))).toBe('EXPIRED')
    expect(verifyQrToken(randomUUID(), token, at(0))).toBe('INVALID')
  })
})

describe('check-in by QR', () => {
  it('checks a signed-up volunteer in and out; an expired or forged token and the window rules refuse; one not signed up gets STATE', async () => {
    const w = await world('扫码')
    const db = await prisma()
    expect(await checkIn(w.v.scope, w.taskId, { token: screenToken(w.taskId, at(-40)).token }, at(-40))).toEqual(expect.objectContaining({ ok: false, error: 'OUTSIDE_WINDOW' }))
    expect(await checkIn(w.v.scope, w.taskId, { token: screenToken(w.taskId, at(-25)).token }, at(-5))).toEqual({ ok: false, error: 'QR_EXPIRED' })
    expect(await checkIn(w.v.scope, w.taskId, { token: screenToken(randomUUID(), at(2)).token }, at(2))).toEqual({ ok: false, error: 'INVALID', fieldErrors: { token: 'validation.checkinQr.wrong' } })
    const stranger = await userWith('VOLUNTEER', w.t.communityA1a)
    expect(await checkIn(stranger.scope, w.taskId, { token: screenToken(w.taskId, at(2)).token }, at(2))).toEqual({ ok: false, error: 'STATE' })
    expect(await checkIn(w.v.scope, w.taskId, { token: screenToken(w.taskId, at(2)).token }, at(2))).toEqual({ ok: true, value: null })
    expect(await checkOut(w.v.scope, w.taskId, { token: posterToken(w.taskId, chinaDate(at(0))) }, at(62))).toEqual({ ok: true, value: { minutes: 60 } })
    const s = await db.taskSignup.findUniqueOrThrow({ where: { taskId_userId: { taskId: w.taskId, userId: w.v.id } }, select: { checkInAt: true, checkOutAt: true, checkInVia: true, checkOutVia: true } })
    expect(s).toEqual({ checkInAt: at(2), checkOutAt: at(62), checkInVia: 'QR', checkOutVia: 'QR' })
    const refused = await db.auditEntry.count({ where: { target: w.taskId, action: { startsWith: 'tasks.checkinQr' }, result: 'refused' } })
    expect(refused).toBe(2)
  })
})

describe('a check kept offline is taken once', () => {
  it('replayed five times in turn, then five at once: one check-in at the phone’s time, one check-out, the hours credited once', async () => {
    const w = await world('离线')
    const db = await prisma()
    const inId = randomUUID()
    const outId = randomUUID()
    const code = (await db.task.findUniqueOrThrow({ where: { id: w.taskId }, select: { checkinCode: true } })).checkinCode
    const before = (await myPointsAndHours(w.v.scope)).minutes
    // checked in at 09:05 on the phone, sent at 09:30; checked out at 10:35 on the phone, sent at 12:40 (after the end)
    const queuedIn = { clientId: inId, at: at(5) }
    const queuedOut = { clientId: outId, at: at(95) }
    expect(await checkIn(w.v.scope, w.taskId, { code }, at(30), queuedIn)).toEqual({ ok: true, value: null })
    expect(await checkOut(w.v.scope, w.taskId, { code }, at(220), queuedOut)).toEqual({ ok: true, value: { minutes: 90 } })
    for (let i = 0; i < 5; i++) {
      expect(await checkIn(w.v.scope, w.taskId, { code }, at(230 + i), queuedIn)).toEqual({ ok: true, value: null })
      expect(await checkOut(w.v.scope, w.taskId, { code }, at(230 + i), queuedOut)).toEqual({ ok: true, value: { minutes: 90 } })
    }
    const again = await Promise.all(Array.from({ length: 5 }, () => checkOut(w.v.scope, w.taskId, { code }, at(240), queuedOut)))
    expect(again).toEqual(Array(5).fill({ ok: true, value: { minutes: 90 } }))
    const s = await db.taskSignup.findUniqueOrThrow({ where: { taskId_userId: { taskId: w.taskId, userId: w.v.id } }, select: { id: true, checkInAt: true, checkOutAt: true, minutes: true, checkInClientId: true, checkOutClientId: true } })
    expect(s).toEqual({ id: s.id, checkInAt: at(5), checkOutAt: at(95), minutes: 90, checkInClientId: inId, checkOutClientId: outId })
    expect(await db.statusChange.count({ where: { entityId: s.id, to: 'CHECKED_OUT' } })).toBe(1)
    expect(await db.statusChange.count({ where: { entityId: s.id, to: 'CHECKED_IN' } })).toBe(1)
    expect((await myPointsAndHours(w.v.scope)).minutes - before).toBe(90)
    // a second, different check-out of the same sign-up is refused: it is already checked out
    expect(await checkOut(w.v.scope, w.taskId, { code }, at(241), { clientId: randomUUID(), at: at(100) })).toEqual({ ok: false, error: 'STATE' })
  })

  it('the same queued check-in sent twice at the same moment: one is taken, both answer ok', async () => {
    const w = await world('并发')
    const db = await prisma()
    const code = (await db.task.findUniqueOrThrow({ where: { id: w.taskId }, select: { checkinCode: true } })).checkinCode
    const q = { clientId: randomUUID(), at: at(1) }
    const rs = await Promise.all([checkIn(w.v.scope, w.taskId, { code }, at(10), q), checkIn(w.v.scope, w.taskId, { code }, at(10), q)])
    expect(rs).toEqual([{ ok: true, value: null }, { ok: true, value: null }])
    const s = await db.taskSignup.findUniqueOrThrow({ where: { taskId_userId: { taskId: w.taskId, userId: w.v.id } }, select: { id: true, checkInAt: true } })
    expect(s.checkInAt).toEqual(at(1))
    expect(await db.statusChange.count({ where: { entityId: s.id, to: 'CHECKED_IN' } })).toBe(1)
  })

  it('the phone’s time: more than 5 minutes ahead of the server is refused, as is one outside the window or before the check-in; nothing is written', async () => {
    const w = await world('时钟')
    const db = await prisma()
    const code = (await db.task.findUniqueOrThrow({ where: { id: w.taskId }, select: { checkinCode: true } })).checkinCode
    const ahead = { clientId: randomUUID(), at: new Date(at(10).getTime() + QUEUED_AHEAD_MS + 1000) }
    expect(await checkIn(w.v.scope, w.taskId, { code }, at(10), ahead)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { at: 'validation.checkAt.future' } })
    expect(await checkIn(w.v.scope, w.taskId, { code }, at(10), { clientId: randomUUID(), at: at(-31) })).toEqual(expect.objectContaining({ ok: false, error: 'OUTSIDE_WINDOW' }))
    expect(await checkIn(w.v.scope, w.taskId, { code }, at(10), { clientId: randomUUID(), at: at(-8 * 24 * 60) })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { at: 'validation.checkAt.stale' } })
    const s0 = await db.taskSignup.findUniqueOrThrow({ where: { taskId_userId: { taskId: w.taskId, userId: w.v.id } }, select: { checkInAt: true, checkInClientId: true } })
    expect(s0).toEqual({ checkInAt: null, checkInClientId: null })
    const within = { clientId: randomUUID(), at: new Date(at(10).getTime() + QUEUED_AHEAD_MS - 1000) } // a phone a little fast
    expect(await checkIn(w.v.scope, w.taskId, { code }, at(10), within)).toEqual({ ok: true, value: null })
    expect(await checkOut(w.v.scope, w.taskId, { code }, at(20), { clientId: randomUUID(), at: at(12) })).toEqual(expect.objectContaining({ ok: false, error: 'BEFORE_CHECK_IN' }))
  })
})

describe('a QR code scanned offline (the kind decided by the server)', () => {
  it('is the check-in first and the check-out next; a replay of the check-in is never taken as the check-out', async () => {
    const w = await world('离线扫码')
    const db = await prisma()
    const first = { clientId: randomUUID(), at: at(3) }
    const token = screenToken(w.taskId, at(3)).token
    expect(await checkQueued(w.v.scope, w.taskId, { token }, 'auto', first, at(30))).toEqual({ ok: true, value: { mode: 'in', minutes: null } })
    for (let i = 0; i < 3; i++) expect(await checkQueued(w.v.scope, w.taskId, { token }, 'auto', first, at(40 + i))).toEqual({ ok: true, value: { mode: 'in', minutes: null } })
    let s = await db.taskSignup.findUniqueOrThrow({ where: { taskId_userId: { taskId: w.taskId, userId: w.v.id } }, select: { checkInAt: true, checkOutAt: true } })
    expect(s).toEqual({ checkInAt: at(3), checkOutAt: null })
    const second = { clientId: randomUUID(), at: at(63) }
    const poster = posterToken(w.taskId, chinaDate(at(0)))
    expect(await checkQueued(w.v.scope, w.taskId, { token: poster }, 'auto', second, at(70))).toEqual({ ok: true, value: { mode: 'out', minutes: 60 } })
    expect(await checkQueued(w.v.scope, w.taskId, { token: poster }, 'auto', second, at(80))).toEqual({ ok: true, value: { mode: 'out', minutes: 60 } })
    expect(await checkQueued(w.v.scope, w.taskId, { token }, 'auto', first, at(81))).toEqual({ ok: true, value: { mode: 'in', minutes: null } })
    s = await db.taskSignup.findUniqueOrThrow({ where: { taskId_userId: { taskId: w.taskId, userId: w.v.id } }, select: { checkInAt: true, checkOutAt: true } })
    expect(s).toEqual({ checkInAt: at(3), checkOutAt: at(63) })
  })
})

