import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { awardPoints, createReward, exchange, myPointsAndHours } from '@/lib/server/people/points'
import { resolveScope, type Scope } from '@/lib/server/authz/scope'
import { createNeed } from '@/lib/server/workflow/needs'
import { createServiceItem } from '@/lib/server/workflow/services'
import { claimOrder, dispatchOrder } from '@/lib/server/workflow/orders'
import { checkIn, checkOut, createTask, signUp } from '@/lib/server/workflow/tasks'
import { hashPassword } from '@/lib/server/auth/password'
import { createTeam, ensureCategories } from '@/tests/factories/workflow'
import { prisma, tree, userWith } from './helpers'

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
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const leader = await userWith('TEAM_LEADER', t.communityA1a)
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const team = await createTeam(db, { unit: t.communityA1a, name: '积分队', leaderId: leader.id, memberIds: [v.id] })
    const need = await createNeed(worker.scope, { orgUnitId: t.communityA1a.id, title: '积分', description: '积分', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' })
    if (!need.ok) throw new Error('need')
    const service = await createServiceItem(worker.scope, { needId: need.value.id, title: '积分服务', description: '说明', resourceIds: [] })
    if (!service.ok) throw new Error('service')
    const order = await dispatchOrder(admin.scope, { serviceItemId: service.value.id, teamId: team.id })
    if (!order.ok) throw new Error('order')
    await claimOrder(leader.scope, order.value.id, team.id)
    const start = Date.now() + 86_400_000
    const task = await createTask(leader.scope, { orderId: order.value.id, title: '送餐', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 7_200_000).toISOString(), place: '社区', slots: '2', signupDeadline: new Date(start - 3_600_000).toISOString() })
    if (!task.ok) throw new Error('task')
    await signUp(v.scope, task.value.id)
    await checkIn(leader.scope, task.value.id, { volunteerId: v.id }, new Date(start))
    await checkOut(leader.scope, task.value.id, { volunteerId: v.id }, new Date(start + 90 * 60_000))
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
