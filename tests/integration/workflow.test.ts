// The core workflow end to end: need → resource → service → order → claim → task → sign-up →
// check-in/out → hours → rating → resolved, and who may do what.
import { beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { createNeed, getNeed, listNeeds, countNeedsByStatus, rejectNeed, resolveNeed } from '@/lib/server/workflow/needs'
import { createResource, listResources } from '@/lib/server/workflow/resources'
import { createServiceItem, listServiceItems, suggestMatches } from '@/lib/server/workflow/services'
import { claimOrder, countOrdersByStatus, declineOrder, dispatchOrder, listOrders } from '@/lib/server/workflow/orders'
import { cancelSignup, cancelTask, checkIn, checkOut, createTask, getTask, listMyNotifications, listMySignups, listOpenTasks, listTasks, serviceMinutesOf, signUp, updateTask } from '@/lib/server/workflow/tasks'
import { resolveScope, type Scope } from '@/lib/server/authz/scope'
import { hashPassword } from '@/lib/server/auth/password'
import { createTeam, ensureCategories } from '@/tests/factories/workflow'
import { prisma, tree, userWith } from './helpers'

const Q = { page: 1, pageSize: 50 } as const
const NQ = { ...Q, pageSize: 20 } as const
const hour = 3_600_000

type World = Awaited<ReturnType<typeof world>>
async function world() {
  const t = await tree()
  const db = await prisma()
  const cat = await ensureCategories(db, t.tenant.id)
  const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
  const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
  const leader = await userWith('TEAM_LEADER', t.communityA1a)
  const staff = await userWith('SOCIAL_ORG_STAFF', t.communityA1a)
  const v1 = await userWith('VOLUNTEER', t.communityA1a)
  const v2 = await userWith('VOLUNTEER', t.communityA1a)
  const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
  const otherLeader = await userWith('TEAM_LEADER', t.communityA1b)
  const team = await createTeam(db, { unit: t.communityA1a, name: '党旗红', leaderId: leader.id, memberIds: [v1.id, v2.id] })
  const org = await createTeam(db, { unit: t.communityA1a, name: '益民社工服务中心', kind: 'SOCIAL_ORG', memberIds: [staff.id] })
  const otherTeam = await createTeam(db, { unit: t.communityA1b, name: '风尚绿', leaderId: otherLeader.id })
  return { t, cat, admin, worker, leader, staff, v1, v2, county, otherLeader, team, org, otherTeam }
}

const needInput = (w: World, extra: Record<string, unknown> = {}) => ({
  orgUnitId: w.t.communityA1a.id, title: '独居老人助餐', description: '三位独居老人午餐无人照料', categoryId: w.cat.ELDERLY_CARE,
  targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'HIGH', peopleAffected: '3', residentName: '王秀兰', residentPhone: '13812345678', ...extra,
})

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: string; fieldErrors?: unknown }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`)
  return r.value
}

/** A need taken through matching, dispatch to 党旗红 and claim; returns the ids. */
async function claimedOrder(w: World) {
  const need = await must(createNeed(w.worker.scope, needInput(w)))
  const service = await must(createServiceItem(w.worker.scope, { needId: need.id, title: '爱心午餐', description: '每日送餐上门', resourceIds: [] }))
  const order = await must(dispatchOrder(w.admin.scope, { serviceItemId: service.id, teamId: w.team.id }))
  await must(claimOrder(w.leader.scope, order.id, w.team.id))
  return { need, service, order }
}

const taskInput = (orderId: string, slots: number, start = Date.now() + 48 * hour) => ({
  orderId, title: '送餐', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * hour).toISOString(), place: '幸福街道12号', slots: String(slots),
  signupDeadline: new Date(start - hour).toISOString(),
})

describe('open tasks for a volunteer', () => {
  it('come a page at a time, soonest first, counted across pages; a cancelled task and other communities\' are left out', async () => {
    const w = await world()
    const base = Date.now() + 24 * hour
    const [late, soon, middle, cancelled] = [3, 1, 2, 0.5]
    const ids: Record<string, string> = {}
    for (const [name, h] of Object.entries({ late, soon, middle, cancelled })) {
      const { order } = await claimedOrder(w)
      ids[name] = (await must(createTask(w.leader.scope, { ...taskInput(order.id, 2, base + h * hour), title: `分页-${name}` }))).id
    }
    await must(cancelTask(w.leader.scope, ids.cancelled, { reason: '天气原因' }))
    const first = await listOpenTasks(w.v1.scope, { page: 1, pageSize: 2 })
    expect(first.rows.map((r) => r.id)).toEqual([ids.soon, ids.middle])
    expect([first.total, first.page, first.pageCount]).toEqual([3, 1, 2])
    const second = await listOpenTasks(w.v1.scope, { page: 2, pageSize: 2 })
    expect(second.rows.map((r) => r.id)).toEqual([ids.late])
    expect((await listOpenTasks(w.v1.scope, { page: 3, pageSize: 2 })).rows).toEqual([])
    expect((await listOpenTasks(w.v1.scope)).rows.map((r) => r.id)).toEqual([ids.soon, ids.middle, ids.late]) // 10 a page by default
    const elsewhere = await userWith('VOLUNTEER', w.t.communityA1b)
    expect(await listOpenTasks(elsewhere.scope)).toMatchObject({ rows: [], total: 0, pageCount: 1 })
  })
})

describe('我的报名', () => {
  it("lists the caller's own sign-ups: coming up soonest first, the rest latest first; nobody else's", async () => {
    const w = await world()
    const base = Date.now() + 72 * hour
    const ids: Record<string, string> = {}
    for (const [name, h] of Object.entries({ later: 10, sooner: 2, dropped: 5, called: 7, other: 3 })) {
      const { order } = await claimedOrder(w)
      ids[name] = (await must(createTask(w.leader.scope, { ...taskInput(order.id, 1, base + h * hour), title: `我的-${name}` }))).id
    }
    for (const name of ['later', 'sooner', 'dropped', 'called']) await must(signUp(w.v1.scope, ids[name]))
    await must(signUp(w.v2.scope, ids.other))
    await must(signUp(w.v2.scope, ids.later)) // the only slot is v1's: v2 waits
    await must(cancelSignup(w.v1.scope, ids.dropped))
    await must(cancelTask(w.leader.scope, ids.called, { reason: '天气原因' }))

    const upcoming = await listMySignups(w.v1.scope)
    expect(upcoming.when).toBe('upcoming')
    expect(upcoming.rows.map((r) => r.task.id)).toEqual([ids.sooner, ids.later])
    expect(upcoming.rows.map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED'])
    const past = await listMySignups(w.v1.scope, { when: 'past' })
    expect(past.rows.map((r) => [r.task.id, r.status, r.task.status])).toEqual([
      [ids.called, 'CONFIRMED', 'CANCELLED'],
      [ids.dropped, 'CANCELLED', 'OPEN'],
    ])
    const v2 = await listMySignups(w.v2.scope)
    expect(v2.rows.map((r) => [r.task.id, r.status])).toEqual([[ids.other, 'CONFIRMED'], [ids.later, 'WAITLISTED']])
    // a page at a time
    const first = await listMySignups(w.v1.scope, { page: 1, pageSize: 1 })
    expect([first.rows.map((r) => r.task.id), first.total, first.pageCount]).toEqual([[ids.sooner], 2, 2])
    expect((await listMySignups(w.v1.scope, { page: 2, pageSize: 1 })).rows.map((r) => r.task.id)).toEqual([ids.later])
    // staff of the community have no sign-ups of their own to see
    expect(await listMySignups(w.admin.scope)).toMatchObject({ rows: [], total: 0 })
  })
})

describe('the whole chain', () => {
  it('need → resource → service → order → claim → task → sign-up → check-in/out → hours → rating → resolved', async () => {
    const w = await world()
    const need = await must(createNeed(w.worker.scope, needInput(w)))
    const resource = await must(createResource(w.worker.scope, {
      orgUnitId: w.t.communityA1a.id, providerName: '幸福理发店', providerKind: 'SHOP', type: 'SERVICE', categoryIds: [w.cat.ELDERLY_CARE], capacity: '20', availability: '每周三上午', contactPhone: '13900001111',
    }))
    // a resource of the neighbouring community ranks after the community's own
    await must(createResource(w.worker.scope, { orgUnitId: w.t.communityA1a.id, providerName: '街道医院', providerKind: 'HOSPITAL', type: 'EXPERTISE', categoryIds: [w.cat.HEALTH], capacity: '5', availability: '工作日' }))
    const neighbourAdmin = await userWith('COMMUNITY_ADMIN', w.t.communityA1b)
    await must(createResource(neighbourAdmin.scope, { orgUnitId: w.t.communityA1b.id, providerName: '邻里食堂', providerKind: 'ENTERPRISE', type: 'GOODS', categoryIds: [w.cat.ELDERLY_CARE], capacity: '100', availability: '每日' }))

    const suggestions = await must(suggestMatches(w.worker.scope, need.id))
    // same community first (by capacity: the shop serves 20, the team has 3 members, the organisation 1), then the county
    expect(suggestions.map((s) => [s.name, s.reason])).toEqual([
      ['幸福理发店', 'sameCommunity'], ['党旗红', 'sameCommunity'], ['益民社工服务中心', 'sameCommunity'], ['邻里食堂', 'sameCounty'],
    ])
    expect(suggestions.find((s) => s.name === '邻里食堂')?.contactPhone ?? null).toBeNull()
    expect(suggestions.some((s) => s.name === '街道医院')).toBe(false) // another category

    const service = await must(createServiceItem(w.worker.scope, { needId: need.id, title: '爱心理发', description: '上门理发', resourceIds: [resource.id] }))
    const order = await must(dispatchOrder(w.admin.scope, { serviceItemId: service.id, teamId: w.team.id, note: '本周内' }))
    expect((await listMyNotifications(w.leader.scope)).map((n) => n.kind)).toContain('notify.orderDispatched')
    await must(claimOrder(w.leader.scope, order.id, w.team.id))
    expect((await listMyNotifications(w.admin.scope)).map((n) => n.kind)).toContain('notify.orderClaimed')
    expect(await countOrdersByStatus(w.county.scope)).toEqual({ CLAIMED: 1 })

    const start = Date.now() + 48 * hour
    const task = await must(createTask(w.leader.scope, taskInput(order.id, 1, start)))
    expect(task.checkinCode).toMatch(/^\d{6}$/)
    expect((await listOpenTasks(w.v1.scope)).rows.map((x) => x.id)).toContain(task.id)

    expect(await signUp(w.v1.scope, task.id)).toEqual({ ok: true, value: { status: 'CONFIRMED' } })
    expect(await signUp(w.v2.scope, task.id)).toEqual({ ok: true, value: { status: 'WAITLISTED' } })
    expect(await signUp(w.v2.scope, task.id)).toEqual({ ok: false, error: 'ALREADY' })
    expect(await cancelSignup(w.v1.scope, task.id)).toEqual({ ok: true, value: { promotedUserId: w.v2.id } })
    expect((await listMyNotifications(w.v2.scope)).map((n) => n.kind)).toEqual(expect.arrayContaining(['notify.signupWaitlisted', 'notify.signupPromoted']))
    expect(await signUp(w.v1.scope, task.id)).toEqual({ ok: true, value: { status: 'WAITLISTED' } })

    const at = new Date(start)
    expect(await checkIn(w.v1.scope, task.id, { code: task.checkinCode }, at)).toEqual({ ok: false, error: 'STATE' }) // waitlisted
    expect(await checkIn(w.v2.scope, task.id, { code: '000000' === task.checkinCode ? '111111' : '000000' }, at)).toMatchObject({ ok: false, error: 'INVALID' })
    expect(await checkIn(w.leader.scope, task.id, { volunteerId: w.v2.id }, at)).toEqual({ ok: true, value: null })
    expect((await must(getNeed(w.worker.scope, need.id))).status).toBe('IN_SERVICE')
    expect(await checkOut(w.v2.scope, task.id, { code: task.checkinCode }, new Date(start + 90 * 60_000))).toEqual({ ok: true, value: { minutes: 90 } })
    expect(await checkOut(w.v2.scope, task.id, { code: task.checkinCode }, new Date(start + 95 * 60_000))).toEqual({ ok: false, error: 'STATE' })
    expect(await serviceMinutesOf(w.v2.scope)).toEqual({ minutes: 90, hours: 1.5, tasks: 1 })

    expect(await resolveNeed(w.worker.scope, need.id, { outcome: '老人已按时理发', satisfaction: '5', satisfactionComment: '很满意' })).toEqual({ ok: true, value: null })
    const done = await must(getNeed(w.worker.scope, need.id))
    expect(done).toMatchObject({ status: 'RESOLVED', satisfaction: 5, outcome: '老人已按时理发', served: { minutes: 90, volunteers: 1 } })
    expect(done.history.map((h) => `${h.from ?? ''}→${h.to}`)).toEqual(['→OPEN', 'OPEN→MATCHED', 'MATCHED→DISPATCHED', 'DISPATCHED→IN_SERVICE', 'IN_SERVICE→RESOLVED'])
    expect(done.history.every((h) => h.by.length > 0)).toBe(true)

    // officials read it across their subtree, counts answerable from the data
    expect(await countNeedsByStatus(w.county.scope)).toEqual({ RESOLVED: 1 })
    const forCounty = await listNeeds(w.county.scope, NQ)
    expect(forCounty.rows.map((n) => n.id)).toEqual([need.id])
    expect(forCounty.rows[0]).toMatchObject({ residentPhone: '138****5678', residentName: '王**', canAct: false })
    expect((await listNeeds(w.worker.scope, NQ)).rows[0]).toMatchObject({ residentPhone: '13812345678', residentName: '王秀兰' })
  })
})

describe('who may do what', () => {
  let w: World
  beforeAll(async () => {
    w = await world()
  })

  it('a volunteer cannot record needs, dispatch, claim or create tasks', async () => {
    const { service, order } = await claimedOrder(w)
    expect(await createNeed(w.v1.scope, needInput(w))).toMatchObject({ ok: false, fieldErrors: { orgUnitId: 'validation.community.required' } })
    expect(await dispatchOrder(w.v1.scope, { serviceItemId: service.id, teamId: null })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await claimOrder(w.v1.scope, order.id, w.team.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await createTask(w.v1.scope, taskInput(order.id, 3))).toEqual({ ok: false, error: 'NOT_FOUND' })
  })

  it('a team leader of another community cannot claim, even an order open to all teams', async () => {
    const need = await must(createNeed(w.worker.scope, needInput(w)))
    const service = await must(createServiceItem(w.worker.scope, { needId: need.id, title: '开放派单', description: '所有队伍可接', resourceIds: [] }))
    const order = await must(dispatchOrder(w.admin.scope, { serviceItemId: service.id, teamId: '' }))
    expect(await claimOrder(w.otherLeader.scope, order.id, w.otherTeam.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await claimOrder(w.otherLeader.scope, order.id, w.team.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    // social-organisation staff claim for their organisation; first claim wins
    expect(await claimOrder(w.staff.scope, order.id, w.org.id)).toEqual({ ok: true, value: null })
    expect(await claimOrder(w.leader.scope, order.id, w.team.id)).toEqual({ ok: false, error: 'STATE' })
  })

  it('officials read but do not act', async () => {
    const { service, order } = await claimedOrder(w)
    expect((await listNeeds(w.county.scope, NQ)).total).toBeGreaterThan(0)
    expect((await listOrders(w.county.scope, Q)).total).toBeGreaterThan(0)
    expect(await createNeed(w.county.scope, needInput(w))).toMatchObject({ ok: false, error: 'INVALID' })
    expect(await dispatchOrder(w.county.scope, { serviceItemId: service.id, teamId: null })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await createTask(w.county.scope, taskInput(order.id, 3))).toEqual({ ok: false, error: 'NOT_FOUND' })
    const sibling = await userWith('COUNTY_OFFICIAL', w.t.countyA2)
    expect((await listNeeds(sibling.scope, NQ)).total).toBe(0)
    expect((await listResources(sibling.scope, { ...NQ })).total).toBe(0)
  })

  it('a declined order sends the need back for another dispatch; the dispatcher is told why', async () => {
    const need = await must(createNeed(w.worker.scope, needInput(w)))
    const service = await must(createServiceItem(w.worker.scope, { needId: need.id, title: '代购', description: '代购药品', resourceIds: [] }))
    const order = await must(dispatchOrder(w.admin.scope, { serviceItemId: service.id, teamId: w.team.id }))
    expect(await declineOrder(w.leader.scope, order.id, { teamId: w.team.id, reason: '' })).toMatchObject({ ok: false, fieldErrors: { reason: 'validation.reason.required' } })
    expect(await declineOrder(w.leader.scope, order.id, { teamId: w.team.id, reason: '本周人手不足' })).toEqual({ ok: true, value: null })
    expect((await must(getNeed(w.worker.scope, need.id))).status).toBe('MATCHED')
    expect((await listMyNotifications(w.admin.scope)).some((n) => n.kind === 'notify.orderDeclined')).toBe(true)
    await must(dispatchOrder(w.admin.scope, { serviceItemId: service.id, teamId: w.org.id }))
    expect((await must(getNeed(w.worker.scope, need.id))).status).toBe('DISPATCHED')
  })

  it('a volunteer of another community cannot see or sign up for the task', async () => {
    const { order } = await claimedOrder(w)
    const task = await must(createTask(w.leader.scope, taskInput(order.id, 3)))
    const outsider = await userWith('VOLUNTEER', w.t.communityA1b)
    expect(await signUp(outsider.scope, task.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await getTask(outsider.scope, task.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    // the roster is for those who run the task
    await must(signUp(w.v1.scope, task.id))
    const asV2 = await must(getTask(w.v2.scope, task.id))
    expect(asV2.checkinCode).toBeNull()
    expect(asV2.signups).toEqual([])
    const asLeader = await must(getTask(w.leader.scope, task.id))
    expect(asLeader.signups.map((s) => s.user.phone)).toEqual([expect.stringMatching(/^\d{3}\*{4}\d{4}$/)])
  })

  it('sign-up and cancel close at the deadline', async () => {
    const { order } = await claimedOrder(w)
    const start = Date.now() + 48 * hour
    const task = await must(createTask(w.leader.scope, taskInput(order.id, 3, start)))
    expect(await signUp(w.v1.scope, task.id, new Date(start - hour / 2))).toEqual({ ok: false, error: 'CLOSED' })
    await must(signUp(w.v1.scope, task.id))
    expect(await cancelSignup(w.v1.scope, task.id, new Date(start - hour / 2))).toEqual({ ok: false, error: 'CLOSED' })
  })
})

describe('the lists sort as their URL says', () => {
  it('orders and service items by title, resources by capacity, both ways', async () => {
    const w = await world()
    const serve = async (title: string) => {
      const need = await must(createNeed(w.worker.scope, needInput(w)))
      const service = await must(createServiceItem(w.worker.scope, { needId: need.id, title, description: '排序', resourceIds: [] }))
      return { service: service.id, order: (await must(dispatchOrder(w.admin.scope, { serviceItemId: service.id, teamId: w.team.id }))).id }
    }
    const a = await serve('A 排序')
    const b = await serve('B 排序')
    const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id)
    expect(ids(await listOrders(w.admin.scope, { ...Q, sort: 'title' }))).toEqual([a.order, b.order])
    expect(ids(await listOrders(w.admin.scope, { ...Q, sort: 'title', dir: 'desc' }))).toEqual([b.order, a.order])
    expect(ids(await listServiceItems(w.admin.scope, { ...Q, sort: 'title' }))).toEqual([a.service, b.service])
    expect(ids(await listServiceItems(w.admin.scope, { ...Q, sort: 'title', dir: 'desc' }))).toEqual([b.service, a.service])
    const resource = async (capacity: string) => (await must(createResource(w.worker.scope, { orgUnitId: w.t.communityA1a.id, providerName: `容量${capacity}`, providerKind: 'SHOP', type: 'GOODS', categoryIds: [w.cat.OTHER], capacity, availability: '每日' }))).id
    const small = await resource('5')
    const big = await resource('100')
    expect(ids(await listResources(w.admin.scope, { ...NQ, sort: 'capacity', dir: 'desc' }))).toEqual([big, small])
    expect(ids(await listResources(w.admin.scope, { ...NQ, sort: 'capacity', dir: 'asc' }))).toEqual([small, big])
  })

  it('needs by urgency and by people affected, tasks by slots; no sort is the default order', async () => {
    const w = await world()
    const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id)
    const low = (await must(createNeed(w.worker.scope, needInput(w, { urgency: 'LOW', peopleAffected: '40' })))).id
    const urgent = (await must(createNeed(w.worker.scope, needInput(w, { urgency: 'URGENT', peopleAffected: '2' })))).id
    const normal = (await must(createNeed(w.worker.scope, needInput(w, { urgency: 'NORMAL', peopleAffected: '9' })))).id
    const NS = { ...NQ, pageSize: 100 } as const
    const mine = (r: { rows: { id: string }[] }) => ids(r).filter((id) => [low, urgent, normal].includes(id))
    expect(mine(await listNeeds(w.admin.scope, { ...NS, sort: 'urgency', dir: 'desc' }))).toEqual([urgent, normal, low])
    expect(mine(await listNeeds(w.admin.scope, { ...NS, sort: 'urgency', dir: 'asc' }))).toEqual([low, normal, urgent])
    expect(mine(await listNeeds(w.admin.scope, { ...NS, sort: 'people', dir: 'desc' }))).toEqual([low, normal, urgent])
    expect(mine(await listNeeds(w.admin.scope, NS))).toEqual([normal, urgent, low])
    const { order } = await claimedOrder(w)
    const few = (await must(createTask(w.leader.scope, taskInput(order.id, 2)))).id
    const many = (await must(createTask(w.leader.scope, taskInput(order.id, 30)))).id
    expect(ids(await listTasks(w.admin.scope, { ...Q, sort: 'slots', dir: 'desc' }))).toEqual([many, few])
    expect(ids(await listTasks(w.admin.scope, { ...Q, sort: 'slots', dir: 'asc' }))).toEqual([few, many])
  })
})

describe('changing and cancelling a task', () => {
  it('more slots promote the waitlist, fewer than confirmed are refused, everyone is told; cancelling tells everyone', async () => {
    const w = await world()
    const { order } = await claimedOrder(w)
    const start = Date.now() + 48 * hour
    const task = await must(createTask(w.leader.scope, taskInput(order.id, 1, start)))
    await must(signUp(w.v1.scope, task.id))
    expect(await signUp(w.v2.scope, task.id)).toEqual({ ok: true, value: { status: 'WAITLISTED' } })
    const edit = (slots: number) => ({ ...taskInput(order.id, slots, start), place: '新地点' })
    expect(await updateTask(w.v1.scope, task.id, edit(2))).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await updateTask(w.leader.scope, task.id, edit(0))).toMatchObject({ ok: false, fieldErrors: { slots: 'validation.slots.min' } })
    expect(await updateTask(w.leader.scope, task.id, edit(2))).toEqual({ ok: true, value: { promoted: 1 } })
    expect((await listMyNotifications(w.v2.scope)).map((n) => n.kind)).toContain('notify.signupPromoted')
    expect((await listMyNotifications(w.v1.scope)).map((n) => n.kind)).toContain('notify.taskChanged')
    expect(await updateTask(w.leader.scope, task.id, edit(1))).toMatchObject({ ok: false, fieldErrors: { slots: 'validation.slots.belowTaken' } })
    expect(await cancelTask(w.leader.scope, task.id, { reason: '天气原因' })).toEqual({ ok: true, value: null })
    expect((await listMyNotifications(w.v2.scope)).map((n) => n.kind)).toContain('notify.taskCancelled')
    expect(await signUp(w.staff.scope, task.id)).toEqual({ ok: false, error: 'NOT_FOUND' }) // staff do not sign up
    const outsider = await userWith('VOLUNTEER', w.t.communityA1a)
    expect(await signUp(outsider.scope, task.id)).toEqual({ ok: false, error: 'CLOSED' })
  })
})

describe('permission matrix of the workflow actions', () => {
  // role at the community (or its county) × action → allowed?
  const ROLES = ['COUNTY_OFFICIAL', 'COMMUNITY_ADMIN', 'SOCIAL_WORKER', 'SOCIAL_ORG_STAFF', 'TEAM_LEADER', 'VOLUNTEER'] as const
  const EXPECT: Record<string, readonly (typeof ROLES)[number][]> = {
    recordNeed: ['COMMUNITY_ADMIN', 'SOCIAL_WORKER'],
    recordResource: ['COMMUNITY_ADMIN', 'SOCIAL_WORKER'],
    createService: ['COMMUNITY_ADMIN', 'SOCIAL_WORKER'],
    dispatch: ['COMMUNITY_ADMIN'],
    readNeeds: ['COUNTY_OFFICIAL', 'COMMUNITY_ADMIN', 'SOCIAL_WORKER'],
    signUp: ['TEAM_LEADER', 'VOLUNTEER'],
    runTask: ['COMMUNITY_ADMIN', 'SOCIAL_WORKER'],
  }
  it.each(ROLES)('%s', async (role) => {
    const w = await world()
    const unit = role === 'COUNTY_OFFICIAL' ? w.t.countyA1 : w.t.communityA1a
    const { scope } = await userWith(role, unit)
    const { need, service, order } = await claimedOrder(w)
    const openNeed = await must(createNeed(w.worker.scope, needInput(w)))
    const task = await must(createTask(w.leader.scope, taskInput(order.id, 5)))
    void need
    const allowed = {
      recordNeed: (await createNeed(scope, needInput(w))).ok,
      recordResource: (await createResource(scope, { orgUnitId: w.t.communityA1a.id, providerName: '矩阵商户', providerKind: 'SHOP', type: 'GOODS', categoryIds: [w.cat.OTHER], capacity: '1', availability: '随时' })).ok,
      createService: (await createServiceItem(scope, { needId: openNeed.id, title: '矩阵服务', description: '矩阵', resourceIds: [] })).ok,
      dispatch: (await dispatchOrder(scope, { serviceItemId: service.id, teamId: '' })).ok,
      readNeeds: (await listNeeds(scope, NQ)).total > 0,
      signUp: (await signUp(scope, task.id)).ok,
      runTask: await checkIn(scope, task.id, { volunteerId: w.v1.id }).then((c) => c.ok || c.error !== 'NOT_FOUND'), // OUTSIDE_WINDOW: allowed, but the task starts in two days
    }
    for (const [action, ok] of Object.entries(allowed)) expect(ok, `${role} ${action}`).toBe(EXPECT[action].includes(role))
  })
})

describe('bad input writes nothing', () => {
  it('rejects empty, too long, wrong types, markup, negative slots, end before start — field by field', async () => {
    const w = await world()
    const db = await prisma()
    const before = await Promise.all([db.need.count(), db.resource.count(), db.task.count()])
    const bad = await createNeed(w.worker.scope, needInput(w, { title: '', description: 'x'.repeat(2001), peopleAffected: '-2', urgency: 'SOON', categoryId: randomUUID(), residentPhone: '12' }))
    expect(bad).toMatchObject({ ok: false, fieldErrors: { title: 'validation.title.required', description: 'validation.description.long', peopleAffected: 'validation.peopleAffected.min', urgency: 'validation.urgency.required', residentPhone: 'validation.contactPhone.format' } })
    expect(await createNeed(w.worker.scope, needInput(w, { title: '<script>alert(1)</script>' }))).toMatchObject({ fieldErrors: { title: 'validation.noMarkup' } })
    expect(await createNeed(w.worker.scope, needInput(w, { peopleAffected: 'abc' }))).toMatchObject({ fieldErrors: { peopleAffected: 'validation.peopleAffected.number' } })
    expect(await createNeed(w.worker.scope, needInput(w, { categoryId: randomUUID() }))).toMatchObject({ fieldErrors: { categoryId: 'validation.category.required' } })
    expect(await createResource(w.worker.scope, { orgUnitId: w.t.communityA1a.id, providerName: '', providerKind: 'X', type: 'SERVICE', categoryIds: [], capacity: '0', availability: '' })).toMatchObject({
      fieldErrors: { providerName: 'validation.providerName.required', providerKind: 'validation.providerKind.required', categoryIds: 'validation.categories.required', capacity: 'validation.capacity.min', availability: 'validation.availability.required' },
    })
    const { order } = await claimedOrder(w)
    const start = Date.now() + 48 * hour
    expect(await createTask(w.leader.scope, { ...taskInput(order.id, -1, start), endsAt: new Date(start - hour).toISOString(), signupDeadline: new Date(start + hour).toISOString() })).toMatchObject({
      fieldErrors: { slots: 'validation.slots.min' },
    })
    expect(await createTask(w.leader.scope, { ...taskInput(order.id, 3, start), endsAt: new Date(start - hour).toISOString() })).toMatchObject({ fieldErrors: { endsAt: 'validation.endsAt.beforeStart' } })
    expect(await createTask(w.leader.scope, { ...taskInput(order.id, 3, start), signupDeadline: new Date(start + hour).toISOString() })).toMatchObject({ fieldErrors: { signupDeadline: 'validation.signupDeadline.afterStart' } })
    expect(await rejectNeed(w.worker.scope, randomUUID(), { reason: '重复' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    const after = await Promise.all([db.need.count(), db.resource.count(), db.task.count()])
    expect(after).toEqual([before[0] + 1, before[1], before[2]]) // only claimedOrder's own need
  })
})

describe('a task is never overbooked', () => {
  it('200 concurrent sign-ups at a 10-slot task: exactly 10 confirmed, the rest waitlisted; cancellations promote in order', async () => {
    const w = await world()
    const { order } = await claimedOrder(w)
    const task = await must(createTask(w.leader.scope, taskInput(order.id, 10)))
    const db = await prisma()
    const passwordHash = await hashPassword('Volunteer1')
    const ids = Array.from({ length: 200 }, () => randomUUID())
    await db.user.createMany({ data: ids.map((id, i) => ({ id, tenantId: w.t.tenant.id, name: `志愿者${i}`, phone: `16${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`, passwordHash })) })
    await db.roleAssignment.createMany({ data: ids.map((userId) => ({ userId, orgUnitId: w.t.communityA1a.id, orgPath: w.t.communityA1a.path, role: 'VOLUNTEER' as const })) })
    const scopes = (await Promise.all(ids.map((id) => resolveScope(id)))) as Scope[]

    const started = Date.now()
    const results = await Promise.all(scopes.map((s) => signUp(s, task.id)))
    const ms = Date.now() - started
    const statuses = results.map((r) => (r.ok ? r.value.status : r.error))
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(10)
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(190)
    const counts = await db.taskSignup.groupBy({ by: ['status'], where: { taskId: task.id }, _count: { _all: true } })
    expect(Object.fromEntries(counts.map((c) => [c.status, c._count._all]))).toEqual({ CONFIRMED: 10, WAITLISTED: 190 })
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id }, select: { taken: true } })).taken).toBe(10)

    // five confirmed volunteers cancel at once: the five earliest on the waitlist move up, never more
    const confirmed = scopes.filter((_, i) => statuses[i] === 'CONFIRMED').slice(0, 5)
    const cancels = await Promise.all(confirmed.map((s) => cancelSignup(s, task.id)))
    expect(cancels.every((c) => c.ok && c.value.promotedUserId)).toBe(true)
    const firstWaiting = await db.taskSignup.findMany({ where: { taskId: task.id, status: { in: ['CONFIRMED', 'WAITLISTED'] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { status: true } })
    expect(firstWaiting.filter((s) => s.status === 'CONFIRMED')).toHaveLength(10)
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id }, select: { taken: true } })).taken).toBe(10)
    console.log(`[${process.env.DATABASE_URL?.split(':')[0]}] 200 concurrent sign-ups settled in ${ms} ms`)
  }, 120_000)
})
