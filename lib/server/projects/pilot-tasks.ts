import 'server-only'
import { db } from '../db'
import { canAt, unitScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZEvidence } from '@/lib/schemas/projects'
import { paged } from '../workflow/common'

export type TaskState = 'MET' | 'IN_PROGRESS' | 'NOT_STARTED'
export type FourTasks = [TaskState, TaskState, TaskState, TaskState]

/**
 * The four pilot tasks, derived from live data for a set of communities (batched: one grouped query
 * per task, whatever the number of communities).
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
  const [workers, activeWorkers, teams, claimers, projects, projectsLive, cases, published] = await Promise.all([
    prisma.roleAssignment.groupBy({ by: ['orgUnitId'], where: { orgUnitId: { in: ids }, role: 'SOCIAL_WORKER' }, _count: { _all: true } }),
    prisma.$queryRaw<{ orgUnitId: string }[]>`
      SELECT DISTINCT ra."orgUnitId" FROM "RoleAssignment" ra
       WHERE ra."orgUnitId" = ANY(${ids}) AND ra."role" = 'SOCIAL_WORKER'::"Role"
         AND (EXISTS (SELECT 1 FROM "Need" n WHERE n."orgUnitId" = ra."orgUnitId" AND n."createdById" = ra."userId")
           OR EXISTS (SELECT 1 FROM "Project" p WHERE p."orgUnitId" = ra."orgUnitId" AND p."leadId" = ra."userId"))`,
    prisma.team.groupBy({ by: ['orgUnitId'], where: { orgUnitId: { in: ids } }, _count: { _all: true } }),
    prisma.order.groupBy({ by: ['orgUnitId'], where: { orgUnitId: { in: ids }, status: 'CLAIMED' }, _count: { _all: true } }),
    prisma.project.groupBy({ by: ['orgUnitId'], where: { orgUnitId: { in: ids } }, _count: { _all: true } }),
    prisma.project.groupBy({ by: ['orgUnitId'], where: { orgUnitId: { in: ids }, status: { in: ['RUNNING', 'EVALUATING', 'COMPLETED'] } }, _count: { _all: true } }),
    prisma.practiceCase.groupBy({ by: ['orgUnitId'], where: { orgUnitId: { in: ids } }, _count: { _all: true } }),
    prisma.practiceCase.groupBy({ by: ['orgUnitId'], where: { orgUnitId: { in: ids }, status: 'PUBLISHED' }, _count: { _all: true } }),
  ])
  const has = (rows: { orgUnitId: string }[]) => new Set(rows.map((r) => r.orgUnitId))
  const [w, aw, tm, cl, pr, pl, cs, pb] = [workers, activeWorkers, teams, claimers, projects, projectsLive, cases, published].map(has)
  const state = (met: boolean, started: boolean): TaskState => (met ? 'MET' : started ? 'IN_PROGRESS' : 'NOT_STARTED')
  return new Map(ids.map((id) => [id, [state(aw.has(id), w.has(id)), state(cl.has(id), tm.has(id)), state(pl.has(id), pr.has(id)), state(pb.has(id), cs.has(id))] as FourTasks]))
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

/** Every pilot of the caller's subtree with its four tasks (officials), searchable and paged. */
export async function listPilots(scope: Scope, q: { q?: string; unit?: string; page: number; pageSize: number }, now = new Date()) {
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
      orderBy: { code: 'asc' },
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
