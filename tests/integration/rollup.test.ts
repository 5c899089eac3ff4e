// Real-time roll-ups: after a random mix of events through the data layer, the counters kept in the
// events' transactions equal a rebuild from the records (row for row), every level's dashboard equals
// direct counts of the records under it and the sum of its children, a new event shows on every
// ancestor at once, and officials see no unit outside their subtree.
import { describe, expect, it } from 'vitest'
import { createNeed, resolveNeed } from '@/lib/server/workflow/needs'
import { createServiceItem } from '@/lib/server/workflow/services'
import { claimOrder, dispatchOrder } from '@/lib/server/workflow/orders'
import { checkIn, checkOut, signUp } from '@/lib/server/workflow/tasks'
import { registerVolunteer } from '@/lib/server/users/register-volunteer'
import { saveMyProfile } from '@/lib/server/people/volunteers'
import { resolveScope, type Scope } from '@/lib/server/authz/scope'
import { rebuildCounters } from '@/lib/server/stats/rebuild'
import { dashboard, dashboardUnit, DASHBOARD_CACHE_MS, type Dashboard } from '@/lib/server/stats/dashboard'
import { chinaDate } from '@/lib/china-time'
import { moveUnit } from '@/lib/server/org/mutations'
import { listPilots } from '@/lib/server/projects/pilot-tasks'
import { listNeeds } from '@/lib/server/workflow/needs'
import { ZNeedListQuery } from '@/lib/schemas/workflow'
import { createCampaign, submitSurveyResponse } from '@/lib/server/evaluation/surveys'
import { createTaskRow, createTeam, ensureCategories } from '@/tests/factories/workflow'
import { uniquePhone, type TestTree, type UnitRef } from '@/tests/factories/org'
import { prisma, tree, userWith } from './helpers'
import { toHours } from '@/lib/hours'

/** mulberry32: a small seeded PRNG, so a failing mix can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

type Staff = { admin: Scope; worker: Scope; leader: Scope; leaderId: string; teamId: string; unit: UnitRef }

async function staffAt(unit: UnitRef, label: string): Promise<Staff> {
  const db = await prisma()
  const admin = await userWith('COMMUNITY_ADMIN', unit)
  const worker = await userWith('SOCIAL_WORKER', unit)
  const leader = await userWith('TEAM_LEADER', unit)
  const team = await createTeam(db, { unit, name: `${label}队`, leaderId: leader.id })
  return { admin: admin.scope, worker: worker.scope, leader: leader.scope, leaderId: leader.id, teamId: team.id, unit }
}

/** The counters of a tenant, days and months (both tables: the rebuild must produce each row for row). */
async function counterRows(tenantId: string) {
  const db = await prisma()
  const rows = await db.unitCounter.findMany({ where: { tenantId, value: { not: 0 } }, select: { orgUnitId: true, metric: true, day: true, value: true }, orderBy: [{ orgUnitId: 'asc' }, { metric: 'asc' }, { day: 'asc' }] })
  const months = await db.unitCounterMonth.findMany({ where: { tenantId, value: { not: 0 } }, select: { orgUnitId: true, metric: true, month: true, value: true }, orderBy: [{ orgUnitId: 'asc' }, { metric: 'asc' }, { month: 'asc' }] })
  return [
    ...rows.map((r) => `day|${r.orgUnitId}|${r.metric}|${r.day.toISOString().slice(0, 10)}|${r.value}`),
    ...months.map((r) => `month|${r.orgUnitId}|${r.metric}|${r.month.toISOString().slice(0, 10)}|${r.value}`),
  ]
}

/** The figures of `path` counted from the records themselves (the oracle). */
async function directFigures(path: string) {
  const db = await prisma()
  const under = { orgPath: { startsWith: path } }
  const [collected, resolved, served, volunteers, claimed] = await Promise.all([
    db.need.count({ where: under }),
    db.need.aggregate({ where: { ...under, resolvedAt: { not: null } }, _count: { _all: true }, _sum: { peopleAffected: true, satisfaction: true } }),
    db.taskSignup.aggregate({ where: { checkOutAt: { not: null }, task: under }, _sum: { minutes: true }, _count: { _all: true } }),
    db.roleAssignment.count({ where: { ...under, role: 'VOLUNTEER' } }),
    db.order.count({ where: { ...under, claimedAt: { not: null } } }),
  ])
  return {
    needsCollected: collected,
    needsResolved: resolved._count._all,
    beneficiaries: resolved._sum.peopleAffected ?? 0,
    satisfactionSum: resolved._sum.satisfaction ?? 0,
    serviceMinutes: served._sum.minutes ?? 0,
    serviceRecords: served._count._all,
    volunteers: volunteers,
    needsClaimed: claimed,
  }
}

const ALL_TIME = { period: 'custom', from: '2025-01-01', to: '2027-12-31' } // the events fall in 2026 and today

function expectFiguresEqual(d: Dashboard['figures'], o: Awaited<ReturnType<typeof directFigures>>, where: string) {
  expect(d.needsCollected, `${where} needs collected`).toBe(o.needsCollected)
  expect(d.needsResolved, `${where} needs resolved`).toBe(o.needsResolved)
  expect(d.needsClaimed, `${where} claimed`).toBe(o.needsClaimed)
  expect(d.beneficiaries, `${where} beneficiaries`).toBe(o.beneficiaries)
  expect(d.serviceRecords, `${where} service records`).toBe(o.serviceRecords)
  expect(d.serviceHours, `${where} hours`).toBe(toHours(o.serviceMinutes))
  expect(d.volunteersTotal, `${where} volunteers`).toBe(o.volunteers)
  expect(d.satisfaction, `${where} satisfaction`).toBe(o.needsResolved ? Math.round((o.satisfactionSum / o.needsResolved) * 100) / 100 : null)
}

async function mixOfEvents(t: TestTree, seed: number, steps: number) {
  const random = rng(seed)
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]
  const db = await prisma()
  const cat = await ensureCategories(db, t.tenant.id)
  const sites = [await staffAt(t.communityA1a, `A1a-${seed}`), await staffAt(t.communityA2a, `A2a-${seed}`), await staffAt(t.communityB1a, `B1a-${seed}`)]
  const needs: { id: string; site: Staff; stage: 'open' | 'dispatched' | 'served' | 'resolved'; orderId?: string }[] = []
  const volunteers: { id: string; scope: Scope; site: Staff }[] = []
  const base = Date.UTC(2026, 0, 5, 2) // events spread over 2026, China daytime
  for (let i = 0; i < steps; i++) {
    const site = pick(sites)
    const r = random()
    if (r < 0.25 || needs.length === 0) {
      const n = await createNeed(site.worker, { orgUnitId: site.unit.id, title: `需求${i}`, description: '随机事件', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: String(1 + Math.floor(random() * 5)) })
      if (!n.ok) throw new Error(JSON.stringify(n))
      needs.push({ id: n.value.id, site, stage: 'open' })
    } else if (r < 0.4) {
      const phone = uniquePhone()
      const reg = await registerVolunteer({ phone, name: '随机志愿者', password: 'Volunteer2026', confirmPassword: 'Volunteer2026', communityId: site.unit.id })
      if (!reg.ok) throw new Error(JSON.stringify(reg))
      const scope = (await resolveScope(reg.value.userId))!
      await db.teamMember.create({ data: { teamId: site.teamId, userId: reg.value.userId } })
      volunteers.push({ id: reg.value.userId, scope, site })
      if (random() < 0.5) expect((await saveMyProfile(scope, { realName: '随机志愿者', kind: pick(['PARTY_MEMBER', 'YOUTH', 'VETERAN']) })).ok).toBe(true)
    } else if (r < 0.6) {
      const n = needs.find((x) => x.stage === 'open' && random() < 0.7)
      if (!n) continue
      const s = await createServiceItem(n.site.worker, { needId: n.id, title: '服务', description: '说明', resourceIds: [] })
      if (!s.ok) throw new Error('service')
      const o = await dispatchOrder(n.site.admin, { serviceItemId: s.value.id, teamId: n.site.teamId })
      if (!o.ok) throw new Error('order')
      expect((await claimOrder(n.site.leader, o.value.id, n.site.teamId)).ok).toBe(true)
      n.stage = 'dispatched'
      n.orderId = o.value.id
    } else if (r < 0.8) {
      const n = needs.find((x) => x.stage === 'dispatched')
      const vs = volunteers.filter((v) => n && v.site === n.site)
      if (!n || !vs.length) continue
      const v = pick(vs)
      // the task starts at the check-in and lasts longer than any stay below (30–210 min): nothing capped
      const from = new Date(base + Math.floor(random() * 300) * 86_400_000)
      const start = from.getTime()
      // the task may lie in the past: its row is written by the factory (createTask takes future tasks only)
      const task = await createTaskRow(db, { orderId: n.orderId!, createdById: n.site.leaderId, title: '服务任务', startsAt: from, endsAt: new Date(start + 4 * 3_600_000), slots: 3 })
      expect((await signUp(v.scope, task.id, new Date(start - 7_200_000))).ok).toBe(true)
      expect((await checkIn(n.site.leader, task.id, { volunteerId: v.id }, from)).ok).toBe(true)
      expect((await checkOut(n.site.leader, task.id, { volunteerId: v.id }, new Date(from.getTime() + (30 + Math.floor(random() * 180)) * 60_000))).ok).toBe(true)
      n.stage = 'served'
    } else {
      const n = needs.find((x) => x.stage === 'served' || x.stage === 'dispatched')
      if (!n) continue
      expect((await resolveNeed(n.site.worker, n.id, { outcome: '已解决', satisfaction: String(1 + Math.floor(random() * 5)) })).ok).toBe(true)
      n.stage = 'resolved'
    }
  }
  return { sites, needs, volunteers }
}

describe('roll-up counters', () => {
  it('after a random mix of events: counters = rebuild from the records, and every level = its records = the sum of its children', async () => {
    const t = await tree()
    const db = await prisma()
    const seed = 20261123
    const { needs, volunteers } = await mixOfEvents(t, seed, 80)
    expect(needs.length).toBeGreaterThan(10)
    expect(volunteers.length).toBeGreaterThan(5)

    const incremental = await counterRows(t.tenant.id)
    expect(incremental.some((r) => r.startsWith('month|')), 'month rows kept').toBe(true)
    await db.$transaction((tx) => rebuildCounters(tx, t.tenant.id))
    expect(await counterRows(t.tenant.id), `seed ${seed}`).toEqual(incremental)

    const region = await userWith('REGION_OFFICIAL', t.region)
    for (const u of [t.region, t.leagueA, t.leagueB, t.countyA1, t.countyA2, t.communityA1a, t.communityB1a]) {
      const d = await dashboard(region.scope, { unit: u.id, ...ALL_TIME })
      if (!d.ok) throw new Error('dashboard')
      expectFiguresEqual(d.value.figures, await directFigures(u.path), u.name)
      if (d.value.children.length) {
        const sum = (k: 'needsCollected' | 'needsResolved' | 'serviceRecords' | 'volunteersTotal' | 'beneficiaries') => d.value.children.reduce((a, c) => a + c.figures[k], 0)
        for (const k of ['needsCollected', 'needsResolved', 'serviceRecords', 'volunteersTotal', 'beneficiaries'] as const) expect(sum(k), `${u.name} Σ children ${k}`).toBe(d.value.figures[k])
      }
    }

    // pilots and their four tasks: A1a and B1a are the tree's pilots; their social workers recorded needs
    // and their teams claimed orders, so tasks 1 and 2 are met for both
    const top = await dashboard(region.scope, { unit: t.region.id, ...ALL_TIME })
    if (!top.ok) throw new Error('dashboard')
    expect(top.value.figures.pilots).toBe(2)
    expect(top.value.figures.pilotTasksMet).toEqual([2, 2, 0, 0])
    expect(top.value.children.find((c) => c.unit.id === t.leagueB.id)?.figures.pilotTasksMet).toEqual([1, 1, 0, 0])

    // a period that starts and ends inside months (its days from the daily rows, its whole months from the
    // month rows) counts exactly the records of its days; and one inside a single month
    for (const [from, to] of [['2026-02-14', '2026-09-03'], ['2026-03-05', '2026-03-27'], ['2026-01-01', '2026-06-30']] as const) {
      const d = await dashboard(region.scope, { unit: t.region.id, period: 'custom', from, to })
      if (!d.ok) throw new Error('dashboard')
      const range = { gte: new Date(`${from}T00:00:00+08:00`), lt: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000) }
      const served = await db.taskSignup.aggregate({ where: { checkOutAt: range, task: { orgPath: { startsWith: t.region.path } } }, _sum: { minutes: true }, _count: { _all: true } })
      expect(d.value.figures.serviceRecords, `${from}…${to} records`).toBe(served._count._all)
      expect(d.value.figures.serviceHours, `${from}…${to} hours`).toBe(toHours(served._sum.minutes ?? 0))
      const volunteersThen = await db.roleAssignment.count({ where: { orgPath: { startsWith: t.region.path }, role: 'VOLUNTEER', createdAt: { lt: range.lt } } })
      expect(d.value.figures.volunteersTotal, `${from}…${to} volunteers (a stock: up to the period's end)`).toBe(volunteersThen)
    }

    // a period counts only its days; the trend's months add up to the period
    const d2026 = await dashboard(region.scope, { unit: t.region.id, period: 'custom', from: '2026-01-01', to: '2026-12-31' })
    if (!d2026.ok) throw new Error('dashboard')
    const minutes2026 = await db.taskSignup.aggregate({ where: { checkOutAt: { gte: new Date('2025-12-31T16:00:00Z'), lt: new Date('2026-12-31T16:00:00Z') }, task: { orgPath: { startsWith: t.region.path } } }, _sum: { minutes: true } })
    expect(d2026.value.figures.serviceHours).toBe(toHours(minutes2026._sum.minutes ?? 0))
  })

  it('a resolved need, a claimed order and a service record show on every ancestor (on the dashboard within 1 s)', async () => {
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const site = await staffAt(t.communityA1a, '即时')
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const today = { period: 'custom', from: chinaDate(), to: chinaDate() }
    const snapshot = async (at = new Date()) => Promise.all([t.region, t.leagueA, t.countyA1, t.communityA1a].map(async (u) => {
      const d = await dashboard(region.scope, { unit: u.id, ...today }, at)
      if (!d.ok) throw new Error('dashboard')
      return d.value.figures
    }))
    const before = await snapshot()
    const need = await createNeed(site.worker, { orgUnitId: t.communityA1a.id, title: '即时需求', description: '说明', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '4' })
    if (!need.ok) throw new Error('need')
    const s = await createServiceItem(site.worker, { needId: need.value.id, title: '服务', description: '说明', resourceIds: [] })
    if (!s.ok) throw new Error('service')
    const o = await dispatchOrder(site.admin, { serviceItemId: s.value.id, teamId: site.teamId })
    if (!o.ok) throw new Error('order')
    expect((await claimOrder(site.leader, o.value.id, site.teamId)).ok).toBe(true)
    await db.teamMember.create({ data: { teamId: site.teamId, userId: v.id } })
    // a task that started an hour ago and runs on: checked in at its start, out now
    const now = new Date()
    const start = now.getTime() - 60 * 60_000
    // (a running task: written by the factory, createTask takes future tasks only)
    const task = await createTaskRow(db, { orderId: o.value.id, createdById: site.leaderId, title: '即时任务', startsAt: new Date(start), endsAt: new Date(start + 7_200_000), slots: 1 })
    expect((await signUp(v.scope, task.id, new Date(start - 7_200_000))).ok).toBe(true)
    expect((await checkIn(site.leader, task.id, { volunteerId: v.id }, new Date(now.getTime() - 60 * 60_000))).ok).toBe(true)
    expect((await checkOut(site.leader, task.id, { volunteerId: v.id }, now)).ok).toBe(true)
    expect((await resolveNeed(site.worker, need.value.id, { outcome: '已解决', satisfaction: '5' })).ok).toBe(true)
    // the counters moved in the events' transactions; a dashboard may serve what it computed up to
    // DASHBOARD_CACHE_MS (1 s) before (tests/integration/dashboard-freshness.test.ts): ask as of 1 s later
    const after = await snapshot(new Date(Date.now() + DASHBOARD_CACHE_MS))
    for (let i = 0; i < after.length; i++) {
      expect(after[i].needsCollected - before[i].needsCollected).toBe(1)
      expect(after[i].needsClaimed - before[i].needsClaimed).toBe(1)
      expect(after[i].needsResolved - before[i].needsResolved).toBe(1)
      expect(after[i].serviceRecords - before[i].serviceRecords).toBe(1)
      expect(after[i].serviceHours - before[i].serviceHours).toBe(1)
      expect(after[i].beneficiaries - before[i].beneficiaries).toBe(4)
    }
  })

  it('survey ratings roll up like the other figures, equal to the rebuild', async () => {
    const t = await tree()
    const db = await prisma()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const c = await createCampaign(admin.scope, { orgUnitId: t.communityA1a.id, title: '满意度', startsOn: '2026-05-01', endsOn: '2026-06-30', 'questions.0.kind': 'RATING', 'questions.0.text': '态度', 'questions.1.kind': 'RATING', 'questions.1.text': '及时', 'questions.2.kind': 'TEXT', 'questions.2.text': '建议' }, new Date('2026-04-20T02:00:00Z')) // created before it opens
    if (!c.ok) throw new Error(JSON.stringify(c))
    const { token } = await db.surveyCampaign.findUniqueOrThrow({ where: { id: c.value.id }, select: { token: true } })
    const at = new Date('2026-05-10T02:00:00Z')
    for (const [a, b] of [['5', '4'], ['3', '3'], ['4', '5']]) expect((await submitSurveyResponse(token, { 'a.0': a, 'a.1': b, 'a.2': '' }, at)).ok).toBe(true)
    const region = await userWith('REGION_OFFICIAL', t.region)
    for (const u of [t.region, t.leagueA, t.countyA1, t.communityA1a]) {
      const d = await dashboard(region.scope, { unit: u.id, period: 'custom', from: '2026-05-01', to: '2026-05-31' })
      if (!d.ok) throw new Error('dashboard')
      expect(d.value.figures.surveyResponses, u.name).toBe(3)
      expect(d.value.figures.surveySatisfaction, u.name).toBe(4) // (5+4+3+3+4+5) / 6 ratings
    }
    const incremental = await counterRows(t.tenant.id)
    await db.$transaction((tx) => rebuildCounters(tx, t.tenant.id))
    expect(await counterRows(t.tenant.id)).toEqual(incremental)
  })

  it('a unit move carries its counters from the old ancestors to the new ones', async () => {
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const site = await staffAt(t.communityA1b, '迁移')
    for (let i = 0; i < 3; i++) await createNeed(site.worker, { orgUnitId: t.communityA1b.id, title: `迁移${i}`, description: '说明', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' })
    const region = await userWith('REGION_OFFICIAL', t.region)
    expect((await moveUnit(region.scope, t.communityA1b.id, t.countyB1.id)).ok).toBe(true)
    const incremental = await counterRows(t.tenant.id)
    await db.$transaction((tx) => rebuildCounters(tx, t.tenant.id))
    expect(await counterRows(t.tenant.id)).toEqual(incremental)
    for (const u of [t.countyA1, t.leagueA, t.countyB1, t.leagueB, t.region]) {
      const path = (await db.orgUnit.findUniqueOrThrow({ where: { id: u.id }, select: { path: true } })).path
      const d = await dashboard(region.scope, { unit: u.id, ...ALL_TIME })
      if (!d.ok) throw new Error('dashboard')
      expect(d.value.figures.needsCollected, u.name).toBe((await directFigures(path)).needsCollected)
    }
  })

  it('officials open dashboards of their subtree only; a custom period is checked', async () => {
    const t = await tree()
    const other = await tree()
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    expect((await dashboard(league.scope, { unit: t.countyA1.id })).ok).toBe(true)
    for (const u of [t.leagueB, t.countyB1, t.communityB1a, t.region, other.region, other.communityA1a]) expect(await dashboard(league.scope, { unit: u.id })).toEqual({ ok: false, error: 'NOT_FOUND' })
    const home = await dashboard(league.scope, {})
    expect(home.ok && home.value.unit.id).toBe(t.leagueA.id)
    expect(home.ok && home.value.children.map((c) => c.unit.id).sort()).toEqual([t.countyA1.id, t.countyA2.id].sort())
    const volunteer = await userWith('VOLUNTEER', t.communityA1a)
    expect(await dashboard(volunteer.scope, {})).toEqual({ ok: false, error: 'NOT_FOUND' })
    // the page decides its status on dashboardUnit alone (before the figures stream): the same answers
    for (const u of [t.leagueB, t.countyB1, t.region, other.region]) expect(await dashboardUnit(league.scope, { unit: u.id })).toBeNull()
    expect((await dashboardUnit(league.scope, { unit: t.countyA1.id }))?.id).toBe(t.countyA1.id)
    expect((await dashboardUnit(league.scope, {}))?.id).toBe(t.leagueA.id)
    expect(await dashboardUnit(volunteer.scope, {})).toBeNull()
    const given = await dashboardUnit(league.scope, { unit: t.countyA1.id })
    const withGiven = await dashboard(league.scope, { unit: t.countyA1.id }, new Date(), given!)
    expect(withGiven.ok && withGiven.value.unit.id).toBe(t.countyA1.id)

    // drill-down: the list behind a child's figure holds that child's rows only, and never more than the scope
    const region = await userWith('REGION_OFFICIAL', t.region)
    expect((await listPilots(region.scope, { unit: t.leagueA.id, page: 1, pageSize: 50 })).rows.map((p) => p.id)).toEqual([t.communityA1a.id])
    expect((await listPilots(league.scope, { unit: t.leagueB.id, page: 1, pageSize: 50 })).rows).toEqual([])
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', t.communityA2a)
    expect((await createNeed(worker.scope, { orgUnitId: t.communityA2a.id, title: '下钻', description: '下钻', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' })).ok).toBe(true)
    expect((await listNeeds(league.scope, ZNeedListQuery.parse({ unit: t.countyA2.id }))).total).toBe(1)
    expect((await listNeeds(league.scope, ZNeedListQuery.parse({ unit: t.countyA1.id }))).total).toBe(0)
    expect(await dashboard(league.scope, { period: 'custom', from: '2026-05-01', to: '2026-04-01' })).toMatchObject({ ok: false, fieldErrors: { to: 'validation.period.order' } })
    expect(await dashboard(league.scope, { period: 'custom' })).toMatchObject({ ok: false, fieldErrors: { from: 'validation.period.required' } })
  })
})
