import 'server-only'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import { unitScopeWhere, type Scope } from '../authz/scope'
import type { Permission } from '../authz/permissions'
import { bump, transitionDeltas } from '../stats/counters'

export type Tx = Prisma.TransactionClient

/**
 * The community where the caller acts with `permission` (e.g. records a need): must be a community
 * inside the subtrees where they hold it. null → the caller gets NOT_FOUND / a field error.
 */
export async function actingCommunity(scope: Scope, permission: Permission, unitId: string) {
  const prisma = await db()
  return prisma.orgUnit.findFirst({
    where: { id: unitId, level: 'COMMUNITY', ...unitScopeWhere(scope, permission) },
    select: { id: true, path: true, tenantId: true, name: true, parentId: true },
  })
}

/**
 * Records who moved which record from → to, in the same transaction as the change, and rolls the
 * transition up the hierarchy (UnitCounter: a flow into `to`, and for status-counted entities the
 * stock moving from → to) so every ancestor's dashboard shows it at once. `at` = when it happened
 * (defaults to now; check-out passes its own time).
 */
export async function recordChange(
  tx: Tx,
  scope: Scope,
  row: { entity: 'Need' | 'Order' | 'Task' | 'TaskSignup' | 'ServiceItem' | 'Project' | 'PracticeCase' | 'CaseFile'; entityId: string; orgPath: string; from: string | null; to: string; note?: string | null },
  at: Date = new Date(),
) {
  await tx.statusChange.create({
    data: { tenantId: scope.tenantId, byUserId: scope.userId, entity: row.entity, entityId: row.entityId, orgPath: row.orgPath, from: row.from, to: row.to, note: row.note ?? null, at },
  })
  await bump(tx, scope.tenantId, row.orgPath, transitionDeltas(row.entity, row.from, row.to), at)
}

export async function notify(tx: Tx, userIds: (string | null | undefined)[], kind: string, params: Record<string, string | number>, link: string) {
  const ids = [...new Set(userIds.filter((x): x is string => !!x))]
  if (ids.length) await tx.notification.createMany({ data: ids.map((userId) => ({ userId, kind, params, link })) })
}

/** The history of one record, oldest first, with the actor's name. */
export async function historyOf(entity: string, entityId: string) {
  const prisma = await db()
  const rows = await prisma.statusChange.findMany({ where: { entity, entityId }, orderBy: { at: 'asc' }, select: { from: true, to: true, note: true, at: true, byUserId: true } })
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.byUserId))] } }, select: { id: true, name: true } })
  const names = new Map(users.map((u) => [u.id, u.name]))
  return rows.map((r) => ({ from: r.from, to: r.to, note: r.note, at: r.at, by: names.get(r.byUserId) ?? '' }))
}

export type Paged<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number }
export const paged = <T>(rows: T[], total: number, page: number, pageSize: number): Paged<T> => ({
  rows,
  total,
  page,
  pageSize,
  pageCount: Math.max(1, Math.ceil(total / pageSize)),
})

/** Communities where the caller can act with `permission` (for the community field of a form). */
export async function listActingCommunities(scope: Scope, permission: Permission) {
  const prisma = await db()
  return prisma.orgUnit.findMany({
    where: { level: 'COMMUNITY', ...unitScopeWhere(scope, permission) },
    select: { id: true, name: true, subDistrict: true },
    orderBy: { code: 'asc' },
    take: 200,
  })
}
