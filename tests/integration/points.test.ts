import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { awardPoints, createReward, exchange, myPointsAndHours } from '@/lib/server/people/points'
import { resolveScope, type Scope } from '@/lib/server/authz/scope'
import { hashPassword } from '@/lib/server/auth/password'
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
