import 'server-only'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import { canAt, rowScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { maskPhone } from '@/lib/mask'
import { orderOf } from '@/lib/schemas/list'
import { ZCreateResource, type ResourceSort, type TCreateResource, type TResourceListQuery } from '@/lib/schemas/workflow'
import { actingCommunity, paged, type Paged } from './common'

/** The row of a validated resource in a community: one shape for the form and the spreadsheet import. */
export function resourceRow(scope: Scope, community: { id: string; path: string }, d: TCreateResource, importKey: string | null = null) {
  return {
    tenantId: scope.tenantId,
    orgUnitId: community.id,
    orgPath: community.path,
    providerName: d.providerName,
    providerKind: d.providerKind,
    type: d.type,
    categoryIds: [...new Set(d.categoryIds)],
    capacity: d.capacity,
    availability: d.availability,
    contactName: d.contactName ?? null,
    contactPhone: d.contactPhone ?? null,
    description: d.description ?? null,
    createdById: scope.userId,
    importKey,
  }
}

export async function createResource(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZCreateResource.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const community = await actingCommunity(scope, 'resource.manage', d.orgUnitId)
  if (!community) return fail('INVALID', { orgUnitId: 'validation.community.required' })
  const prisma = await db()
  const ids = [...new Set(d.categoryIds)]
  const known = await prisma.serviceCategory.count({ where: { id: { in: ids }, tenantId: scope.tenantId, active: true } })
  if (known !== ids.length) return fail('INVALID', { categoryIds: 'validation.categories.required' })
  const r = await prisma.resource.create({
    data: resourceRow(scope, community, { ...d, categoryIds: ids }),
    select: { id: true },
  })
  return ok(r)
}

const RESOURCE_SELECT = {
  id: true,
  providerName: true,
  providerKind: true,
  type: true,
  categoryIds: true,
  capacity: true,
  availability: true,
  contactName: true,
  contactPhone: true,
  description: true,
  active: true,
  createdAt: true,
  orgPath: true,
  orgUnit: { select: { id: true, name: true } },
} as const satisfies Prisma.ResourceSelect

type ResourceRow = Prisma.ResourceGetPayload<{ select: typeof RESOURCE_SELECT }>

/** Contacts unmasked only for those who manage resources of that community. */
export function toResourceDto(scope: Scope, r: ResourceRow, categoryNames: Map<string, string>) {
  const full = canAt(scope, 'resource.manage', r.orgPath)
  const { orgPath, categoryIds, ...rest } = r
  void orgPath
  return {
    ...rest,
    categories: categoryIds.map((id) => categoryNames.get(id)).filter((x): x is string => !!x),
    contactPhone: full ? r.contactPhone : maskPhone(r.contactPhone),
    community: r.orgUnit,
  }
}
export type ResourceDto = ReturnType<typeof toResourceDto>

export async function categoryNames(tenantId: string) {
  const prisma = await db()
  const rows = await prisma.serviceCategory.findMany({ where: { tenantId }, select: { id: true, name: true } })
  return new Map(rows.map((c) => [c.id, c.name]))
}

export function resourceListWhere(scope: Scope, q: TResourceListQuery): Prisma.ResourceWhereInput {
  return {
    ...rowScopeWhere(scope, 'resource.read'),
    ...(q.providerKind ? { providerKind: q.providerKind } : {}),
    ...(q.type ? { type: q.type } : {}),
    ...(q.categoryId ? { categoryIds: { has: q.categoryId } } : {}),
    ...(q.q ? { AND: [{ OR: [{ providerName: { contains: q.q } }, { availability: { contains: q.q } }, { description: { contains: q.q } }] }] } : {}),
  }
}

/** 资源清单's order: the URL's sort, else newest first; the id breaks ties so pages never overlap. */
function resourceOrder(q: TResourceListQuery): Prisma.ResourceOrderByWithRelationInput[] {
  return orderOf<ResourceSort, Prisma.ResourceOrderByWithRelationInput>(
    q,
    { created: (dir) => [{ createdAt: dir }], name: (dir) => [{ providerName: dir }, { createdAt: 'desc' }], capacity: (dir) => [{ capacity: dir }, { createdAt: 'desc' }] },
    [{ createdAt: 'desc' }],
    { id: 'asc' },
  )
}

export async function listResources(scope: Scope, q: TResourceListQuery): Promise<Paged<ResourceDto>> {
  const prisma = await db()
  const where = resourceListWhere(scope, q)
  const [total, rows, names] = await Promise.all([
    prisma.resource.count({ where }),
    prisma.resource.findMany({ where, select: RESOURCE_SELECT, orderBy: resourceOrder(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    categoryNames(scope.tenantId),
  ])
  return paged(rows.map((r) => toResourceDto(scope, r, names)), total, q.page, q.pageSize)
}

/** The same list read by cursor, for exports (see needsAfter). */
export async function resourcesAfter(scope: Scope, q: TResourceListQuery, cursor: string | null, take: number) {
  const prisma = await db()
  const [rows, names] = await Promise.all([
    prisma.resource.findMany({
      where: resourceListWhere(scope, q),
      select: RESOURCE_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      take,
    }),
    categoryNames(scope.tenantId),
  ])
  return { rows: rows.map((r) => toResourceDto(scope, r, names)), next: rows.length === take ? rows[rows.length - 1].id : null }
}

export async function countResources(scope: Scope, q: TResourceListQuery) {
  const prisma = await db()
  return prisma.resource.count({ where: resourceListWhere(scope, q) })
}
