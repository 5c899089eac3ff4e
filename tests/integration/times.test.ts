// Times make sense: a task, a venue booking, a training event and a survey campaign cannot be created in
// the past, against the server's clock at the moment of the call (not when a schema was loaded); a task's
// sign-up deadline lies between now and its start; an edit of a running task keeps its start. Bad times
// get a field error and write nothing.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTask, updateTask } from '@/lib/server/workflow/tasks'
import { bookVenue, createVenue } from '@/lib/server/people/venues'
import { createTrainingEvent } from '@/lib/server/people/training'
import { createCampaign } from '@/lib/server/evaluation/surveys'
import { addDays, chinaDate, chinaIso } from '@/lib/china-time'
import { createTaskRow } from '@/tests/factories/workflow'
import { prisma, serviceWorld } from './helpers'

const MIN = 60_000
const HOUR = 60 * MIN
/** A datetime-local value (China time, minutes) `ms` from now. */
const local = (ms: number) => chinaIso(new Date(Date.now() + ms)).slice(0, 16)
const taskForm = (orderId: string, start: number, deadline = start - HOUR, end = start + 2 * HOUR) => ({
  orderId, title: '敬老院探访', startsAt: local(start), endsAt: local(end), place: '社区敬老院', slots: '4', signupDeadline: local(deadline),
})

afterEach(() => {
  vi.useRealTimers()
})

describe('a task is created in the future', () => {
  it('a start in the past is refused (the message points to the hour corrections), so is a deadline in the past or after the start; nothing is written', async () => {
    const w = await serviceWorld('过去的任务')
    const db = await prisma()
    const before = await db.task.count({ where: { orderId: w.orderId } })
    // the example: start 2025-01-01, deadline 2024-12-31
    expect(await createTask(w.leader.scope, { ...taskForm(w.orderId, HOUR), startsAt: '2025-01-01T09:00', endsAt: '2025-01-01T11:00', signupDeadline: '2024-12-31T18:00' })).toEqual({
      ok: false, error: 'INVALID', fieldErrors: { startsAt: 'validation.startsAt.past', signupDeadline: 'validation.signupDeadline.past' },
    })
    // started a minute ago (a running activity is no task to create)
    expect(await createTask(w.leader.scope, taskForm(w.orderId, -MIN, -HOUR))).toEqual({ ok: false, error: 'INVALID', fieldErrors: { startsAt: 'validation.startsAt.past', signupDeadline: 'validation.signupDeadline.past' } })
    // a future start whose sign-up closed already
    expect(await createTask(w.leader.scope, taskForm(w.orderId, 3 * HOUR, -10 * MIN))).toEqual({ ok: false, error: 'INVALID', fieldErrors: { signupDeadline: 'validation.signupDeadline.past' } })
    // the deadline after the start, the end before it (the schema's rules, unchanged)
    expect(await createTask(w.leader.scope, taskForm(w.orderId, 3 * HOUR, 4 * HOUR))).toMatchObject({ ok: false, fieldErrors: { signupDeadline: 'validation.signupDeadline.afterStart' } })
    expect(await createTask(w.leader.scope, taskForm(w.orderId, 3 * HOUR, HOUR, 2 * HOUR))).toMatchObject({ ok: false, fieldErrors: { endsAt: 'validation.endsAt.beforeStart' } })
    expect(await db.task.count({ where: { orderId: w.orderId } })).toBe(before)
    // out of scope stays "not found", whatever the times
    expect(await createTask(w.v.scope, taskForm(w.orderId, -HOUR, -2 * HOUR))).toEqual({ ok: false, error: 'NOT_FOUND' })
    // in the future: created
    const ok = await createTask(w.leader.scope, taskForm(w.orderId, 3 * HOUR, 10 * MIN))
    expect(ok.ok).toBe(true)
    expect(await db.task.count({ where: { orderId: w.orderId } })).toBe(before + 1)
  })

  it('"now" is the clock at the moment of the call, not when the schema was loaded', async () => {
    const w = await serviceWorld('时钟')
    const form = taskForm(w.orderId, 3 * HOUR, 2 * HOUR) // in the future as this test starts
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 5 * HOUR) // five hours later the same values lie in the past
    expect(await createTask(w.leader.scope, form)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { startsAt: 'validation.startsAt.past', signupDeadline: 'validation.signupDeadline.past' } })
    vi.useRealTimers()
    expect((await createTask(w.leader.scope, form)).ok).toBe(true)
  })
})

describe('editing a task', () => {
  it('a task not started yet: its start cannot move into the past, a moved deadline must lie ahead; an unchanged past deadline does not block other edits', async () => {
    const w = await serviceWorld('改期')
    const db = await prisma()
    const created = await createTask(w.leader.scope, taskForm(w.orderId, 3 * HOUR, 30 * MIN))
    if (!created.ok) throw new Error(JSON.stringify(created))
    const id = created.value.id
    const edit = (start: number, deadline: number, extra: Record<string, string> = {}) => ({ ...taskForm(w.orderId, start, deadline), ...extra })
    expect(await updateTask(w.leader.scope, id, edit(-HOUR, -2 * HOUR))).toEqual({ ok: false, error: 'INVALID', fieldErrors: { startsAt: 'validation.startsAt.past', signupDeadline: 'validation.signupDeadline.past' } })
    expect(await updateTask(w.leader.scope, id, edit(3 * HOUR, -HOUR))).toEqual({ ok: false, error: 'INVALID', fieldErrors: { signupDeadline: 'validation.signupDeadline.past' } })
    const row = await db.task.findUniqueOrThrow({ where: { id }, select: { startsAt: true, signupDeadline: true, place: true } })
    expect(row.place).toBe('社区敬老院')
    expect(await updateTask(w.leader.scope, id, edit(5 * HOUR, 4 * HOUR, { place: '社区活动室' }))).toEqual({ ok: true, value: { promoted: 0 } })

    // sign-up has closed (deadline in the past, start ahead): a change of place keeps the deadline as it is
    const t0 = Date.now()
    const times = { startsAt: new Date(t0 + 2 * HOUR), endsAt: new Date(t0 + 4 * HOUR), signupDeadline: new Date(t0 - HOUR) }
    const closed = await createTaskRow(db, { orderId: w.orderId, createdById: w.leader.id, title: '报名已截止', ...times })
    const same = Object.fromEntries(Object.entries(times).map(([k, d]) => [k, chinaIso(d).slice(0, 16)]))
    expect(await updateTask(w.leader.scope, closed.id, { ...same, place: '新地点', slots: '5' })).toEqual({ ok: true, value: { promoted: 0 } })
  })

  it('a running task keeps its start: its end, place and slots may change; moving its start is refused', async () => {
    const w = await serviceWorld('进行中')
    const db = await prisma()
    // running since an hour ago: written by the factory (createTask takes future tasks only)
    const startsAt = new Date(Math.floor((Date.now() - HOUR) / MIN) * MIN)
    const task = await createTaskRow(db, { orderId: w.orderId, createdById: w.leader.id, title: '进行中的任务', startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), signupDeadline: new Date(startsAt.getTime() - HOUR) })
    const at = (d: Date) => chinaIso(d).slice(0, 16)
    const form = (start: Date, end: Date) => ({ startsAt: at(start), endsAt: at(end), place: '社区广场', slots: '8', signupDeadline: at(new Date(startsAt.getTime() - HOUR)) })
    expect(await updateTask(w.leader.scope, task.id, form(startsAt, new Date(startsAt.getTime() + 3 * HOUR)))).toEqual({ ok: true, value: { promoted: 0 } })
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id }, select: { endsAt: true, place: true, slots: true } })).toEqual({ endsAt: new Date(startsAt.getTime() + 3 * HOUR), place: '社区广场', slots: 8 })
    for (const moved of [new Date(startsAt.getTime() - HOUR), new Date(Date.now() + HOUR)]) {
      expect(await updateTask(w.leader.scope, task.id, form(moved, new Date(moved.getTime() + 2 * HOUR)))).toEqual({ ok: false, error: 'INVALID', fieldErrors: { startsAt: 'validation.startsAt.started' } })
    }
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id }, select: { startsAt: true } })).startsAt).toEqual(startsAt)
  })
})

describe('bookings, training and surveys cannot start in the past', () => {
  it('a venue booking in the past is refused against the real clock', async () => {
    const w = await serviceWorld('场地')
    const venue = await createVenue(w.admin.scope, { orgUnitId: w.t.communityA1a.id, name: '活动室', capacity: '20', opensAt: '00:00', closesAt: '23:59' })
    if (!venue.ok) throw new Error('venue')
    const yesterday = addDays(chinaDate(), -1)
    expect(await bookVenue(w.admin.scope, venue.value.id, { startsAt: `${yesterday}T09:00`, endsAt: `${yesterday}T10:00`, purpose: '四点半课堂' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { startsAt: 'validation.booking.past' } })
    const tomorrow = addDays(chinaDate(), 1)
    expect((await bookVenue(w.admin.scope, venue.value.id, { startsAt: `${tomorrow}T09:00`, endsAt: `${tomorrow}T10:00`, purpose: '四点半课堂' })).ok).toBe(true)
    expect(await (await prisma()).venueBooking.count({ where: { venueId: venue.value.id } })).toBe(1)
  })

  it('a training event before today is refused; today and later are taken', async () => {
    const w = await serviceWorld('培训')
    const base = { orgUnitId: w.t.communityA1a.id, kind: 'LECTURE', title: '伦理讲座', hours: '2' }
    expect(await createTrainingEvent(w.admin.scope, { ...base, date: addDays(chinaDate(), -1) })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { date: 'validation.trainingDate.past' } })
    expect(await (await prisma()).trainingEvent.count({ where: { orgPath: w.t.communityA1a.path } })).toBe(0)
    expect((await createTrainingEvent(w.admin.scope, { ...base, date: chinaDate() })).ok).toBe(true)
    // China's date: at 23:30 UTC it is already the next day in China, so that day's "yesterday" is today in UTC
    const lateUtc = new Date(`${chinaDate()}T23:30:00Z`)
    expect(await createTrainingEvent(w.admin.scope, { ...base, date: chinaDate() }, lateUtc)).toMatchObject({ fieldErrors: { date: 'validation.trainingDate.past' } })
  })

  it('a survey campaign cannot open before today or close in the past; closing before opening stays refused', async () => {
    const { admin, t } = await serviceWorld('调查')
    const db = await prisma()
    const questions = { 'questions.0.kind': 'RATING', 'questions.0.text': '态度', 'questions.1.kind': 'RATING', 'questions.1.text': '及时', 'questions.2.kind': 'TEXT', 'questions.2.text': '建议' }
    const unit = t.communityA1a.id
    const today = chinaDate()
    const form = (startsOn: string, endsOn: string) => ({ orgUnitId: unit, title: '满意度', startsOn, endsOn, ...questions })
    expect(await createCampaign(admin.scope, form(addDays(today, -30), addDays(today, -1)))).toEqual({ ok: false, error: 'INVALID', fieldErrors: { startsOn: 'validation.surveyStart.past', endsOn: 'validation.surveyEnd.past' } })
    expect(await createCampaign(admin.scope, form(addDays(today, -1), addDays(today, 30)))).toEqual({ ok: false, error: 'INVALID', fieldErrors: { startsOn: 'validation.surveyStart.past' } })
    expect(await createCampaign(admin.scope, form(addDays(today, 5), addDays(today, 1)))).toMatchObject({ ok: false, fieldErrors: { endsOn: 'validation.evalPeriod.order' } })
    expect(await db.surveyCampaign.count({ where: { orgUnitId: unit } })).toBe(0)
    expect((await createCampaign(admin.scope, form(today, today))).ok).toBe(true)
  })
})
