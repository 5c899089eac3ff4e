import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { awardPoints, createReward, exchange, myPointsAndHours } from '@/lib/server/people/points'
import { adjustHours, hoursByYear } from '@/lib/server/people/hours'
import { listVolunteers, volunteerDetail } from '@/lib/server/people/volunteers'
import { checkIn, checkOut, serviceMinutesOf, signUp } from '@/lib/server/workflow/tasks'
import { resolveScope, type Scope } from '@/lib/server/authz/scope'
import { hashPassword } from '@/lib/server/auth/password'
import { toHours } from '@/lib/hours'
import { createTaskRow } from '@/tests/factories/workflow'
import { prisma, serviceWorld, tree, userWith } from './helpers'

async function ledgerMatchesBalances(userIds: string[]) {
  const db = await prisma()
  for (const userId of userIds) {
    const sum = await db.pointsEntry.aggregate({ where: { userId }, _sum: { amount: true } })
    const bal = await db.pointsBalance.findUnique({ where: { userId }, select: { balance: true } })
    expect(bal?.balance ?? 0, userId).toBe(sum._sum.amount ?? 0)
    expect(bal?.balance ?? 0).toBeGreaterThanOrEqual(0)
  }
}

describe('points and exchange', () => {
  it('service earns points once at check-out (10 per hour), awards add, exchanges spend; the balance is the ledger sum', async () => {
    const { t, db, admin, v, serve } = await serviceWorld('积分')
    const start = Date.now() + 86_400_000
    expect(await serve(v, new Date(start), new Date(start + 90 * 60_000))).toBe(90)
    expect(await myPointsAndHours(v.scope)).toMatchObject({ balance: 15, hours: 1.5, stars: 0, toNextStar: 98.5 })

    expect(await awardPoints(admin.scope, { phone: '12', amount: '0', reason: '' })).toMatchObject({ ok: false, fieldErrors: { phone: 'validation.phone.format', amount: 'validation.points.number', reason: 'validation.reason.required' } })
    const phone = (await db.user.findUniqueOrThrow({ where: { id: v.id }, select: { phone: true } })).phone
    expect(await awardPoints(v.scope, { phone, amount: '40', reason: '自己给自己' })).toMatchObject({ ok: false, fieldErrors: { phone: 'validation.volunteer.notFound' } })
    expect(await awardPoints(admin.scope, { phone, amount: '40', reason: '垃圾分类宣传' })).toEqual({ ok: true, value: null })
    const item = await createReward(admin.scope, { orgUnitId: t.communityA1a.id, name: '洗衣粉一袋+衣架', cost: '50', stock: '1' })
    if (!item.ok) throw new Error('item')
    expect(await createReward(v.scope, { orgUnitId: t.communityA1a.id, name: '不该有', cost: '1', stock: '1' })).toMatchObject({ ok: false })
    expect(await exchange(v.scope, item.value.id)).toEqual({ ok: true, value: { balance: 5 } })
    expect(await exchange(v.scope, item.value.id)).toEqual({ ok: false, error: 'INSUFFICIENT' })
    await awardPoints(admin.scope, { phone, amount: '100', reason: '补充' })
    expect(await exchange(v.scope, item.value.id)).toEqual({ ok: false, error: 'OUT_OF_STOCK' })
    const outsider = await userWith('VOLUNTEER', t.communityA1b)
    expect(await exchange(outsider.scope, item.value.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect((await myPointsAndHours(v.scope)).entries.map((e) => e.kind).sort()).toEqual(['AWARD', 'AWARD', 'EXCHANGE', 'SERVICE'])
    await ledgerMatchesBalances([v.id])
    // the database refuses a negative balance whatever the code does
    await expect(db.$executeRawUnsafe(`UPDATE "PointsBalance" SET balance = -1 WHERE "userId" = '${v.id}'`)).rejects.toThrow()
  })

  it('concurrent exchanges never overspend a balance nor oversell a stock', async () => {
    const t = await tree()
    const db = await prisma()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const passwordHash = await hashPassword('Volunteer1')
    const ids = Array.from({ length: 20 }, () => randomUUID())
    await db.user.createMany({ data: ids.map((id, i) => ({ id, tenantId: t.tenant.id, name: `兑换者${i}`, phone: `15${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`, passwordHash })) })
    await db.roleAssignment.createMany({ data: ids.map((userId) => ({ userId, orgUnitId: t.communityA1a.id, orgPath: t.communityA1a.path, role: 'VOLUNTEER' as const })) })
    const scopes = (await Promise.all(ids.map((id) => resolveScope(id)))) as Scope[]
    for (const u of await db.user.findMany({ where: { id: { in: ids } }, select: { phone: true } })) await awardPoints(admin.scope, { phone: u.phone, amount: '100', reason: '初始积分' })

    // one volunteer, 100 points, ten simultaneous 30-point exchanges: exactly three go through
    const cheap = await createReward(admin.scope, { orgUnitId: t.communityA1a.id, name: '毛巾', cost: '30', stock: '100' })
    if (!cheap.ok) throw new Error('item')
    const mine = await Promise.all(Array.from({ length: 10 }, () => exchange(scopes[0], cheap.value.id)))
    expect(mine.filter((r) => r.ok)).toHaveLength(3)
    expect(mine.filter((r) => !r.ok && r.error === 'INSUFFICIENT')).toHaveLength(7)
    // twenty volunteers, five in stock: exactly five go through
    const scarce = await createReward(admin.scope, { orgUnitId: t.communityA1a.id, name: '米一袋', cost: '50', stock: '5' })
    if (!scarce.ok) throw new Error('item')
    const rush = await Promise.all(scopes.map((s) => exchange(s, scarce.value.id)))
    expect(rush.filter((r) => r.ok)).toHaveLength(5)
    expect((await db.rewardItem.findUniqueOrThrow({ where: { id: scarce.value.id }, select: { stock: true } })).stock).toBe(0)
    expect(await db.exchange.count({ where: { itemId: scarce.value.id } })).toBe(5)
    await ledgerMatchesBalances(ids)
  }, 120_000)
})

// ---------------------------------------------------------------------------------------------
// One volunteer, one total (ARCHITECTURE.md, decision 12): the hours shown are cut to 0.1 h the same way
// on every page, and the service points follow the running total of minutes, not each sign-up.
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000
const BASE = Date.UTC(2031, 2, 3, 1, 0) // 09:00 China time, a day far from any other test's counters

/** A task of the world's order on day `day` (09:00 China time), the volunteer signed up and checked in. */
async function checkedIn(w: Awaited<ReturnType<typeof serviceWorld>>, who: { id: string; scope: Scope }, day: number, minutes: number) {
  const startsAt = new Date(BASE + day * DAY)
  const task = await createTaskRow(w.db, { orderId: w.orderId, createdById: w.leader.id, title: `服务${day}`, startsAt, endsAt: new Date(startsAt.getTime() + 120 * 60_000) })
  expect(await signUp(who.scope, task.id, new Date(startsAt.getTime() - 2 * 3_600_000))).toMatchObject({ ok: true })
  expect(await checkIn(w.leader.scope, task.id, { volunteerId: who.id }, startsAt)).toEqual({ ok: true, value: null })
  const out = new Date(startsAt.getTime() + minutes * 60_000)
  return { taskId: task.id, startsAt, out, checkOut: () => checkOut(w.leader.scope, task.id, { volunteerId: who.id }, out) }
}

async function serveFor(w: Awaited<ReturnType<typeof serviceWorld>>, who: { id: string; scope: Scope }, day: number, minutes: number) {
  const c = await checkedIn(w, who, day, minutes)
  expect(await c.checkOut()).toEqual({ ok: true, value: { minutes } })
}

/** What the volunteer's home, /tasks, /points, the roster and the volunteer's page show, from the DAL functions they call. */
async function shownEverywhere(w: Awaited<ReturnType<typeof serviceWorld>>, v: { id: string; scope: Scope }, phone: string) {
  const home = await serviceMinutesOf(v.scope) // app/(app)/page.tsx → VolunteerHome: toHours(minutes)
  const points = await myPointsAndHours(v.scope) // app/(app)/points/page.tsx
  const roster = await listVolunteers(w.admin.scope, { q: phone }) // app/(app)/volunteers/page.tsx
  const detail = await volunteerDetail(w.admin.scope, v.id) // app/(app)/volunteers/[id]/page.tsx
  const byYear = await hoursByYear(w.admin.scope, v.id) // certificates, the hours-by-year table
  if (!byYear.ok || !detail) throw new Error('out of scope')
  expect(roster.rows.map((r) => r.id)).toEqual([v.id])
  return { home: toHours(home.minutes), tasks: home.hours, points: points.hours, roster: roster.rows[0].hours, detail: detail.hours, certificate: byYear.value.hours, minutes: home.minutes, balance: points.balance }
}

const same = (hours: number) => ({ home: hours, tasks: hours, points: hours, roster: hours, detail: hours, certificate: hours })

describe('one volunteer, one total', () => {
  it('ten 5-minute services earn what one 50-minute service earns, in points and in the hours shown', async () => {
    const w = await serviceWorld('累计')
    const other = await userWith('VOLUNTEER', w.t.communityA1a)
    const balances: number[] = []
    for (let i = 0; i < 10; i++) {
      await serveFor(w, w.v, i, 5)
      balances.push((await myPointsAndHours(w.v.scope)).balance)
    }
    // floor(5k × 10 / 60) after the k-th service: nothing is lost to rounding each sign-up down
    expect(balances).toEqual([0, 1, 2, 3, 4, 5, 5, 6, 7, 8])
    await serveFor(w, other, 0, 50)
    const [many, one] = [await myPointsAndHours(w.v.scope), await myPointsAndHours(other.scope)]
    expect(many).toMatchObject({ balance: 8, minutes: 50, hours: 0.8 })
    expect(one).toMatchObject({ balance: 8, minutes: 50, hours: 0.8 })
    expect(many.entries.every((e) => e.kind === 'SERVICE' && e.amount > 0)).toBe(true)
    expect(toHours(5)).toBe(0)
    expect(toHours(6)).toBe(0.1)
    expect(toHours(5_997)).toBe(99.9)
    expect(toHours(6_000)).toBe(100)
    await ledgerMatchesBalances([w.v.id, other.id])
  }, 120_000)

  it('home, /tasks, /points, the roster and the certificate show the same hours; corrections feed the same total and its points', async () => {
    const w = await serviceWorld('同一')
    // 5 minutes: 0 h everywhere (cut to 0.1 h), 0 points
    await serveFor(w, w.v, 0, 5)
    expect(await shownEverywhere(w, w.v, w.phone)).toEqual({ ...same(0), minutes: 5, balance: 0 })
    // + a 0.25 h correction = 20 minutes: 0.3 h, floor(20 × 10 / 60) = 3 points, as an ADJUSTMENT entry
    expect(await adjustHours(w.admin.scope, { phone: w.phone, hours: '0.25', reason: '补录线下活动' })).toMatchObject({ ok: true })
    expect(await shownEverywhere(w, w.v, w.phone)).toEqual({ ...same(0.3), minutes: 20, balance: 3 })
    // + 40 minutes served = 60: 1 h, 10 points
    await serveFor(w, w.v, 1, 40)
    expect(await shownEverywhere(w, w.v, w.phone)).toEqual({ ...same(1), minutes: 60, balance: 10 })
    // − 0.5 h = 30 minutes: the points follow the total down (5 points back)
    expect(await adjustHours(w.admin.scope, { phone: w.phone, hours: '-0.5', reason: '重复登记' })).toMatchObject({ ok: true })
    expect(await shownEverywhere(w, w.v, w.phone)).toEqual({ ...same(0.5), minutes: 30, balance: 5 })
    const entries = (await myPointsAndHours(w.v.scope)).entries.map((e) => [e.kind, e.amount]).sort()
    expect(entries).toEqual([['ADJUSTMENT', -5], ['ADJUSTMENT', 3], ['SERVICE', 7]])
    await ledgerMatchesBalances([w.v.id])
  }, 120_000)

  it('a deduction takes back at most the balance, and the next credit settles the rest', async () => {
    const w = await serviceWorld('扣减')
    await serveFor(w, w.v, 0, 60) // 10 points
    const item = await createReward(w.admin.scope, { orgUnitId: w.t.communityA1a.id, name: '毛巾', cost: '8', stock: '5' })
    if (!item.ok) throw new Error('item')
    expect(await exchange(w.v.scope, item.value.id)).toEqual({ ok: true, value: { balance: 2 } })
    // −0.5 h would take back 5 points; 2 are left, so 2 are taken (never a negative balance)
    expect(await adjustHours(w.admin.scope, { phone: w.phone, hours: '-0.5', reason: '重复登记' })).toMatchObject({ ok: true })
    expect((await myPointsAndHours(w.v.scope)).balance).toBe(0)
    // 30 more minutes: the total is 60 again, worth 10 points; 3 of the 5 are still owed, so 2 are paid
    await serveFor(w, w.v, 1, 30)
    expect((await myPointsAndHours(w.v.scope)).balance).toBe(2)
    await ledgerMatchesBalances([w.v.id])
  }, 120_000)

  it('balances from before the rule: the next credit makes up what rounding each sign-up down left out', async () => {
    const w = await serviceWorld('旧账')
    // three 5-minute check-outs as the old code recorded them: minutes credited, floor(50/60) = 0 points each, no ledger row
    for (let day = 0; day < 3; day++) {
      const c = await checkedIn(w, w.v, day, 5)
      await w.db.taskSignup.updateMany({ where: { taskId: c.taskId, userId: w.v.id }, data: { checkOutAt: c.out, minutes: 5 } })
    }
    // an award creates the balance row before any credit under the new rule (pointMinutes NULL)
    expect(await awardPoints(w.admin.scope, { phone: w.phone, amount: '40', reason: '垃圾分类宣传' })).toEqual({ ok: true, value: null })
    expect(await w.db.pointsBalance.findUniqueOrThrow({ where: { userId: w.v.id }, select: { pointMinutes: true } })).toEqual({ pointMinutes: null })
    // a fourth 5-minute service: 20 minutes in all → floor(200 / 60) = 3 points in one entry
    await serveFor(w, w.v, 3, 5)
    const me = await myPointsAndHours(w.v.scope)
    expect(me).toMatchObject({ balance: 43, minutes: 20 })
    expect(me.entries.filter((e) => e.kind === 'SERVICE').map((e) => e.amount)).toEqual([3])
    expect(await w.db.pointsBalance.findUniqueOrThrow({ where: { userId: w.v.id }, select: { pointMinutes: true } })).toEqual({ pointMinutes: BigInt(200) })
    await ledgerMatchesBalances([w.v.id])
  }, 120_000)

  it('a new rate applies to later minutes only', async () => {
    const w = await serviceWorld('费率')
    await serveFor(w, w.v, 0, 30) // 30 min × 10/h = 5 points
    await w.db.tenant.update({ where: { id: w.t.tenant.id }, data: { pointsPerHour: 20 } })
    await serveFor(w, w.v, 1, 30) // + 30 min × 20/h = 10 points; the first 30 minutes are not re-priced
    expect((await myPointsAndHours(w.v.scope)).balance).toBe(15)
  }, 120_000)

  it('20 concurrent check-outs of one volunteer award exactly floor(total × rate / 60), once', async () => {
    const w = await serviceWorld('并发积分')
    // 20 tasks on 20 different days, so the day's roll-up counters do not queue the check-outs for us
    const pending = []
    for (let day = 0; day < 20; day++) pending.push(await checkedIn(w, w.v, day, 7))
    const outs = await Promise.all(pending.map((c) => c.checkOut()))
    expect(outs.every((o) => o.ok)).toBe(true)
    const me = await myPointsAndHours(w.v.scope)
    // 140 minutes × 10 points / 60 = 23.3 → 23 (per sign-up rounding would give 20 × floor(70/60) = 20)
    expect(me).toMatchObject({ minutes: 140, balance: 23 })
    const service = await w.db.pointsEntry.aggregate({ where: { userId: w.v.id, kind: 'SERVICE' }, _sum: { amount: true }, _count: { _all: true } })
    expect(service._sum.amount).toBe(23)
    expect(await w.db.pointsBalance.findUniqueOrThrow({ where: { userId: w.v.id }, select: { pointMinutes: true } })).toEqual({ pointMinutes: BigInt(1400) })
    await ledgerMatchesBalances([w.v.id])
  }, 180_000)
})
