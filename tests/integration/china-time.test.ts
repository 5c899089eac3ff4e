// China time at the edges, through the data layer and a real database: at 2026-03-01T23:30Z it is
// already 07:30 on 2 March in China (the UTC date still says 1 March), and at 2026-12-31T16:30Z it is
// already 2027. Every "today", day bucket and year below must be China's.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { getCase, listMyCases, openCase, overdueFollowUps, scheduleFollowUp } from '@/lib/server/cases/cases'
import { bookVenue, createVenue, venueWeek } from '@/lib/server/people/venues'
import { createTrainingEvent, recordAttendance } from '@/lib/server/people/training'
import { myTalentRecord, saveWorkerProfile } from '@/lib/server/people/talent'
import { recordChange } from '@/lib/server/workflow/common'
import { createNeed, listNeeds } from '@/lib/server/workflow/needs'
import { dashboard } from '@/lib/server/stats/dashboard'
import { rebuildCounters } from '@/lib/server/stats/rebuild'
import { unitsOfPath } from '@/lib/server/stats/counters'
import { ZNeedListQuery } from '@/lib/schemas/workflow'
import { chinaDate, fromDbDate } from '@/lib/china-time'
import { ensureCategories } from '@/tests/factories/workflow'
import { prisma, tree, userWith } from './helpers'

const EARLY_MORNING = new Date('2026-03-01T23:30:00Z') // 2026-03-02 07:30 in China, a Monday
const LATE_EVENING = new Date('2026-03-01T15:59:00Z') // 2026-03-01 23:59 in China

describe('China time at the edges', () => {
  it('a follow-up due 1 March is overdue at 07:30 on 2 March in China, though UTC still says 1 March', async () => {
    const t = await tree()
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const c = await openCase(worker.scope, { orgUnitId: t.communityA1a.id, personName: '王秀兰', birthYear: '2013', vulnerabilityGroup: 'ELDERLY', foundVia: 'VISIT', situation: '独居，需定期回访' })
    if (!c.ok) throw new Error(JSON.stringify(c))
    expect(await scheduleFollowUp(worker.scope, c.value.id, { dueOn: '2026-03-01' })).toEqual({ ok: true, value: null })
    expect(await scheduleFollowUp(worker.scope, c.value.id, { dueOn: '2026-03-02' })).toEqual({ ok: true, value: null })

    expect(await overdueFollowUps(worker.scope, EARLY_MORNING)).toBe(1)
    const read = await getCase(worker.scope, c.value.id, EARLY_MORNING)
    if (!read.ok) throw new Error('read')
    expect(read.value.followUps.map((f) => [fromDbDate(f.dueOn), f.overdue])).toEqual([['2026-03-01', true], ['2026-03-02', false]])
    const mine = await listMyCases(worker.scope, EARLY_MORNING)
    expect(mine.find((x) => x.id === c.value.id)?._count.followUps).toBe(1)

    // a minute before China's midnight nothing is overdue yet
    expect(await overdueFollowUps(worker.scope, LATE_EVENING)).toBe(0)
    const evening = await getCase(worker.scope, c.value.id, LATE_EVENING)
    expect(evening.ok && evening.value.followUps.map((f) => f.overdue)).toEqual([false, false])
    expect((await listMyCases(worker.scope, LATE_EVENING)).find((x) => x.id === c.value.id)?._count.followUps).toBe(0)

    // born 2013: 14 in China's 2027 (no longer a minor), though UTC's year is still 2026
    const newYear = await getCase(worker.scope, c.value.id, new Date('2026-12-31T16:30:00Z'))
    expect(newYear.ok && newYear.value.minor).toBe(false)
    const eve = await getCase(worker.scope, c.value.id, new Date('2026-12-31T15:59:59Z'))
    expect(eve.ok && eve.value.minor).toBe(true)
  })

  it("a venue booked for 'today' at 07:30 China time falls on China's 2 March, in that Monday's week", async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const venue = await createVenue(admin.scope, { orgUnitId: t.communityA1a.id, name: '早间活动室', capacity: '20', opensAt: '07:00', closesAt: '21:00' })
    if (!venue.ok) throw new Error(JSON.stringify(venue))
    const today = chinaDate(EARLY_MORNING)
    expect(today).toBe('2026-03-02')
    const slot = (from: string, to: string) => ({ startsAt: `${today}T${from}`, endsAt: `${today}T${to}`, purpose: '晨练' })

    expect(await bookVenue(admin.scope, venue.value.id, slot('07:00', '07:20'), EARLY_MORNING)).toMatchObject({ ok: false, fieldErrors: { startsAt: 'validation.booking.past' } }) // 23:00Z
    expect((await bookVenue(admin.scope, venue.value.id, slot('07:45', '08:30'), EARLY_MORNING)).ok).toBe(true) // 23:45Z on 1 March
    expect((await bookVenue(admin.scope, venue.value.id, slot('09:00', '10:00'), EARLY_MORNING)).ok).toBe(true)
    const db = await prisma()
    const rows = await db.venueBooking.findMany({ where: { venueId: venue.value.id }, select: { startsAt: true }, orderBy: { startsAt: 'asc' } })
    expect(rows[0].startsAt.toISOString()).toBe('2026-03-01T23:45:00.000Z')

    const week = await venueWeek(admin.scope, venue.value.id, today)
    if (!week.ok) throw new Error('week')
    expect(week.value.days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'])
    expect(week.value.bookings.map((b) => `${b.day} ${b.from}-${b.to}`)).toEqual(['2026-03-02 07:45-08:30', '2026-03-02 09:00-10:00'])
    expect([week.value.prevWeek, week.value.nextWeek]).toEqual(['2026-02-23', '2026-03-09'])
    // the week before (Sunday 1 March in China) does not show them
    const before = await venueWeek(admin.scope, venue.value.id, '2026-03-01')
    expect(before.ok && [before.value.days[0], before.value.bookings.length]).toEqual(['2026-02-23', 0])
  })

  it('at 2026-12-31T16:30Z the training year is 2027: a New Year’s Day event counts for 2027 and takes attendance', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    expect((await saveWorkerProfile(admin.scope, worker.id, { certLevel: 'ASSISTANT', certNumber: 'S2020000777', certDate: '2020-06-21', employerKind: 'COMMUNITY', station: '社工站' })).ok).toBe(true)
    const event = async (date: string, hours: string) => {
      const r = await createTrainingEvent(admin.scope, { orgUnitId: t.communityA1a.id, kind: 'LECTURE', title: '新年讲座', date, hours }, new Date('2026-12-01T02:00:00Z')) // recorded a month ahead
      if (!r.ok) throw new Error(JSON.stringify(r))
      return r.value.id
    }
    const eve = await event('2026-12-31', '3')
    const newYearsDay = await event('2027-01-01', '1.5')
    expect((await recordAttendance(admin.scope, eve, { userIds: [worker.id] }, new Date('2026-12-31T15:59:59Z'))).ok).toBe(true)
    // 23:59:59 on 31 December in China: 1 January is still to come
    expect(await recordAttendance(admin.scope, newYearsDay, { userIds: [worker.id] }, new Date('2026-12-31T15:59:59Z'))).toMatchObject({ fieldErrors: { userIds: 'validation.attendance.future' } })
    const newYear = new Date('2026-12-31T16:30:00Z')
    expect((await recordAttendance(admin.scope, newYearsDay, { userIds: [worker.id] }, newYear)).ok).toBe(true)

    const me = await myTalentRecord(worker.scope, newYear)
    if (!me.ok) throw new Error('me')
    expect(me.value.thisYear).toMatchObject({ year: 2027, hours: 1.5 })
    expect(me.value.years.map((y) => [y.year, y.hours])).toEqual([[2027, 1.5], [2026, 3]])
    const stillOld = await myTalentRecord(worker.scope, new Date('2026-12-31T15:59:59Z'))
    expect(stillOld.ok && stillOld.value.thisYear).toMatchObject({ year: 2026, hours: 3 })
  })

  it("an event at 2026-03-01T23:30Z lands in the dashboard's 2 March (China) on every level, as the rebuild says", async () => {
    const t = await tree()
    const db = await prisma()
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const region = await userWith('REGION_OFFICIAL', t.region)
    await db.$transaction((tx) => recordChange(tx, worker.scope, { entity: 'Need', entityId: randomUUID(), orgPath: t.communityA1a.path, from: null, to: 'OPEN' }, EARLY_MORNING))

    const buckets = async () =>
      (await db.unitCounter.findMany({ where: { tenantId: t.tenant.id, metric: 'flow:Need:OPEN' }, select: { orgUnitId: true, day: true, value: true }, orderBy: { orgUnitId: 'asc' } }))
        .map((r) => ({ unit: r.orgUnitId, day: fromDbDate(r.day), value: Number(r.value) }))
    const incremental = await buckets()
    expect(incremental).toEqual([...unitsOfPath(t.communityA1a.path)].sort().map((unit) => ({ unit, day: '2026-03-02', value: 1 })))

    const collected = async (unitId: string, day: string) => {
      const d = await dashboard(region.scope, { unit: unitId, period: 'custom', from: day, to: day }, EARLY_MORNING)
      if (!d.ok) throw new Error('dashboard')
      return d.value.figures.needsCollected
    }
    for (const u of [t.region, t.leagueA, t.countyA1, t.communityA1a]) {
      expect(await collected(u.id, '2026-03-02')).toBe(1)
      expect(await collected(u.id, '2026-03-01')).toBe(0)
    }
    // the SQL rebuild ("at" + 8 hours) puts it on the same China day
    await db.$transaction((tx) => rebuildCounters(tx, t.tenant.id))
    expect(await buckets()).toEqual(incremental)
  })

  it("a need list's day filter is China's: a need created at 2026-03-01T23:30Z is one of 2 March's", async () => {
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const need = await createNeed(worker.scope, { orgUnitId: t.communityA1a.id, title: '清晨送药', description: '说明', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' })
    if (!need.ok) throw new Error(JSON.stringify(need))
    await db.need.update({ where: { id: need.value.id }, data: { createdAt: EARLY_MORNING } })
    const ids = async (q: Record<string, string>) => (await listNeeds(worker.scope, ZNeedListQuery.parse(q))).rows.map((n) => n.id)
    expect(await ids({ from: '2026-03-02', to: '2026-03-02' })).toEqual([need.value.id])
    expect(await ids({ from: '2026-03-02' })).toEqual([need.value.id])
    expect(await ids({ to: '2026-03-01' })).toEqual([])
    expect(await ids({ from: '2026-03-01', to: '2026-03-01' })).toEqual([])
  })
})
