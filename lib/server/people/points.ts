import 'server-only'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import { rootsFor, rowScopeWhere, unitScopeWhere, type Scope } from '../authz/scope'
import { underAny } from '../authz/hierarchy'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZAward, ZReward } from '@/lib/schemas/projects'
import { hoursToNextStar, starLevel } from '@/lib/stars'
import type { Tx } from '../workflow/common'
import { tallyHours } from './hours'

/**
 * Points: an append-only ledger (PointsEntry) plus a running balance updated in the same transaction by
 * conditional statements, with CHECK constraints as the last line: a balance never goes negative and a
 * stock never below zero, even under concurrent exchanges. Balance = sum of the ledger (tested).
 */
async function post(tx: Tx, e: { tenantId: string; userId: string; amount: number; kind: 'SERVICE' | 'AWARD' | 'EXCHANGE' | 'ADJUSTMENT'; reason: string; refId?: string | null; createdById: string }) {
  await tx.pointsEntry.create({ data: { ...e, refId: e.refId ?? null } })
  await tx.$executeRaw`INSERT INTO "PointsBalance" ("userId", "balance") VALUES (${e.userId}, ${e.amount}) ON CONFLICT ("userId") DO UPDATE SET "balance" = "PointsBalance"."balance" + ${e.amount}`
}

/** Service points for a checked-out sign-up, once (the ledger's unique (kind, refId) refuses a second credit). */
export async function creditServicePoints(tx: Tx, scope: Scope, signup: { id: string; userId: string; minutes: number; taskTitle: string }) {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { pointsPerHour: true } })
  const amount = Math.floor((signup.minutes * tenant.pointsPerHour) / 60)
  if (amount <= 0) return 0
  await post(tx, { tenantId: scope.tenantId, userId: signup.userId, amount, kind: 'SERVICE', reason: signup.taskTitle, refId: signup.id, createdById: scope.userId })
  return amount
}

/** Community staff award points to a volunteer of their community, with a reason. */
export async function awardPoints(scope: Scope, input: unknown): Promise<Result<null, 'INVALID'>> {
  const parsed = ZAward.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const user = await prisma.user.findFirst({
    where: { phone: parsed.data.phone, tenantId: scope.tenantId, roles: { some: { role: { in: ['VOLUNTEER', 'TEAM_LEADER'] }, ...underAny(rootsFor(scope, 'points.manage'), 'orgPath') } } },
    select: { id: true },
  })
  if (!user) return fail('INVALID', { phone: 'validation.volunteer.notFound' })
  await prisma.$transaction((tx) => post(tx, { tenantId: scope.tenantId, userId: user.id, amount: parsed.data.amount, kind: 'AWARD', reason: parsed.data.reason, createdById: scope.userId }))
  return ok(null)
}

class ExchangeRefused extends Error {
  constructor(readonly code: 'OUT_OF_STOCK' | 'INSUFFICIENT') {
    super(code)
  }
}

/** A volunteer exchanges points for one item of their community's catalogue. */
export async function exchange(scope: Scope, itemId: string): Promise<Result<{ balance: number }, 'NOT_FOUND' | 'OUT_OF_STOCK' | 'INSUFFICIENT'>> {
  const prisma = await db()
  const item = await prisma.rewardItem.findFirst({ where: { id: itemId, active: true, ...rowScopeWhere(scope, 'volunteer.home') }, select: { id: true, name: true, cost: true } })
  if (!item) return fail('NOT_FOUND')
  try {
    const balance = await prisma.$transaction(
      async (tx) => {
        // both conditional: whichever fails, the transaction is rolled back by the throw
        const paid = await tx.$executeRaw`UPDATE "PointsBalance" SET "balance" = "balance" - ${item.cost} WHERE "userId" = ${scope.userId} AND "balance" >= ${item.cost}`
        if (paid !== 1) throw new ExchangeRefused('INSUFFICIENT')
        const taken = await tx.$executeRaw`UPDATE "RewardItem" SET "stock" = "stock" - 1 WHERE "id" = ${item.id} AND "stock" > 0 AND "active"`
        if (taken !== 1) throw new ExchangeRefused('OUT_OF_STOCK')
        const ex = await tx.exchange.create({ data: { itemId: item.id, userId: scope.userId, cost: item.cost }, select: { id: true } })
        await tx.pointsEntry.create({ data: { tenantId: scope.tenantId, userId: scope.userId, amount: -item.cost, kind: 'EXCHANGE', reason: item.name, refId: ex.id, createdById: scope.userId } })
        const b = await tx.pointsBalance.findUniqueOrThrow({ where: { userId: scope.userId }, select: { balance: true } })
        return b.balance
      },
      { maxWait: 60_000, timeout: 60_000 },
    )
    return ok({ balance })
  } catch (e) {
    if (e instanceof ExchangeRefused) return fail(e.code)
    // the CHECK constraints are the last line: a violation is the same refusal
    if (e instanceof Prisma.PrismaClientKnownRequestError || /check constraint/i.test(String(e))) {
      if (/RewardItem_stock/.test(String(e))) return fail('OUT_OF_STOCK')
      if (/PointsBalance_balance/.test(String(e))) return fail('INSUFFICIENT')
    }
    throw e
  }
}

/** The caller's points, hours and star level; hours = checked-out minutes + signed corrections. */
export async function myPointsAndHours(scope: Scope) {
  const prisma = await db()
  const [balance, entries, { hours }, tenant] = await Promise.all([
    prisma.pointsBalance.findUnique({ where: { userId: scope.userId }, select: { balance: true } }),
    prisma.pointsEntry.findMany({ where: { userId: scope.userId }, select: { id: true, amount: true, kind: true, reason: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take: 50 }),
    tallyHours(prisma, scope.userId),
    prisma.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { starThresholds: true, pointsPerHour: true } }),
  ])
  return {
    balance: balance?.balance ?? 0,
    entries,
    hours,
    stars: starLevel(hours, tenant.starThresholds),
    toNextStar: hoursToNextStar(hours, tenant.starThresholds),
    pointsPerHour: tenant.pointsPerHour,
  }
}

/** The catalogue of the caller's communities (volunteers) or of the communities they keep (staff). */
export async function listRewards(scope: Scope) {
  const prisma = await db()
  return prisma.rewardItem.findMany({
    where: { active: true, OR: [rowScopeWhere(scope, 'volunteer.home'), rowScopeWhere(scope, 'points.manage')] },
    select: { id: true, name: true, cost: true, stock: true, orgUnit: { select: { name: true } } },
    orderBy: [{ cost: 'asc' }, { name: 'asc' }],
  })
}

export async function createReward(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZReward.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: parsed.data.orgUnitId, level: 'COMMUNITY', ...unitScopeWhere(scope, 'points.manage') }, select: { id: true, path: true } })
  if (!unit) return fail('INVALID', { orgUnitId: 'validation.community.required' })
  const r = await prisma.rewardItem.create({ data: { tenantId: scope.tenantId, orgUnitId: unit.id, orgPath: unit.path, name: parsed.data.name, cost: parsed.data.cost, stock: parsed.data.stock }, select: { id: true } })
  return ok(r)
}
