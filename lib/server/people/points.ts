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
import { tallyHours } from './tally'

/**
 * Points: an append-only ledger (PointsEntry) plus a running balance updated in the same transaction by
 * conditional statements, with CHECK constraints as the last line: a balance never goes negative and a
 * stock never below zero, even under concurrent exchanges. Balance = sum of the ledger (tested).
 */
async function post(tx: Tx, e: { tenantId: string; userId: string; amount: number; kind: 'SERVICE' | 'AWARD' | 'EXCHANGE' | 'ADJUSTMENT'; reason: string; refId?: string | null; createdById: string }) {
  await tx.pointsEntry.create({ data: { ...e, refId: e.refId ?? null } })
  await tx.$executeRaw`INSERT INTO "PointsBalance" ("userId", "balance") VALUES (${e.userId}, ${e.amount}) ON CONFLICT ("userId") DO UPDATE SET "balance" = "PointsBalance"."balance" + ${e.amount}`
}

/**
 * Service points follow the volunteer's running total of minutes, not each sign-up (ARCHITECTURE.md,
 * decision 12): the balance row keeps `pointMinutes`, the sum of every credited minute times the points
 * per hour in force when it was credited; the service points earned so far are floor(pointMinutes / 60),
 * and each check-out or hour correction appends the difference between that and what the ledger already
 * holds as SERVICE + ADJUSTMENT entries. So ten 5-minute services at 10 points/h earn the same 8 points
 * as one 50-minute service, a new rate applies to later minutes only, and the ledger stays append-only.
 *
 * Called inside the transaction that wrote the minutes (the checked-out sign-up or the correction).
 * The balance row's lock serialises every credit of one volunteer: concurrent check-outs each read the
 * total and the ledger after the one before committed, so nothing is awarded twice or lost. A row whose
 * `pointMinutes` is NULL (balances from before this rule, or created by an award or exchange) is first
 * set from the volunteer's whole total at today's rate, so the first credit makes up whatever the old
 * per-sign-up rounding left out. A deduction takes back at most the balance (never negative; a later
 * credit settles the rest, since it pays only what exceeds the ledger).
 */
export async function creditMinutes(tx: Tx, scope: Scope, e: { userId: string; minutes: number; kind: 'SERVICE' | 'ADJUSTMENT'; refId: string; reason: string }): Promise<number> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { pointsPerHour: true } })
  await tx.$executeRaw`INSERT INTO "PointsBalance" ("userId", "balance") VALUES (${e.userId}, 0) ON CONFLICT ("userId") DO NOTHING`
  const [row] = await tx.$queryRaw<{ balance: number; pointMinutes: bigint | null }[]>`
    SELECT "balance", "pointMinutes" FROM "PointsBalance" WHERE "userId" = ${e.userId} FOR UPDATE`
  const rate = BigInt(tenant.pointsPerHour)
  // the minutes of this event are already written, so a first-time total includes them
  const before = row.pointMinutes === null ? null : BigInt(row.pointMinutes)
  let pointMinutes = before === null ? BigInt((await tallyHours(tx, e.userId)).totalMinutes) * rate : before + BigInt(e.minutes) * rate
  if (pointMinutes < 0n) pointMinutes = 0n
  const [{ earned }] = await tx.$queryRaw<{ earned: bigint }[]>`
    SELECT COALESCE(SUM("amount"), 0)::bigint AS "earned" FROM "PointsEntry" WHERE "userId" = ${e.userId} AND "kind" IN ('SERVICE', 'ADJUSTMENT')`
  let amount = Number(pointMinutes / 60n - BigInt(earned))
  if (amount < -Number(row.balance)) amount = -Number(row.balance)
  // the row exists and is locked: an UPDATE (an upsert's VALUES row would meet the CHECK with a negative amount)
  if (amount !== 0) await tx.pointsEntry.create({ data: { tenantId: scope.tenantId, userId: e.userId, amount, kind: e.kind, reason: e.reason, refId: e.refId, createdById: scope.userId } })
  await tx.$executeRaw`UPDATE "PointsBalance" SET "pointMinutes" = ${pointMinutes}, "balance" = "balance" + ${amount} WHERE "userId" = ${e.userId}`
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
  const [[tenant], entries, { hours, totalMinutes }] = await Promise.all([
    // the tenant's rules and the caller's balance, one statement
    prisma.$queryRaw<{ starThresholds: number[]; pointsPerHour: number; balance: number | null }[]>`
      SELECT t."starThresholds", t."pointsPerHour", (SELECT b."balance" FROM "PointsBalance" b WHERE b."userId" = ${scope.userId}) AS "balance"
        FROM "Tenant" t WHERE t."id" = ${scope.tenantId}`,
    prisma.pointsEntry.findMany({ where: { userId: scope.userId }, select: { id: true, amount: true, kind: true, reason: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take: 50 }),
    tallyHours(prisma, scope.userId),
  ])
  if (!tenant) throw new Error(`tenant ${scope.tenantId} not found`)
  return {
    balance: tenant.balance ?? 0,
    entries,
    minutes: totalMinutes,
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
