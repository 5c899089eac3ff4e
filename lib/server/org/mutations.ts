import 'server-only'
import { db } from '../db'
import { moveCounters, unitsOfPath } from '../stats/counters'
import { parentLevelOf, pathFor } from '../authz/hierarchy'
import { canAt, unitScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { ZPilotDesignation, ZRenameUnit } from '@/lib/schemas/org'
import { zodFieldErrors } from '../validation'

/** Renames a unit (org.manage over it). Paths hold ids, not names, so no path changes. */
export async function renameUnit(scope: Scope, unitId: string, input: unknown): Promise<Result<{ id: string }, 'NOT_FOUND' | 'INVALID'>> {
  const parsed = ZRenameUnit.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const n = await prisma.orgUnit.updateMany({ where: { id: unitId, ...unitScopeWhere(scope, 'org.manage') }, data: { name: parsed.data.name } })
  return n.count ? ok({ id: unitId }) : fail('NOT_FOUND')
}

/**
 * Every table whose rows carry their unit's path (`orgPath`). A test compares this list with the
 * database's columns, so a new scoped table cannot be forgotten here.
 */
export const ORG_PATH_TABLES = ['RoleAssignment', 'Need', 'Resource', 'Team', 'ServiceItem', 'Order', 'Task', 'StatusChange', 'Project', 'PracticeCase', 'PilotEvidence', 'CaseFile', 'RewardItem', 'Venue', 'HourAdjustment', 'VolunteerProfile', 'HoursCertificate', 'Agency', 'WorkerProfile', 'TrainingEvent', 'ChecklistTemplate', 'Inspection', 'Rectification', 'SpotCheckDraw', 'SurveyCampaign', 'SurveyAnswer'] as const

/**
 * Moves a unit under a new parent of the level just above it (e.g. a community to another county).
 * The unit's path, the paths of its whole subtree and the orgPath of every row that carries one are
 * rewritten in one transaction, under a per-tenant advisory lock so two moves cannot interleave.
 */
export async function moveUnit(
  scope: Scope,
  unitId: string,
  newParentId: string,
): Promise<Result<{ id: string; path: string }, 'NOT_FOUND' | 'INVALID'>> {
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'org-tree:' + scope.tenantId}))`
    const where = unitScopeWhere(scope, 'org.manage')
    const sel = { id: true, path: true, depth: true, level: true, parentId: true } as const
    const [unit, parent] = await Promise.all([
      tx.orgUnit.findFirst({ where: { id: unitId, ...where }, select: sel }),
      tx.orgUnit.findFirst({ where: { id: newParentId, ...where }, select: sel }),
    ])
    if (!unit || !parent) return fail('NOT_FOUND')
    if (parentLevelOf(unit.level) !== parent.level) return fail('INVALID', { parentId: 'validation.move.level' })
    if (parent.path.startsWith(unit.path)) return fail('INVALID', { parentId: 'validation.move.cycle' })
    if (unit.parentId === parent.id) return ok({ id: unit.id, path: unit.path })
    const oldPath = unit.path
    const newPath = pathFor(parent.path, unit.id)
    const shift = parent.depth + 1 - unit.depth
    await tx.orgUnit.update({ where: { id: unit.id }, data: { parentId: parent.id } })
    await tx.$executeRaw`UPDATE "OrgUnit" SET "path" = ${newPath} || substr("path", ${oldPath.length + 1}::int), "depth" = "depth" + ${shift}::int, "updatedAt" = now() WHERE "path" LIKE ${oldPath + '%'}`
    for (const table of ORG_PATH_TABLES) {
      // table names come from the constant list below, never from input
      await tx.$executeRawUnsafe(`UPDATE "${table}" SET "orgPath" = $1 || substr("orgPath", $2::int) WHERE "orgPath" LIKE $3`, newPath, oldPath.length + 1, `${oldPath}%`)
    }
    // the unit's roll-up counters leave its old ancestors and join its new ones, in this transaction
    await moveCounters(tx, unit.id, unitsOfPath(oldPath).filter((u) => u !== unit.id), unitsOfPath(newPath).filter((u) => u !== unit.id))
    return ok({ id: unit.id, path: newPath })
  })
}

/** Designates (or with null, un-designates) a community as a pilot: batch and one-year period. */
export async function setPilot(
  scope: Scope,
  unitId: string,
  input: unknown | null,
): Promise<Result<{ id: string }, 'NOT_FOUND' | 'INVALID'>> {
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: unitId, ...unitScopeWhere(scope, 'org.manage') }, select: { id: true, level: true, path: true } })
  if (!unit || !canAt(scope, 'org.manage', unit.path)) return fail('NOT_FOUND')
  if (unit.level !== 'COMMUNITY') return fail('INVALID', { batch: 'validation.pilot.communityOnly' })
  if (input === null) {
    await prisma.orgUnit.update({ where: { id: unit.id }, data: { pilotBatch: null, pilotStart: null, pilotEnd: null } })
    return ok({ id: unit.id })
  }
  const parsed = ZPilotDesignation.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const { batch, start, end } = parsed.data
  await prisma.orgUnit.update({ where: { id: unit.id }, data: { pilotBatch: batch, pilotStart: new Date(start), pilotEnd: new Date(end) } })
  return ok({ id: unit.id })
}
