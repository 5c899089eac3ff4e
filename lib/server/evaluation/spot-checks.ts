import 'server-only'
import { db } from '../db'
import { rootsFor, rowScopeWhere, unitScopeWhere, type Scope } from '../authz/scope'
import type { Prisma } from '../generated/prisma/client'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { paged } from '../workflow/common'
import { newSeed, sampleIds, sortIds } from './prng'
import { ZSpotCheck, type SpotCheckSort, type TSpotCheckListQuery } from '@/lib/schemas/evaluation'
import { orderOf } from '@/lib/schemas/list'
import { chinaDayRange } from '@/lib/china-time'

type Kind = 'PILOT' | 'PROJECT' | 'CLOSED_NEED'
export type SpotCheckFilters = { unitId: string; from?: string; to?: string }

/** A population above this is refused: narrow it with a unit or a period (the ids are stored). */
export const MAX_POPULATION = 50_000

/**
 * The population of a draw, as ids sorted in code-unit order (sortIds, not the database's collation):
 * PILOT = pilot communities (pilotBatch set) under the unit; PROJECT = projects under it past DRAFT;
 * CLOSED_NEED = needs RESOLVED or CLOSED under it, resolved within the optional period (China dates).
 */
async function populationOf(tenantId: string, path: string, kind: Kind, f: { from?: string; to?: string }) {
  const prisma = await db()
  let ids: string[]
  if (kind === 'PILOT') {
    ids = (await prisma.orgUnit.findMany({ where: { tenantId, level: 'COMMUNITY', pilotBatch: { not: null }, path: { startsWith: path } }, select: { id: true } })).map((r) => r.id)
  } else if (kind === 'PROJECT') {
    ids = (await prisma.project.findMany({ where: { tenantId, orgPath: { startsWith: path }, status: { not: 'DRAFT' } }, select: { id: true } })).map((r) => r.id)
  } else {
    const resolvedAt = f.from || f.to ? chinaDayRange(f.from, f.to) : undefined
    ids = (await prisma.need.findMany({ where: { tenantId, orgPath: { startsWith: path }, status: { in: ['RESOLVED', 'CLOSED'] }, ...(resolvedAt ? { resolvedAt } : {}) }, select: { id: true } })).map((r) => r.id)
  }
  return sortIds(ids)
}

/** Units a manager may draw under: their roots and everything below down to the banners/counties. */
export async function listSpotCheckUnits(scope: Scope) {
  if (!rootsFor(scope, 'evaluation.manage').length) return []
  const prisma = await db()
  return prisma.orgUnit.findMany({
    where: { ...unitScopeWhere(scope, 'evaluation.manage'), level: { not: 'COMMUNITY' } },
    select: { id: true, name: true, depth: true },
    orderBy: [{ path: 'asc' }],
    take: 300,
  })
}

/**
 * Draws a sample: a fresh 128-bit seed, the population at this moment (stored whole, sorted), and
 * sampleIds(seed, population, N). Every draw is a new row of an append-only table (a database trigger
 * refuses UPDATE and DELETE), so a draw can be repeated but never silently replaced.
 */
export async function drawSpotCheck(scope: Scope, input: unknown, seed = newSeed()): Promise<Result<{ id: string }, 'INVALID' | 'NOT_FOUND'>> {
  const parsed = ZSpotCheck.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: d.unitId, ...unitScopeWhere(scope, 'evaluation.manage') }, select: { id: true, path: true } })
  if (!unit) return fail('NOT_FOUND')
  const population = await populationOf(scope.tenantId, unit.path, d.kind, d)
  if (population.length > MAX_POPULATION) return fail('INVALID', { unitId: 'validation.spotCheck.tooLarge' })
  const filters: SpotCheckFilters = { unitId: unit.id, ...(d.from ? { from: d.from } : {}), ...(d.to ? { to: d.to } : {}) }
  const row = await prisma.spotCheckDraw.create({
    data: {
      tenantId: scope.tenantId, orgUnitId: unit.id, orgPath: unit.path, kind: d.kind, filters, seed,
      populationSize: population.length, populationIds: population, sampleSize: d.size, sampleIds: sampleIds(seed, population, d.size), drawnById: scope.userId,
    },
    select: { id: true },
  })
  return ok(row)
}

/** Every draw of the subtree, repeated ones included, newest first. */
/** 随机抽查's order: the URL's sort, else the latest draw first; the id breaks ties so pages never overlap. */
function spotCheckOrder(q: TSpotCheckListQuery): Prisma.SpotCheckDrawOrderByWithRelationInput[] {
  return orderOf<SpotCheckSort, Prisma.SpotCheckDrawOrderByWithRelationInput>(q, { created: (dir) => [{ createdAt: dir }], population: (dir) => [{ populationSize: dir }, { createdAt: 'desc' }] }, [{ createdAt: 'desc' }], { id: 'asc' })
}

export async function listSpotChecks(scope: Scope, q: TSpotCheckListQuery) {
  const prisma = await db()
  const where = rowScopeWhere(scope, 'evaluation.manage')
  const [total, rows] = await Promise.all([
    prisma.spotCheckDraw.count({ where }),
    prisma.spotCheckDraw.findMany({
      where,
      select: { id: true, kind: true, orgUnitId: true, filters: true, seed: true, populationSize: true, sampleSize: true, sampleIds: true, drawnById: true, createdAt: true },
      orderBy: spotCheckOrder(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ])
  const [units, users] = await Promise.all([
    prisma.orgUnit.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.orgUnitId))] } }, select: { id: true, name: true } }),
    prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.drawnById))] } }, select: { id: true, name: true } }),
  ])
  const unitName = new Map(units.map((u) => [u.id, u.name]))
  const userName = new Map(users.map((u) => [u.id, u.name]))
  return paged(
    rows.map(({ sampleIds: s, orgUnitId, drawnById, filters, ...r }) => ({ ...r, filters: filters as SpotCheckFilters, unit: unitName.get(orgUnitId) ?? '', drawnBy: userName.get(drawnById) ?? '', drawn: s.length })),
    total,
    q.page,
    q.pageSize,
  )
}

/**
 * Re-runs a stored draw: recomputes the sample from its stored seed, population and N and compares it
 * with the stored sample (and checks the stored population is in the documented order).
 */
export function verifyDraw(d: { seed: string; populationIds: string[]; sampleSize: number; sampleIds: string[] }) {
  const recomputed = sampleIds(d.seed, d.populationIds, d.sampleSize)
  const sorted = sortIds(d.populationIds).every((id, i) => id === d.populationIds[i])
  return { recomputed, matches: sorted && recomputed.length === d.sampleIds.length && recomputed.every((id, i) => id === d.sampleIds[i]) }
}

const spotCheckReadWhere = (scope: Scope, id: string) => ({ id, ...rowScopeWhere(scope, 'evaluation.manage') }) satisfies Prisma.SpotCheckDrawWhereInput

/** Is this draw the caller's to read (getSpotCheck's condition; the record page's gate)? */
export async function spotCheckInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.spotCheckDraw.findFirst({ where: spotCheckReadWhere(scope, id), select: { id: true } })) !== null
}

/** One draw with its sample labelled, the re-run result and today's population size for comparison. */
export async function getSpotCheck(scope: Scope, id: string) {
  const prisma = await db()
  const d = await prisma.spotCheckDraw.findFirst({
    where: spotCheckReadWhere(scope, id),
    select: { id: true, kind: true, orgUnitId: true, orgPath: true, filters: true, seed: true, populationSize: true, populationIds: true, sampleSize: true, sampleIds: true, drawnById: true, createdAt: true },
  })
  if (!d) return fail('NOT_FOUND')
  const filters = d.filters as SpotCheckFilters
  const [unit, drawer, current] = await Promise.all([
    prisma.orgUnit.findUnique({ where: { id: d.orgUnitId }, select: { name: true } }),
    prisma.user.findUnique({ where: { id: d.drawnById }, select: { name: true } }),
    populationOf(scope.tenantId, d.orgPath, d.kind, filters),
  ])
  // labels of the sampled records: read within the same subtree as the draw
  const sample = await labelsOf(scope.tenantId, d.orgPath, d.kind, d.sampleIds)
  const { orgPath, orgUnitId, drawnById, ...rest } = d
  void orgPath
  void orgUnitId
  void drawnById
  return ok({ ...rest, filters, unit: unit?.name ?? '', drawnBy: drawer?.name ?? '', sample, verification: verifyDraw(d), currentSize: current.length })
}

/** Each sampled id with a name and the unit an inspection of it would target. */
async function labelsOf(tenantId: string, path: string, kind: Kind, ids: string[]) {
  const prisma = await db()
  if (kind === 'PILOT') {
    const rows = await prisma.orgUnit.findMany({ where: { tenantId, id: { in: ids }, path: { startsWith: path } }, select: { id: true, name: true, pilotBatch: true } })
    const by = new Map(rows.map((r) => [r.id, r]))
    return ids.map((id) => ({ id, label: by.get(id)?.name ?? null, detail: by.get(id)?.pilotBatch ?? null, unitId: by.has(id) ? id : null, projectId: null as string | null }))
  }
  if (kind === 'PROJECT') {
    const rows = await prisma.project.findMany({ where: { tenantId, id: { in: ids }, orgPath: { startsWith: path } }, select: { id: true, name: true, orgUnit: { select: { name: true } } } })
    const by = new Map(rows.map((r) => [r.id, r]))
    return ids.map((id) => ({ id, label: by.get(id)?.name ?? null, detail: by.get(id)?.orgUnit.name ?? null, unitId: null as string | null, projectId: by.has(id) ? id : null }))
  }
  const rows = await prisma.need.findMany({ where: { tenantId, id: { in: ids }, orgPath: { startsWith: path } }, select: { id: true, title: true, orgUnitId: true, orgUnit: { select: { name: true } } } })
  const by = new Map(rows.map((r) => [r.id, r]))
  return ids.map((id) => ({ id, label: by.get(id)?.title ?? null, detail: by.get(id)?.orgUnit.name ?? null, unitId: by.get(id)?.orgUnitId ?? null, projectId: null as string | null }))
}
