// Check-in and check-out: codes cannot be guessed (wrong codes limited per volunteer and task, audited,
// concurrent guesses included), and hours cannot be stretched (check-in only from 30 minutes before the
// start until the end; credited minutes only inside the task's window; a late check-out is capped and
// flagged) — and points, stars and the roll-up counters follow the capped minutes.
import { describe, expect, it } from 'vitest'
import { checkIn, checkOut, createTask, getTask, signUp } from '@/lib/server/workflow/tasks'
import { toActionState } from '@/lib/server/action-state'
import { myPointsAndHours } from '@/lib/server/people/points'
import { adjustHours } from '@/lib/server/people/hours'
import { rebuildCounters } from '@/lib/server/stats/rebuild'
import { unitsOfPath } from '@/lib/server/stats/counters'
import { chinaDate, chinaYear } from '@/lib/china-time'
import { isPostgres, prisma, serviceWorld, userWith } from './helpers'

const MIN = 60_000
const DAY = 24 * 60
// 09:00 China time on 2 March of next year (a task starts in the future: createTask refuses the past), on
// a 10-minute boundary (the limit's fixed windows): the waits below are exact
const YEAR = chinaYear() + 1
const START = Date.parse(`${YEAR}-03-02T01:00:00Z`)
/** `min` minutes after the start (negative: before). */
const at = (min: number) => new Date(START + min * MIN)
/** A 6-digit code that is not `code` (distinct for i < 999,999). */
const wrong = (code: string, i: number) => {
  const c = String(i % 1_000_000).padStart(6, '0')
  return c === code ? String((i + 1) % 1_000_000).padStart(6, '0') : c
}
const WRONG = { ok: false, error: 'INVALID', fieldErrors: { code: 'validation.checkinCode.wrong' } }
const OK = { ok: true, value: null }

/** serviceWorld with `n` volunteers of the community and `task()`: a task they are all signed up for. */
async function world(label: string, n = 1) {
  const w = await serviceWorld(label)
  const vs = [w.v]
  for (let i = 1; i < n; i++) vs.push(await userWith('VOLUNTEER', w.t.communityA1a))
  /** 09:00–11:00 China time unless told; every volunteer signed up (as of two hours before the start). */
  const task = async (lengthMin = 120, start = START) => {
    const r = await createTask(w.leader.scope, {
      orderId: w.orderId, title: `${label}任务`, startsAt: new Date(start).toISOString(), endsAt: new Date(start + lengthMin * MIN).toISOString(), place: '社区', slots: '50',
      signupDeadline: new Date(start - 60 * MIN).toISOString(),
    })
    if (!r.ok) throw new Error(`task ${JSON.stringify(r)}`)
    for (const v of vs) if (!(await signUp(v.scope, r.value.id, new Date(start - 120 * MIN))).ok) throw new Error('sign-up')
    return r.value
  }
  return { ...w, vs, task }
}

const bucket = async (userId: string, taskId: string) => {
  const rows = await (await prisma()).rateLimitBucket.findMany({ where: { key: `checkinCode:u:${userId}:${taskId}` }, select: { count: true } })
  return rows.reduce((a, r) => a + r.count, 0)
}

describe('check-in codes cannot be guessed', () => {
  it('1,000 wrong codes: nobody is checked in; from the 6th on every try, the right code too, is refused with the wait; after the window the right code works; every refusal is audited', async () => {
    const w = await world('猜码', 2)
    const db = await prisma()
    const [v, other] = w.vs
    const task = await w.task()
    const results = []
    const started = Date.now()
    for (let i = 0; i < 1000; i++) results.push(await checkIn(v.scope, task.id, { code: wrong(task.checkinCode, i) }, at(0)))
    const ms = Date.now() - started
    expect(results.slice(0, 5)).toEqual(Array(5).fill(WRONG))
    expect(results.slice(5)).toEqual(Array(995).fill({ ok: false, error: 'CODE_LOCKED', params: { minutes: 10 } }))
    // the right code does not help while locked out; the form says how long to wait
    const locked = await checkIn(v.scope, task.id, { code: task.checkinCode }, at(9))
    expect(locked).toEqual({ ok: false, error: 'CODE_LOCKED', params: { minutes: 1 } })
    expect(toActionState(locked)).toEqual({ ok: false, error: 'tasks.codeLocked', messageParams: { minutes: 1 } })
    expect(await db.taskSignup.count({ where: { taskId: task.id, checkInAt: { not: null } } })).toBe(0)
    expect(await bucket(v.id, task.id)).toBe(1001) // refused tries count too
    // limited per volunteer AND task: another volunteer of the task, and this volunteer on another task, go on
    expect(await checkIn(other.scope, task.id, { code: task.checkinCode }, at(9))).toEqual(OK)
    const task2 = await w.task()
    expect(await checkIn(v.scope, task2.id, { code: task2.checkinCode }, at(9))).toEqual(OK)
    // the next window: the right code works
    expect(await checkIn(v.scope, task.id, { code: task.checkinCode }, at(10))).toEqual(OK)
    expect((await db.taskSignup.findUniqueOrThrow({ where: { taskId_userId: { taskId: task.id, userId: v.id } }, select: { checkInAt: true } })).checkInAt).toEqual(at(10))
    // each wrong code is its own refused entry, each locked-out try a limited one, with the task as target
    const audited = await db.auditEntry.groupBy({ by: ['result'], where: { action: 'tasks.checkinCode', target: task.id, actorId: v.id }, _count: { _all: true } })
    expect(Object.fromEntries(audited.map((a) => [a.result, a._count._all]))).toEqual({ refused: 5, limited: 996 })
    expect(await db.auditEntry.count({ where: { action: 'tasks.checkinCode', actorId: other.id } })).toBe(0) // right codes are no refusals
    console.log(`[${isPostgres() ? 'postgres' : 'pglite'}] 1,000 wrong check-in codes in ${ms} ms`)
  }, 180_000)

  it('50 wrong codes at once: exactly 5 get past the count (truly concurrent on PostgreSQL); right codes never use up the budget', async () => {
    const w = await world('并发猜码', 2)
    const [v, u] = w.vs
    const task = await w.task()
    const rs = await Promise.all(Array.from({ length: 50 }, (_, i) => checkIn(v.scope, task.id, { code: wrong(task.checkinCode, i) }, at(0))))
    expect(rs.filter((r) => !r.ok && r.error === 'INVALID')).toHaveLength(5)
    expect(rs.filter((r) => !r.ok && r.error === 'CODE_LOCKED')).toHaveLength(45)
    expect(await bucket(v.id, task.id)).toBe(50)
    expect(await checkIn(v.scope, task.id, { code: task.checkinCode }, at(0))).toMatchObject({ ok: false, error: 'CODE_LOCKED' })
    // three right codes at once: one checks in, the others find it done; nothing is left on the count
    const right = await Promise.all(Array.from({ length: 3 }, () => checkIn(u.scope, task.id, { code: task.checkinCode }, at(0))))
    expect(right.filter((r) => r.ok)).toHaveLength(1)
    expect(right.filter((r) => !r.ok && r.error === 'STATE')).toHaveLength(2)
    expect(await bucket(u.id, task.id)).toBe(0)
  }, 120_000)

  it('staff are not limited: a locked-out volunteer is checked in and out by the team leader; the code stays locked for check-out too', async () => {
    const w = await world('队长签到')
    const task = await w.task()
    for (let i = 0; i < 5; i++) expect(await checkIn(w.v.scope, task.id, { code: wrong(task.checkinCode, i) }, at(1))).toEqual(WRONG)
    expect(await checkIn(w.v.scope, task.id, { code: task.checkinCode }, at(1))).toMatchObject({ error: 'CODE_LOCKED' })
    expect(await checkIn(w.leader.scope, task.id, { volunteerId: w.v.id }, at(1))).toEqual(OK)
    expect(await checkOut(w.v.scope, task.id, { code: task.checkinCode }, at(2))).toMatchObject({ error: 'CODE_LOCKED' })
    expect(await checkOut(w.leader.scope, task.id, { volunteerId: w.v.id }, at(61))).toEqual({ ok: true, value: { minutes: 60 } })
  })
})

describe('hours cannot be stretched', () => {
  it('check-in is taken from 30 minutes before the start until the end, by staff and by code; otherwise a clear error with the window', async () => {
    const w = await world('签到时间', 4)
    const db = await prisma()
    const [a, b, c, d] = w.vs
    const task = await w.task() // 09:00–11:00 China time
    const outside = { ok: false, error: 'OUTSIDE_WINDOW', params: { from: `${YEAR}-03-02 08:30`, to: `${YEAR}-03-02 11:00` } }
    const early = await checkIn(w.leader.scope, task.id, { volunteerId: a.id }, at(-31))
    expect(early).toEqual(outside)
    expect(toActionState(early)).toEqual({ ok: false, error: 'tasks.checkInWindow', messageParams: outside.params })
    expect(await checkIn(a.scope, task.id, { code: task.checkinCode }, at(-31))).toEqual(outside)
    // outside the window a code is not even compared: nothing counted, nothing to guess
    expect(await checkIn(a.scope, task.id, { code: wrong(task.checkinCode, 0) }, at(-31))).toEqual(outside)
    expect(await bucket(a.id, task.id)).toBe(0)
    // nor for a volunteer of the community without a confirmed place on the task
    const stranger = await userWith('VOLUNTEER', w.t.communityA1a)
    expect(await checkIn(stranger.scope, task.id, { code: wrong(task.checkinCode, 0) }, at(0))).toEqual({ ok: false, error: 'STATE' })
    expect(await checkOut(stranger.scope, task.id, { code: wrong(task.checkinCode, 0) }, at(0))).toEqual({ ok: false, error: 'STATE' })
    expect(await bucket(stranger.id, task.id)).toBe(0)
    expect(await checkIn(w.leader.scope, task.id, { volunteerId: a.id }, at(-30))).toEqual(OK)
    expect(await checkIn(b.scope, task.id, { code: task.checkinCode }, at(-30))).toEqual(OK)
    // after the end: refused (a millisecond late, and a minute late by code); exactly at the end: taken, credits nothing
    expect(await checkIn(w.leader.scope, task.id, { volunteerId: c.id }, new Date(at(120).getTime() + 1))).toEqual(outside)
    expect(await checkIn(c.scope, task.id, { code: task.checkinCode }, at(121))).toEqual(outside)
    expect(await checkIn(w.leader.scope, task.id, { volunteerId: c.id }, at(120))).toEqual(OK)
    expect(await checkOut(c.scope, task.id, { code: task.checkinCode }, at(125))).toEqual({ ok: true, value: { minutes: 0 } })
    // no check-in, no check-out (as before), by staff and by code
    expect(await checkOut(w.leader.scope, task.id, { volunteerId: d.id }, at(60))).toEqual({ ok: false, error: 'STATE' })
    expect(await checkOut(d.scope, task.id, { code: task.checkinCode }, at(60))).toEqual({ ok: false, error: 'STATE' })
    expect((await db.taskSignup.findUniqueOrThrow({ where: { taskId_userId: { taskId: task.id, userId: d.id } }, select: { checkInAt: true, checkOutAt: true, minutes: true } }))).toEqual({ checkInAt: null, checkOutAt: null, minutes: null })
  })

  it('credited minutes = max(check-in, start) → min(check-out, end); a check-out more than 30 min after the end is capped and flagged; none before the check-in', async () => {
    const w = await world('封顶', 8)
    const db = await prisma()
    const task = await w.task() // 120 minutes
    // [check-in, check-out, credited, flagged], in minutes from the start
    const cases: [number, number, number, boolean][] = [
      [0, 120, 120, false], //          out exactly at the end
      [0, 130, 120, false], //          10 min after the end: capped, not flagged
      [0, 150, 120, false], //          exactly 30 min after: not flagged yet
      [0, 151, 120, true], //           31 min after: flagged
      [30, 120 + 3 * DAY, 90, true], // three days later: credited up to the end only
      [-20, 60, 60, false], //          20 min early: credited from the start
      [-25, -5, 0, false], //           in and out before the start: nothing to credit
    ]
    for (const [i, [inAt, outAt, minutes, late]] of cases.entries()) {
      const v = w.vs[i]
      // by staff for even cases, by code for odd ones: the same rules
      const by = i % 2 ? { code: task.checkinCode } : { volunteerId: v.id }
      const who = i % 2 ? v.scope : w.leader.scope
      expect(await checkIn(who, task.id, by, at(inAt)), `case ${i} in`).toEqual(OK)
      expect(await checkOut(who, task.id, by, at(outAt)), `case ${i} out`).toEqual({ ok: true, value: { minutes } })
      const row = await db.taskSignup.findUniqueOrThrow({ where: { taskId_userId: { taskId: task.id, userId: v.id } }, select: { minutes: true, lateCheckOut: true, checkOutAt: true } })
      expect(row, `case ${i}`).toEqual({ minutes, lateCheckOut: late, checkOutAt: at(outAt) })
    }
    // a check-out before the check-in is impossible (by staff or by code); the volunteer stays checked in
    const v = w.vs[7]
    expect(await checkIn(w.leader.scope, task.id, { volunteerId: v.id }, at(10))).toEqual(OK)
    const before = await checkOut(w.leader.scope, task.id, { volunteerId: v.id }, at(5))
    expect(before).toEqual({ ok: false, error: 'BEFORE_CHECK_IN', params: { checkIn: `${YEAR}-03-02 09:10` } })
    expect(toActionState(before)).toEqual({ ok: false, error: 'tasks.checkOutBeforeCheckIn', messageParams: { checkIn: `${YEAR}-03-02 09:10` } })
    expect(await checkOut(v.scope, task.id, { code: task.checkinCode }, at(5))).toMatchObject({ error: 'BEFORE_CHECK_IN' })
    expect(await checkOut(v.scope, task.id, { code: task.checkinCode }, at(20))).toEqual({ ok: true, value: { minutes: 10 } })
    // the team leader sees who was flagged (the task page lists them)
    const asLeader = await getTask(w.leader.scope, task.id)
    if (!asLeader.ok) throw new Error('task')
    expect(asLeader.value.signups.filter((s) => s.lateCheckOut).map((s) => s.user.id).sort()).toEqual([w.vs[3].id, w.vs[4].id].sort())
  })

  it('points, stars and the roll-up counters follow the capped minutes; the signed hour correction adds what was really served', async () => {
    const w = await world('时长封顶', 2)
    const db = await prisma()
    const [v1, v2] = w.vs
    const task = await w.task() // 2 hours
    // v1: in at the start, out five days later (7,320 min unstretched: 122 h, a star); v2: in 20 min early, out at 100 min
    expect(await checkIn(v1.scope, task.id, { code: task.checkinCode }, at(0))).toEqual(OK)
    expect(await checkIn(v2.scope, task.id, { code: task.checkinCode }, at(-20))).toEqual(OK)
    expect(await checkOut(v2.scope, task.id, { code: task.checkinCode }, at(100))).toEqual({ ok: true, value: { minutes: 100 } })
    expect(await checkOut(v1.scope, task.id, { code: task.checkinCode }, at(5 * DAY))).toEqual({ ok: true, value: { minutes: 120 } })
    // 10 points an hour: 20 and 16 (floor of 100/6); hours and stars from the same minutes
    expect(await myPointsAndHours(v1.scope)).toMatchObject({ balance: 20, hours: 2, stars: 0 })
    expect(await myPointsAndHours(v2.scope)).toMatchObject({ balance: 16, hours: 1.6, stars: 0 })
    // roll-ups: the community and each ancestor hold the capped minutes on the check-out's China day
    const units = unitsOfPath(w.t.communityA1a.path)
    const minutesBy = async () => {
      const rows = await db.unitCounter.findMany({ where: { orgUnitId: { in: units }, metric: 'service:minutes' }, select: { orgUnitId: true, day: true, value: true } })
      return rows.map((r) => `${r.orgUnitId}|${r.day.toISOString().slice(0, 10)}|${r.value}`).sort()
    }
    const expected = units.flatMap((u) => [`${u}|${chinaDate(at(100))}|100`, `${u}|${chinaDate(at(5 * DAY))}|120`]).sort()
    expect(await minutesBy()).toEqual(expected)
    // …and a rebuild from the records says the same
    await db.$transaction((tx) => rebuildCounters(tx, w.t.tenant.id))
    expect(await minutesBy()).toEqual(expected)
    // flagged for those who run the task; the community admin (who keeps points) is pointed to the correction
    const asLeader = await getTask(w.leader.scope, task.id)
    const asAdmin = await getTask(w.admin.scope, task.id)
    const asVolunteer = await getTask(v1.scope, task.id)
    if (!asLeader.ok || !asAdmin.ok || !asVolunteer.ok) throw new Error('task')
    expect(asLeader.value).toMatchObject({ canRun: true, canCorrectHours: false })
    expect(asLeader.value.signups.find((s) => s.user.id === v1.id)).toMatchObject({ lateCheckOut: true, minutes: 120 })
    expect(asLeader.value.signups.find((s) => s.user.id === v2.id)).toMatchObject({ lateCheckOut: false, minutes: 100 })
    expect(asAdmin.value).toMatchObject({ canRun: true, canCorrectHours: true })
    expect(asVolunteer.value).toMatchObject({ canRun: false, canCorrectHours: false })
    // the existing mechanism: a signed correction, on top of the capped minutes
    expect(await adjustHours(w.admin.scope, { phone: w.phone, hours: '3', reason: '超时签退核实补录' })).toMatchObject({ ok: true })
    // the correction feeds the same running total as the check-outs, points included: 300 min × 10/h
    expect(await myPointsAndHours(v1.scope)).toMatchObject({ hours: 5, balance: 50 })
  })
})
