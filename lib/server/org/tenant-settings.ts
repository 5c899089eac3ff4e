import 'server-only'
import { db } from '../db'
import { can, type Scope } from '../authz/scope'
import { fail, NOT_FOUND, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZTenantSettings } from '@/lib/schemas/hours'

const SELECT = { name: true, pointsPerHour: true, starThresholds: true, certificationTarget: true, ceHoursPerYear: true } as const

/** The rules of the caller's tenant, for those who keep them (tenant.settings, the region's officials). */
export async function getTenantSettings(scope: Scope) {
  if (!can(scope, 'tenant.settings')) return NOT_FOUND
  const prisma = await db()
  return ok(await prisma.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: SELECT }))
}

/**
 * Changes the tenant's rules: points per hour (used by the next check-outs, never retroactively), star
 * thresholds, certification target, continuing-education hours. Bad input writes nothing.
 */
export async function updateTenantSettings(scope: Scope, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID'>> {
  // the tenant is the caller's own: a region official of another tenant cannot name this one
  if (!can(scope, 'tenant.settings')) return NOT_FOUND
  const parsed = ZTenantSettings.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  await prisma.tenant.update({ where: { id: scope.tenantId }, data: parsed.data, select: { id: true } })
  return ok(null)
}
