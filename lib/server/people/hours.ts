import 'server-only'
import { db } from '../db'
import type { Role } from '../generated/prisma/enums'
import { rootsFor, rowScopeWhere, type Scope } from '../authz/scope'
import { underAny } from '../authz/hierarchy'
import { ROLE_PERMISSIONS, type Permission } from '../authz/permissions'
import { fail, NOT_FOUND, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZHourAdjustment } from '@/lib/schemas/hours'
import { maskPhone } from '@/lib/mask'
import { tallyHours, type HoursTally } from './tally'
import { creditMinutes } from './points'

/**
 * Service hours, one system: hours = minutes of checked-out sign-ups + signed HourAdjustment entries.
 * Corrections are only ever added (a trigger refuses UPDATE and DELETE on HourAdjustment), so the
 * history of every change stays readable.
 */

/** The roles that make someone a volunteer of a community: those holding volunteer.home (from the table, not by name). */
export const VOLUNTEER_ROLES = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes('volunteer.home'))

// the one total and the one conversion to shown hours live in tally.ts and lib/hours.ts
export { toHours } from '@/lib/hours'
export { tallyHours, type HoursTally, type YearHours } from './tally'

/**
 * The community where `userId` is a volunteer, inside the subtrees where the caller holds `permission`
 * (the volunteer's role unit); null when out of scope or not a volunteer.
 */
export async function volunteerCommunityIn(scope: Scope, userId: string, permission: Permission) {
  const prisma = await db()
  const ra = await prisma.roleAssignment.findFirst({
    where: { userId, role: { in: VOLUNTEER_ROLES }, user: { tenantId: scope.tenantId }, orgUnit: { tenantId: scope.tenantId, level: 'COMMUNITY' }, ...underAny(rootsFor(scope, permission), 'orgPath') },
    select: { orgUnitId: true, orgPath: true, orgUnit: { select: { name: true } } },
    orderBy: { orgPath: 'asc' },
  })
  return ra ? { id: ra.orgUnitId, path: ra.orgPath, name: ra.orgUnit.name } : null
}

/** Hours by year of oneself, or of a volunteer of a community where the caller keeps points or volunteers. */
export async function hoursByYear(scope: Scope, userId: string): Promise<Result<HoursTally, 'NOT_FOUND'>> {
  if (userId !== scope.userId && !(await volunteerCommunityIn(scope, userId, 'points.manage')) && !(await volunteerCommunityIn(scope, userId, 'volunteer.manage'))) return NOT_FOUND
  return ok(await tallyHours(await db(), userId))
}

/**
 * Community staff add a signed correction for a volunteer of their community (found by phone). Never an
 * edit: a new entry each time. A correction that would take the volunteer's total below zero is refused.
 * It feeds the same running total as the check-outs, so the points follow it (an ADJUSTMENT entry).
 */
export async function adjustHours(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZHourAdjustment.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const { phone, hours: minutes, reason } = parsed.data
  const prisma = await db()
  const target = await prisma.roleAssignment.findFirst({
    where: { role: { in: VOLUNTEER_ROLES }, user: { phone, tenantId: scope.tenantId }, orgUnit: { tenantId: scope.tenantId, level: 'COMMUNITY' }, ...underAny(rootsFor(scope, 'points.manage'), 'orgPath') },
    select: { userId: true, orgUnitId: true, orgPath: true },
    orderBy: { orgPath: 'asc' },
  })
  if (!target) return fail('INVALID', { phone: 'validation.volunteer.notFound' })
  // nobody corrects their own hours: the hours end up on certificates
  if (target.userId === scope.userId) return fail('INVALID', { phone: 'validation.hoursDelta.self' })
  return prisma.$transaction(
    async (tx): Promise<Result<{ id: string }, 'INVALID'>> => {
      // corrections of one volunteer wait for each other on the volunteer's row, so two concurrent
      // deductions cannot both pass the check against the same total
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${target.userId} FOR NO KEY UPDATE`
      const { totalMinutes } = await tallyHours(tx, target.userId)
      if (totalMinutes + minutes < 0) return fail('INVALID', { hours: 'validation.hoursDelta.negative' })
      const row = await tx.hourAdjustment.create({
        data: { tenantId: scope.tenantId, orgUnitId: target.orgUnitId, orgPath: target.orgPath, userId: target.userId, minutes, reason, createdById: scope.userId },
        select: { id: true },
      })
      // the correction moves the running total the points follow (points.ts, creditMinutes)
      await creditMinutes(tx, scope, { userId: target.userId, minutes, kind: 'ADJUSTMENT', refId: row.id, reason })
      return ok(row)
    },
    { maxWait: 60_000, timeout: 60_000 },
  )
}

/**
 * Hour corrections, latest first (50): one's own, or those of the communities where the caller keeps
 * points (optionally of one volunteer). Phones masked.
 */
export async function listHourAdjustments(scope: Scope, userId?: string) {
  const prisma = await db()
  const where = userId === scope.userId ? { tenantId: scope.tenantId, userId } : { ...rowScopeWhere(scope, 'points.manage'), ...(userId ? { userId } : {}) }
  const rows = await prisma.hourAdjustment.findMany({
    where,
    select: { id: true, minutes: true, reason: true, createdAt: true, createdById: true, user: { select: { id: true, name: true, phone: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 50,
  })
  const by = rows.length ? await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] }, tenantId: scope.tenantId }, select: { id: true, name: true } }) : []
  const names = new Map(by.map((u) => [u.id, u.name]))
  return rows.map((r) => ({
    id: r.id,
    minutes: r.minutes,
    // one correction shows what was entered (hours to two decimals); totals are cut to 0.1 h (lib/hours.ts)
    hours: Math.round((r.minutes / 60) * 100) / 100,
    reason: r.reason,
    createdAt: r.createdAt,
    volunteer: { name: r.user.name, phone: r.user.id === scope.userId ? r.user.phone : maskPhone(r.user.phone) },
    by: names.get(r.createdById) ?? '',
  }))
}
