import 'server-only'
import { db } from '../db'
import { can, rootsFor, unitScopeWhere, type Scope } from '../authz/scope'
import { isWithin, underAny } from '../authz/hierarchy'
import type { Prisma } from '../generated/prisma/client'
import type { CertLevel } from '../generated/prisma/enums'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { paged } from '../workflow/common'
import { maskPhone } from '@/lib/mask'
import { CERTIFIED_LEVELS, ZElderlyPopulation, ZWorkerProfile, type TTalentListQuery } from '@/lib/schemas/talent'
import { agencyChoiceWhere, listAgencyChoices } from './agencies'
import { ceMinutesOf, ceStatus, tenantRules, toHours, trainingsOf, yearElapsed, type CeStatus } from './training'
import { chinaYear } from '@/lib/china-time'

/** The roles whose holders are in the talent registry (专业社工, 社会组织/社工机构工作人员). */
const WORKER_ROLES = ['SOCIAL_WORKER', 'SOCIAL_ORG_STAFF'] as const

const workerRoleUnder = (roots: string[]): Prisma.RoleAssignmentWhereInput => ({ role: { in: [...WORKER_ROLES] }, ...underAny(roots, 'orgPath') })

/**
 * The registry: users holding a worker role at a community of the caller's talent.read subtree. A talent
 * record (WorkerProfile) is kept at the community of such a role, so it is never outside this.
 */
function registryWhere(scope: Scope): Prisma.UserWhereInput {
  return { tenantId: scope.tenantId, roles: { some: workerRoleUnder(rootsFor(scope, 'talent.read')) } }
}

const PROFILE_SELECT = {
  certLevel: true, certNumber: true, certDate: true, employerKind: true, station: true, createdAt: true, orgPath: true,
  orgUnit: { select: { id: true, name: true } }, agency: { select: { id: true, name: true } },
} as const satisfies Prisma.WorkerProfileSelect

type YearLine = { year: number; hours: number; status: CeStatus }

/**
 * The CE standing of one worker per year: every year from the record's creation (or the first training
 * attended, if earlier) to the current China-time year, newest first.
 */
function ceYears(minutes: Map<number, number> | undefined, since: Date | null, requiredHours: number, now: Date): YearLine[] {
  const current = chinaYear(now)
  const attended = [...(minutes?.keys() ?? [])].filter((y) => y <= current)
  const first = Math.min(current, since ? chinaYear(since) : current, ...attended)
  const out: YearLine[] = []
  for (let y = current; y >= first; y--) {
    const m = minutes?.get(y) ?? 0
    out.push({ year: y, hours: toHours(m), status: ceStatus(m, y, requiredHours, now) })
  }
  return out
}

// ───────────── the registry ─────────────

/** The registry of the caller's subtree: search by name, filter by certificate level and by unit; phones masked. */
export async function listTalent(scope: Scope, q: TTalentListQuery, now = new Date()) {
  const prisma = await db()
  const roots = rootsFor(scope, 'talent.read')
  const and: Prisma.UserWhereInput[] = []
  if (q.q) and.push({ name: { contains: q.q } })
  if (q.level === 'MISSING') and.push({ workerProfile: { is: null } })
  else if (q.level) and.push({ workerProfile: { is: { certLevel: q.level } } })
  if (q.unit) {
    const unit = await prisma.orgUnit.findFirst({ where: { id: q.unit, ...unitScopeWhere(scope, 'talent.read') }, select: { path: true } })
    and.push(unit ? { roles: { some: { role: { in: [...WORKER_ROLES] }, orgPath: { startsWith: unit.path } } } } : { id: { in: [] } })
  }
  const where: Prisma.UserWhereInput = { ...registryWhere(scope), ...(and.length ? { AND: and } : {}) }
  const [total, rows, rules] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      select: {
        id: true, name: true, phone: true,
        roles: { where: workerRoleUnder(roots), select: { role: true, orgUnit: { select: { name: true } } }, orderBy: { orgPath: 'asc' } },
        workerProfile: { select: PROFILE_SELECT },
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    tenantRules(scope),
  ])
  const year = chinaYear(now)
  const minutes = await ceMinutesOf(scope, rows.map((r) => r.id), { from: year - 1, to: year })
  return {
    ...paged(
      rows.map((u) => {
        const p = u.workerProfile
        const m = minutes.get(u.id)
        const lastYear = m?.get(year - 1) ?? 0
        return {
          id: u.id,
          name: u.name,
          phone: u.id === scope.userId ? u.phone : maskPhone(u.phone),
          roles: [...new Set(u.roles.map((r) => r.role))],
          community: p?.orgUnit.name ?? u.roles[0]?.orgUnit.name ?? '',
          certLevel: p?.certLevel ?? null,
          employer: p ? (p.employerKind === 'AGENCY' ? (p.agency?.name ?? '') : null) : null,
          ceHours: toHours(m?.get(year) ?? 0),
          ceStatus: ceStatus(m?.get(year) ?? 0, year, rules.ceHoursPerYear, now),
          // last year counts only for a record that existed before this year began
          lastYearNotMet: Boolean(p && chinaYear(p.createdAt) < year && ceStatus(lastYear, year - 1, rules.ceHoursPerYear, now) === 'NOT_MET'),
        }
      }),
      total,
      q.page,
      q.pageSize,
    ),
    year,
    requiredHours: rules.ceHoursPerYear,
  }
}

const talentRecordReadWhere = (scope: Scope, userId: string) => ({ id: userId, ...registryWhere(scope) }) satisfies Prisma.UserWhereInput

/** Is this worker in the caller's registry (getTalentRecord's condition; the record page's gate)? */
export async function talentRecordInScope(scope: Scope, userId: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.user.findFirst({ where: talentRecordReadWhere(scope, userId), select: { id: true } })) !== null
}

/** One worker of the registry: the record, CE hours per year, trainings; the edit form's choices for whoever keeps it. */
export async function getTalentRecord(scope: Scope, userId: string, now = new Date()) {
  const prisma = await db()
  const u = await prisma.user.findFirst({
    where: talentRecordReadWhere(scope, userId),
    select: {
      id: true, name: true, phone: true,
      roles: { where: workerRoleUnder(rootsFor(scope, 'talent.read')), select: { role: true, orgPath: true, orgUnit: { select: { id: true, name: true } } }, orderBy: { orgPath: 'asc' } },
      workerProfile: { select: PROFILE_SELECT },
    },
  })
  if (!u) return fail('NOT_FOUND')
  const home = await keepingCommunity(scope, userId)
  const [rules, minutes, trainings, agencies] = await Promise.all([
    tenantRules(scope),
    ceMinutesOf(scope, [userId]),
    trainingsOf(scope, userId),
    home ? listAgencyChoices(scope, home.id) : Promise.resolve([]),
  ])
  const p = u.workerProfile
  return ok({
    id: u.id,
    name: u.name,
    phone: u.id === scope.userId ? u.phone : maskPhone(u.phone),
    roles: u.roles.map((r) => ({ role: r.role, community: r.orgUnit.name })),
    profile: p ? { certLevel: p.certLevel, certNumber: p.certNumber, certDate: p.certDate, employerKind: p.employerKind, agency: p.agency, station: p.station, community: p.orgUnit.name } : null,
    years: ceYears(minutes.get(userId), u.workerProfile?.createdAt ?? null, rules.ceHoursPerYear, now),
    requiredHours: rules.ceHoursPerYear,
    trainings,
    canEdit: Boolean(home),
    agencies,
  })
}

/**
 * The community where the caller keeps this user's record (talent.manage): the record's own community if
 * it has one, else the community of one of the user's worker roles. null → the caller may not keep it
 * (another community's record is not theirs, even if the user also holds a role here).
 */
async function keepingCommunity(scope: Scope, userId: string) {
  const roots = rootsFor(scope, 'talent.manage')
  if (!roots.length) return null
  const prisma = await db()
  const existing = await prisma.workerProfile.findFirst({ where: { userId, tenantId: scope.tenantId }, select: { orgUnitId: true, orgPath: true } })
  if (existing) return roots.some((r) => isWithin(existing.orgPath, r)) ? { id: existing.orgUnitId, path: existing.orgPath } : null
  const role = await prisma.roleAssignment.findFirst({
    where: { userId, user: { tenantId: scope.tenantId }, orgUnit: { level: 'COMMUNITY', tenantId: scope.tenantId }, ...workerRoleUnder(roots) },
    select: { orgUnitId: true, orgPath: true },
    orderBy: { orgPath: 'asc' },
  })
  return role ? { id: role.orgUnitId, path: role.orgPath } : null
}

/**
 * Creates or updates a worker's talent record (talent.manage at their community). A user who is not a
 * worker of the caller's community, or whose record another community keeps, is "not found". Bad input
 * writes nothing.
 */
export async function saveWorkerProfile(scope: Scope, userId: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID'>> {
  const home = await keepingCommunity(scope, userId)
  if (!home) return fail('NOT_FOUND')
  const parsed = ZWorkerProfile.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const prisma = await db()
  if (d.agencyId && !(await prisma.agency.count({ where: { id: d.agencyId, ...agencyChoiceWhere(scope, home.path) } }))) {
    return fail('INVALID', { agencyId: 'validation.agency.required' })
  }
  await prisma.workerProfile.upsert({
    where: { userId },
    update: d,
    create: { ...d, userId, tenantId: scope.tenantId, orgUnitId: home.id, orgPath: home.path },
  })
  return ok(null)
}

// ───────────── one's own record ─────────────

/** The caller's own talent record, CE hours of this year against the requirement, and their trainings. */
export async function myTalentRecord(scope: Scope, now = new Date()) {
  if (!can(scope, 'talent.self')) return fail('NOT_FOUND')
  const prisma = await db()
  const [u, rules, minutes, trainings] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: scope.userId },
      select: { name: true, phone: true, workerProfile: { select: PROFILE_SELECT } },
    }),
    tenantRules(scope),
    ceMinutesOf(scope, [scope.userId]),
    trainingsOf(scope, scope.userId),
  ])
  const years = ceYears(minutes.get(scope.userId), u.workerProfile?.createdAt ?? null, rules.ceHoursPerYear, now)
  const elapsed = yearElapsed(now)
  const p = u.workerProfile
  return ok({
    name: u.name,
    phone: u.phone,
    communities: scope.assignments.filter((a) => (WORKER_ROLES as readonly string[]).includes(a.role)).map((a) => a.unitName),
    profile: p ? { certLevel: p.certLevel, certNumber: p.certNumber, certDate: p.certDate, employerKind: p.employerKind, agency: p.agency?.name ?? null, station: p.station, community: p.orgUnit.name } : null,
    thisYear: { ...years[0], expected: Math.round(rules.ceHoursPerYear * elapsed * 10) / 10 },
    years,
    requiredHours: rules.ceHoursPerYear,
    trainings,
  })
}

// ───────────── officials' figures ─────────────

export type FigureRow = {
  id: string
  name: string
  byLevel: Record<(typeof CERTIFIED_LEVELS)[number], number>
  certified: number
  profiles: number
  /** certified / profiles, 0–1; null without profiles */
  rate: number | null
  reached: boolean
  communities: number
  /** communities whose elderly population is entered */
  withFigure: number
  elderly: number
  /** profiles stationed in communities whose elderly population is entered */
  workersWithFigure: number
  /** workersWithFigure per 1,000 of those communities' elderly; null when none is entered (or all are 0) */
  per1000: number | null
}

const emptyRow = (id: string, name: string): FigureRow => ({ id, name, byLevel: { ASSISTANT: 0, INTERMEDIATE: 0, SENIOR: 0 }, certified: 0, profiles: 0, rate: null, reached: false, communities: 0, withFigure: 0, elderly: 0, workersWithFigure: 0, per1000: null })

function finish(r: FigureRow, target: number): FigureRow {
  const rate = r.profiles ? r.certified / r.profiles : null
  return { ...r, rate, reached: rate !== null && rate * 100 >= target, per1000: r.elderly > 0 ? Math.round(((r.workersWithFigure * 1000) / r.elderly) * 100) / 100 : null }
}

/**
 * Talent figures of the caller's subtree, one row per child unit (or the community itself) and a total:
 * certified workers by level, the certification rate (records with a certificate / all records) against
 * the tenant's target, and workers per 1,000 elderly counted only over communities whose elderly
 * population is entered. Two grouped queries per subtree root (keyed by the child's id on the path),
 * whatever the number of communities or records.
 */
export async function talentFigures(scope: Scope) {
  const roots = rootsFor(scope, 'talent.read')
  const prisma = await db()
  const rules = await tenantRules(scope)
  if (!roots.length) return { rows: [] as FigureRow[], total: finish(emptyRow('total', ''), rules.certificationTarget), target: rules.certificationTarget, requiredHours: rules.ceHoursPerYear }
  const rootUnits = await prisma.orgUnit.findMany({ where: { tenantId: scope.tenantId, path: { in: roots } }, select: { id: true, name: true, path: true, depth: true, level: true } })
  const groups = await prisma.orgUnit.findMany({
    where: { tenantId: scope.tenantId, OR: [{ parentId: { in: rootUnits.filter((u) => u.level !== 'COMMUNITY').map((u) => u.id) } }, { id: { in: rootUnits.filter((u) => u.level === 'COMMUNITY').map((u) => u.id) } }] },
    select: { id: true, name: true },
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
  })
  const rows = new Map(groups.map((g) => [g.id, emptyRow(g.id, g.name)]))
  await Promise.all(
    rootUnits.map(async (root) => {
      // path "/r/l/c/m/" split on '/': part 2 is the region, so a child of a unit at depth d is part d + 3;
      // a community root is its own group (part d + 2)
      const part = root.level === 'COMMUNITY' ? root.depth + 2 : root.depth + 3
      const prefix = `${root.path}%`
      const [workers, units] = await Promise.all([
        prisma.$queryRaw<{ grp: string; level: CertLevel; n: number; withFigure: number }[]>`
          SELECT split_part(w."orgPath", '/', ${part}::int) AS grp, w."certLevel"::text AS level, count(*)::int AS n,
                 (count(*) FILTER (WHERE u."elderlyPopulation" IS NOT NULL))::int AS "withFigure"
            FROM "WorkerProfile" w JOIN "OrgUnit" u ON u."id" = w."orgUnitId"
           WHERE w."tenantId" = ${scope.tenantId} AND w."orgPath" LIKE ${prefix}
           GROUP BY 1, 2`,
        prisma.$queryRaw<{ grp: string; communities: number; withFigure: number; elderly: bigint }[]>`
          SELECT split_part("path", '/', ${part}::int) AS grp, count(*)::int AS communities,
                 count("elderlyPopulation")::int AS "withFigure", COALESCE(sum("elderlyPopulation"), 0)::bigint AS elderly
            FROM "OrgUnit"
           WHERE "tenantId" = ${scope.tenantId} AND "path" LIKE ${prefix} AND "level" = 'COMMUNITY'::"OrgLevel"
           GROUP BY 1`,
      ])
      for (const w of workers) {
        const r = rows.get(w.grp)
        if (!r) continue
        const n = Number(w.n)
        r.profiles += n
        r.workersWithFigure += Number(w.withFigure)
        if (w.level !== 'NONE') {
          r.certified += n
          r.byLevel[w.level] += n
        }
      }
      for (const u of units) {
        const r = rows.get(u.grp)
        if (!r) continue
        r.communities += Number(u.communities)
        r.withFigure += Number(u.withFigure)
        r.elderly += Number(u.elderly)
      }
    }),
  )
  const list = [...rows.values()]
  const total = list.reduce((t, r) => {
    for (const l of CERTIFIED_LEVELS) t.byLevel[l] += r.byLevel[l]
    t.certified += r.certified
    t.profiles += r.profiles
    t.communities += r.communities
    t.withFigure += r.withFigure
    t.elderly += r.elderly
    t.workersWithFigure += r.workersWithFigure
    return t
  }, emptyRow('total', ''))
  return { rows: list.map((r) => finish(r, rules.certificationTarget)), total: finish(total, rules.certificationTarget), target: rules.certificationTarget, requiredHours: rules.ceHoursPerYear }
}

/** Communities whose elderly population the caller may enter (org.figures), with the current figure. */
export async function listFigureCommunities(scope: Scope) {
  if (!can(scope, 'org.figures')) return []
  const prisma = await db()
  return prisma.orgUnit.findMany({ where: { level: 'COMMUNITY', ...unitScopeWhere(scope, 'org.figures') }, select: { id: true, name: true, elderlyPopulation: true }, orderBy: { code: 'asc' }, take: 300 })
}

/** Enters (or clears) a community's elderly population (org.figures over it). */
export async function setElderlyPopulation(scope: Scope, input: unknown): Promise<Result<null, 'INVALID'>> {
  const parsed = ZElderlyPopulation.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const n = await prisma.orgUnit.updateMany({
    where: { id: parsed.data.orgUnitId, level: 'COMMUNITY', ...unitScopeWhere(scope, 'org.figures') },
    data: { elderlyPopulation: parsed.data.elderlyPopulation ?? null },
  })
  return n.count ? ok(null) : fail('INVALID', { orgUnitId: 'validation.community.required' })
}

