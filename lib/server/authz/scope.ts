import 'server-only'
import { db } from '../db'
import type { OrgLevel, Role } from '../generated/prisma/enums'
import { isWithin, minimalRoots, underAny } from './hierarchy'
import { permissionsOf, roleFitsLevel, type Permission } from './permissions'

declare const SCOPE: unique symbol

/**
 * The caller's resolved scope: who they are and, per permission, the subtrees where they hold it.
 * Only this module constructs one (the brand is not exported), so a DAL function that takes a
 * Scope cannot be called without going through resolveScope.
 */
export type Scope = {
  readonly [SCOPE]: true
  readonly userId: string
  readonly tenantId: string
  readonly userName: string
  readonly assignments: readonly ScopeAssignment[]
}

export type ScopeAssignment = {
  readonly role: Role
  readonly orgUnitId: string
  readonly orgPath: string
  readonly level: OrgLevel
  readonly unitName: string
}

/** Loads an active user's roles; null when the user is missing or deactivated. */
export async function resolveScope(userId: string): Promise<Scope | null> {
  const prisma = await db()
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      tenantId: true,
      name: true,
      active: true,
      roles: {
        select: { role: true, orgUnitId: true, orgPath: true, orgUnit: { select: { level: true, name: true, tenantId: true } } },
        orderBy: [{ orgPath: 'asc' }, { role: 'asc' }],
      },
    },
  })
  if (!user || !user.active) return null
  return scopeOf(
    { userId: user.id, tenantId: user.tenantId, userName: user.name },
    user.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId, orgPath: r.orgPath, level: r.orgUnit.level, unitName: r.orgUnit.name, unitTenantId: r.orgUnit.tenantId })),
  )
}

type RoleRow = ScopeAssignment & { unitTenantId: string }

/**
 * The one place a Scope is built (resolveScope, resolveSessionScope). A role held on another tenant's
 * unit, or at a level the role does not belong to (a volunteer "at" a league), would be a data error: it
 * grants nothing.
 */
function scopeOf(user: { userId: string; tenantId: string; userName: string }, roles: readonly RoleRow[]): Scope {
  return {
    ...user,
    assignments: roles
      .filter((r) => r.unitTenantId === user.tenantId && roleFitsLevel(r.role, r.level))
      .map((r) => ({ role: r.role, orgUnitId: r.orgUnitId, orgPath: r.orgPath, level: r.level, unitName: r.unitName })),
  } as unknown as Scope
}

type SessionRow = {
  userId: string
  tenantId: string
  userName: string
  lastSeenAt: Date
  role: Role | null
  orgUnitId: string | null
  orgPath: string | null
  level: OrgLevel | null
  unitName: string | null
  unitTenantId: string | null
  unread: number
}

/**
 * A request's session check and scope in one statement: the session alive (not revoked, seen within
 * `idleSince`, started after `startedSince`), its user active, and the user's roles with their units —
 * what touchSession + resolveScope read in four statements, read in one because every page and action
 * pays it. null when the session is dead or the user missing or deactivated. `lastSeenAt` lets the
 * caller slide the idle window (sessions.ts). `unread`: the caller's unread notifications, which the app
 * shell shows on every page (an index-only count on Notification (userId, readAt, createdAt)).
 */
export async function resolveSessionScope(sessionId: string, userId: string, idleSince: Date, startedSince: Date): Promise<{ scope: Scope; lastSeenAt: Date; unread: number } | null> {
  const prisma = await db()
  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT u."id" AS "userId", u."tenantId", u."name" AS "userName", s."lastSeenAt",
           (SELECT COUNT(*)::int FROM "Notification" n WHERE n."userId" = u."id" AND n."readAt" IS NULL) AS "unread",
           r."role"::text AS "role", r."orgUnitId", r."orgPath", o."level"::text AS "level", o."name" AS "unitName", o."tenantId" AS "unitTenantId"
      FROM "UserSession" s
      JOIN "User" u ON u."id" = s."userId" AND u."active"
      LEFT JOIN "RoleAssignment" r ON r."userId" = u."id"
      LEFT JOIN "OrgUnit" o ON o."id" = r."orgUnitId"
     WHERE s."id" = ${sessionId} AND s."userId" = ${userId} AND s."revokedAt" IS NULL
       AND s."lastSeenAt" > ${idleSince} AND s."createdAt" > ${startedSince}
     ORDER BY r."orgPath" COLLATE "C", r."role"`
  const first = rows[0]
  if (!first) return null
  // a user without roles comes back as one row with null role columns (the LEFT JOIN)
  const roles = rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role, orgUnitId: r.orgUnitId!, orgPath: r.orgPath!, level: r.level!, unitName: r.unitName!, unitTenantId: r.unitTenantId! }]))
  const scope = scopeOf({ userId: first.userId, tenantId: first.tenantId, userName: first.userName }, roles)
  return { scope, lastSeenAt: new Date(first.lastSeenAt), unread: Number(first.unread) }
}

/** Subtree roots where the scope holds `permission` (empty for an unknown permission). */
export function rootsFor(scope: Scope, permission: Permission): string[] {
  return minimalRoots(scope.assignments.filter((a) => permissionsOf(a.role).includes(permission)).map((a) => a.orgPath))
}

export function can(scope: Scope, permission: Permission): boolean {
  return rootsFor(scope, permission).length > 0
}

/** Does the scope hold `permission` over the unit at `path`? */
export function canAt(scope: Scope, permission: Permission, path: string): boolean {
  return rootsFor(scope, permission).some((r) => isWithin(path, r))
}

export function permissionsOfScope(scope: Scope): Set<Permission> {
  return new Set(scope.assignments.flatMap((a) => permissionsOf(a.role)))
}

/**
 * The Prisma `where` that confines a query on OrgUnit to the caller's tenant and to the subtrees where
 * they hold `permission`. Every scoped query spreads this: a row outside it is simply not found.
 */
export function unitScopeWhere(scope: Scope, permission: Permission) {
  return { tenantId: scope.tenantId, ...underAny(rootsFor(scope, permission), 'path') }
}

/** The same for every scoped row (carries tenantId and its unit's path as `orgPath`). */
export function rowScopeWhere(scope: Scope, permission: Permission) {
  return { tenantId: scope.tenantId, ...underAny(rootsFor(scope, permission), 'orgPath') }
}
