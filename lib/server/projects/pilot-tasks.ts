import 'server-only'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import { canAt, unitScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZEvidence } from '@/lib/schemas/projects'
import { orderOf, type SortDir } from '@/lib/schemas/list'
import type { PilotSort } from '@/lib/schemas/org'
import { paged } from '../workflow/common'

export type TaskState = 'MET' | 'IN_PROGRESS' | 'NOT_STARTED'
export type FourTasks = [TaskState, TaskState, TaskState, TaskState]

/**
 * The four pilot tasks, derived from live data for a set of communities, in one statement whatever the
 * number of communities (it was eight grouped counts: 8 of the 17 statements of a community admin's home).
 *  1 professional social workers deployed: MET when a social worker of the community has recorded a
 *    need or leads a project there; IN_PROGRESS when one is assigned.
 *  2 joint teams built: MET when a team of the community has claimed an order; IN_PROGRESS when a team exists.
 *  3 joint projects: MET when a project is running, evaluating or completed; IN_PROGRESS when one exists.
 *  4 practice cases: MET when one is published; IN_PROGRESS when one is written.
 */
export async function fourTasksOf(communityIds: string[]): Promise<Map<string, FourTasks>> {
  const prisma = await db()
  const ids = [...new Set(communityIds)]
  if (!ids.length) return new Map()
  type Row = { id: string; w: boolean; aw: boolean; tm: boolean; cl: boolean; pr: boolean; pl: boolean; cs: boolean; pb: boolean }
  // each `IN (…)` is uncorrelated: PostgreSQL runs it once over the given communities and hashes it
  // (what the eight grouped counts did, one statement instead of eight)
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT u.id,
      u.id IN (SELECT "orgUnitId" FROM "RoleAssignment" WHERE "orgUnitId" = ANY(${ids}) AND "role" = 'SOCIAL_WORKER'::"Role") AS w,
      u.id IN (SELECT ra."orgUnitId" FROM "RoleAssignment" ra
                WHERE ra."orgUnitId" = ANY(${ids}) AND ra."role" = 'SOCIAL_WORKER'::"Role"
                  AND (EXISTS (SELECT 1 FROM "Need" n WHERE n."orgUnitId" = ra."orgUnitId" AND n."createdById" = ra."userId")
                    OR EXISTS (SELECT 1 FROM "Project" p WHERE p."orgUnitId" = ra."orgUnitId" AND p."leadId" = ra."userId"))) AS aw,
      u.id IN (SELECT "orgUnitId" FROM "Team" WHERE "orgUnitId" = ANY(${ids})) AS tm,
      u.id IN (SELECT "orgUnitId" FROM "Order" WHERE "orgUnitId" = ANY(${ids}) AND "status" = 'CLAIMED'::"OrderStatus") AS cl,
      u.id IN (SELECT "orgUnitId" FROM "Project" WHERE "orgUnitId" = ANY(${ids})) AS pr,
      u.id IN (SELECT "orgUnitId" FROM "Project" WHERE "orgUnitId" = ANY(${ids})
                AND "status" IN ('RUNNING'::"ProjectStatus", 'EVALUATING'::"ProjectStatus", 'COMPLETED'::"ProjectStatus")) AS pl,
      u.id IN (SELECT "orgUnitId" FROM "PracticeCase" WHERE "orgUnitId" = ANY(${ids})) AS cs,
      u.id IN (SELECT "orgUnitId" FROM "PracticeCase" WHERE "orgUnitId" = ANY(${ids}) AND "status" = 'PUBLISHED'::"PracticeStatus") AS pb
    FROM unnest(${ids}::text[]) AS u(id)`
  const state = (met: boolean, started: boolean): TaskState => (met ? 'MET' : started ? 'IN_PROGRESS' : 'NOT_STARTED')
  return new Map(rows.map((r) => [r.id, [state(r.aw, r.w), state(r.cl, r.tm), state(r.pl, r.pr), state(r.pb, r.cs)] as FourTasks]))
}

/** A pilot community's four tasks with their evidence and its one-year timeline (org.read over it). */
export async function getPilotTasks(scope: Scope, communityId: string, now = new Date()) {
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({
    where: { id: communityId, level: 'COMMUNITY', pilotBatch: { not: null }, ...unitScopeWhere(scope, 'org.read') },
    select: { id: true, path: true, pilotStart: true, pilotEnd: true },
  })
  if (!unit) return fail('NOT_FOUND')
  const [tasks, evidence] = await Promise.all([
    fourTasksOf([unit.id]),
    prisma.pilotEvidence.findMany({ where: { orgUnitId: unit.id }, select: { id: true, task: true, title: true, url: true, note: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
  ])
  const start = unit.pilotStart?.getTime() ?? now.getTime()
  const end = unit.pilotEnd?.getTime() ?? start
  const elapsed = end > start ? Math.min(1, Math.max(0, (now.getTime() - start) / (end - start))) : 0
  return ok({
    tasks: tasks.get(unit.id)!,
    evidence,
    canAttach: canAt(scope, 'pilot.evidence', unit.path),
    timeline: { start: unit.pilotStart, end: unit.pilotEnd, elapsed, daysLeft: Math.max(0, Math.ceil((end - now.getTime()) / 86_400_000)) },
  })
}

export async function addEvidence(scope: Scope, communityId: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID'>> {
  const parsed = ZEvidence.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: communityId, level: 'COMMUNITY', pilotBatch: { not: null }, ...unitScopeWhere(scope, 'pilot.evidence') }, select: { id: true, path: true } })
  if (!unit) return fail('NOT_FOUND')
  const d = parsed.data
  await prisma.pilotEvidence.create({ data: { tenantId: scope.tenantId, orgUnitId: unit.id, orgPath: unit.path, task: d.task, title: d.title, url: d.url ?? null, note: d.note ?? null, createdById: scope.userId } })
  return ok(null)
}

/** 试点进展's order: the URL's sort, else by place (the division code); the id breaks ties so pages never overlap. */
function pilotOrder(q: { sort?: PilotSort; dir?: SortDir }): Prisma.OrgUnitOrderByWithRelationInput[] {
  return orderOf<PilotSort, Prisma.OrgUnitOrderByWithRelationInput>(q, { place: (dir) => [{ code: dir }], name: (dir) => [{ name: dir }, { code: 'asc' }], batch: (dir) => [{ pilotBatch: dir }, { code: 'asc' }] }, [{ code: 'asc' }], { id: 'asc' })
}

/** Every pilot of the caller's subtree with its four tasks (officials), searchable and paged. */
export async function listPilots(scope: Scope, q: { q?: string; unit?: string; sort?: PilotSort; dir?: SortDir; page: number; pageSize: number }, now = new Date()) {
  const prisma = await db()
  const and = [
    ...(q.q ? [{ OR: [{ name: { contains: q.q } }, { subDistrict: { contains: q.q } }, { parent: { name: { contains: q.q } } }] }] : []),
    // drill-down from a dashboard: the pilots under one unit
    ...(q.unit ? [{ path: { contains: `/${q.unit}/` } }] : []),
  ]
  const where = {
    ...unitScopeWhere(scope, 'org.browse'),
    level: 'COMMUNITY' as const,
    pilotBatch: { not: null },
    ...(and.length ? { AND: and } : {}),
  }
  const [total, rows] = await Promise.all([
    prisma.orgUnit.count({ where }),
    prisma.orgUnit.findMany({
      where,
      select: { id: true, name: true, subDistrict: true, pilotBatch: true, pilotStart: true, pilotEnd: true, parent: { select: { name: true, parent: { select: { name: true } } } } },
      orderBy: pilotOrder(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ])
  const tasks = await fourTasksOf(rows.map((r) => r.id))
  const summary = await summariseFourTasks(scope)
  return {
    ...paged(
      rows.map((r) => ({
        ...r,
        tasks: tasks.get(r.id)!,
        elapsed: r.pilotStart && r.pilotEnd ? Math.min(1, Math.max(0, (now.getTime() - r.pilotStart.getTime()) / (r.pilotEnd.getTime() - r.pilotStart.getTime()))) : 0,
      })),
      total,
      q.page,
      q.pageSize,
    ),
    summary,
  }
}

/** How many pilots of the subtree have met each task. */
async function summariseFourTasks(scope: Scope) {
  const prisma = await db()
  const ids = (await prisma.orgUnit.findMany({ where: { ...unitScopeWhere(scope, 'org.browse'), level: 'COMMUNITY', pilotBatch: { not: null } }, select: { id: true } })).map((r) => r.id)
  const all = await fourTasksOf(ids)
  const met = [0, 0, 0, 0]
  for (const t of all.values()) t.forEach((s, i) => (met[i] += s === 'MET' ? 1 : 0))
  return { pilots: ids.length, met }
}
