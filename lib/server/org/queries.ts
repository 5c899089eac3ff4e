import 'server-only'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import type { OrgLevel } from '../generated/prisma/enums'
import { idsOnPath } from '../authz/hierarchy'
import { canAt, rootsFor, unitScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import type { TUnitListQuery, UnitSearchSort } from '@/lib/schemas/org'
import { orderOf, type SortDir } from '@/lib/schemas/list'
import { fromDbDate } from '@/lib/china-time'

export type UnitSummary = {
  id: string
  name: string
  level: OrgLevel
  code: string
  subDistrict: string | null
  pilot: { batch: string; start: string | null; end: string | null } | null
}

export type UnitDetail = UnitSummary & {
  /** ancestors the caller may see, root first (an official's breadcrumb stops at their own unit) */
  trail: { id: string; name: string; level: OrgLevel }[]
  canBrowse: boolean
  canManage: boolean
  counts: { children: number; communities: number; pilots: number }
}

export type ChildUnitRow = UnitSummary & { communities: number; pilots: number }

const SUMMARY = {
  id: true,
  name: true,
  level: true,
  code: true,
  subDistrict: true,
  pilotBatch: true,
  pilotStart: true,
  pilotEnd: true,
  path: true,
  depth: true,
} as const satisfies Prisma.OrgUnitSelect

type SummaryRow = Prisma.OrgUnitGetPayload<{ select: typeof SUMMARY }>

const day = (d: Date | null) => (d ? fromDbDate(d) : null)

function toSummary(u: SummaryRow): UnitSummary {
  return {
    id: u.id,
    name: u.name,
    level: u.level,
    code: u.code,
    subDistrict: u.subDistrict,
    pilot: u.pilotBatch ? { batch: u.pilotBatch, start: day(u.pilotStart), end: day(u.pilotEnd) } : null,
  }
}

const unitReadWhere = (scope: Scope, unitId: string) => ({ id: unitId, ...unitScopeWhere(scope, 'org.read') }) satisfies Prisma.OrgUnitWhereInput

/** One unit the caller may read. Outside the caller's scope (or another tenant's) → NOT_FOUND. */
async function findScopedUnit(scope: Scope, unitId: string) {
  const prisma = await db()
  return prisma.orgUnit.findFirst({ where: unitReadWhere(scope, unitId), select: SUMMARY })
}

/** Is this unit the caller's to read (getUnit's condition; the record page's gate)? */
export async function unitInScope(scope: Scope, unitId: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.orgUnit.findFirst({ where: unitReadWhere(scope, unitId), select: { id: true } })) !== null
}

export async function getUnit(scope: Scope, unitId: string): Promise<Result<UnitDetail, 'NOT_FOUND'>> {
  const unit = await findScopedUnit(scope, unitId)
  if (!unit) return fail('NOT_FOUND')
  const prisma = await db()
  const ancestorIds = idsOnPath(unit.path).slice(0, -1)
  const [ancestors, counts] = await Promise.all([
    prisma.orgUnit.findMany({
      where: { id: { in: ancestorIds }, ...unitScopeWhere(scope, 'org.read') },
      select: { id: true, name: true, level: true, depth: true },
      orderBy: { depth: 'asc' },
    }),
    subtreeCounts(unit.path),
  ])
  return ok({
    ...toSummary(unit),
    trail: ancestors.map(({ id, name, level }) => ({ id, name, level })),
    canBrowse: canAt(scope, 'org.browse', unit.path),
    canManage: canAt(scope, 'org.manage', unit.path),
    counts,
  })
}

async function subtreeCounts(path: string) {
  const prisma = await db()
  const [children, communities, pilots] = await Promise.all([
    prisma.orgUnit.count({ where: { parentId: idsOnPath(path).at(-1) } }),
    prisma.orgUnit.count({ where: { path: { startsWith: path }, level: 'COMMUNITY' } }),
    prisma.orgUnit.count({ where: { path: { startsWith: path }, level: 'COMMUNITY', pilotBatch: { not: null } } }),
  ])
  return { children, communities, pilots }
}

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number }

/**
 * The child units of a unit with community and pilot counts per child, for drill-down. Needs
 * org.browse over the unit. Search (name, code, sub-district) and the pilots-only filter apply to
 * the children; counts per child come from one grouped query over the unit's subtree.
 */
export async function listChildUnits(
  scope: Scope,
  unitId: string,
  query: TUnitListQuery,
): Promise<Result<Page<ChildUnitRow>, 'NOT_FOUND'>> {
  const unit = await findScopedUnit(scope, unitId)
  if (!unit || !canAt(scope, 'org.browse', unit.path)) return fail('NOT_FOUND')
  const prisma = await db()
  const childCounts = unit.level === 'BANNER_COUNTY' ? null : await pilotCountsByChild(unit.path, unit.depth)
  const where: Prisma.OrgUnitWhereInput = { parentId: unit.id }
  if (query.q) where.OR = [{ name: { contains: query.q } }, { code: { startsWith: query.q } }, { subDistrict: { contains: query.q } }]
  if (query.pilot === 'pilot') {
    // communities: the pilot itself; higher levels: children whose subtree holds a pilot
    if (childCounts) where.id = { in: [...childCounts].filter(([, c]) => c.pilots > 0).map(([id]) => id) }
    else where.pilotBatch = { not: null }
  }
  const [total, rows] = await Promise.all([
    prisma.orgUnit.count({ where }),
    prisma.orgUnit.findMany({
      where,
      select: SUMMARY,
      orderBy: [{ subDistrictCode: 'asc' }, { code: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ])
  return ok({
    rows: rows.map((r) => {
      const c = r.level === 'COMMUNITY' ? { communities: 1, pilots: r.pilotBatch ? 1 : 0 } : (childCounts?.get(r.id) ?? { communities: 0, pilots: 0 })
      return { ...toSummary(r), ...c }
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  })
}

/** communities and pilots under each child of the unit at `path`, grouped by the child's id on the path */
async function pilotCountsByChild(path: string, depth: number) {
  const prisma = await db()
  // path = "/id0/id1/…/": split_part index of the child's id is depth + 3 (1-based, leading '')
  const rows = await prisma.$queryRaw<{ child: string; communities: bigint; pilots: bigint }[]>`
    SELECT split_part("path", '/', ${depth + 3}::int) AS child,
           count(*) AS communities,
           count(*) FILTER (WHERE "pilotBatch" IS NOT NULL) AS pilots
      FROM "OrgUnit"
     WHERE "path" LIKE ${path + '%'} AND "level" = 'COMMUNITY'::"OrgLevel"
     GROUP BY 1`
  return new Map(rows.map((r) => [r.child, { communities: Number(r.communities), pilots: Number(r.pilots) }]))
}

/** Search the caller's whole readable subtree (any depth) by name, code or sub-district. */
/** The /units search's order: the URL's sort, else by level (higher units first), then by code; the id breaks ties. */
function unitSearchOrder(o: { sort?: UnitSearchSort; dir?: SortDir }): Prisma.OrgUnitOrderByWithRelationInput[] {
  return orderOf<UnitSearchSort, Prisma.OrgUnitOrderByWithRelationInput>(o, { level: (dir) => [{ depth: dir }, { code: 'asc' }], name: (dir) => [{ name: dir }, { depth: 'asc' }, { code: 'asc' }] }, [{ depth: 'asc' }, { code: 'asc' }], { id: 'asc' })
}

export async function searchUnits(scope: Scope, q: string, page = 1, pageSize = 20, order: { sort?: UnitSearchSort; dir?: SortDir } = {}): Promise<Page<UnitSummary & { trail: string }>> {
  const prisma = await db()
  const where: Prisma.OrgUnitWhereInput = {
    ...unitScopeWhere(scope, 'org.browse'),
    AND: [{ OR: [{ name: { contains: q } }, { code: { startsWith: q } }, { subDistrict: { contains: q } }] }],
  }
  const [total, rows] = await Promise.all([
    prisma.orgUnit.count({ where }),
    prisma.orgUnit.findMany({ where, select: SUMMARY, orderBy: unitSearchOrder(order), skip: (page - 1) * pageSize, take: pageSize }),
  ])
  const names = await readableNames(scope, rows.flatMap((r) => idsOnPath(r.path).slice(0, -1)))
  return {
    rows: rows.map((r) => ({
      ...toSummary(r),
      trail: idsOnPath(r.path).slice(0, -1).map((id) => names.get(id)).filter(Boolean).join(' · '),
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  }
}

async function readableNames(scope: Scope, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const prisma = await db()
  const rows = await prisma.orgUnit.findMany({
    where: { id: { in: [...new Set(ids)] }, ...unitScopeWhere(scope, 'org.read') },
    select: { id: true, name: true },
  })
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** The units where the caller holds roles, for the home page: one card per subtree root. */
export async function listHomeUnits(scope: Scope): Promise<UnitSummary[]> {
  const roots = rootsFor(scope, 'org.read')
  if (!roots.length) return []
  const prisma = await db()
  const ids = roots.map((p) => idsOnPath(p).at(-1)!)
  const rows = await prisma.orgUnit.findMany({ where: { id: { in: ids }, tenantId: scope.tenantId }, select: SUMMARY, orderBy: { depth: 'asc' } })
  return rows.map(toSummary)
}
