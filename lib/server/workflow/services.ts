import 'server-only'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import { idsOnPath } from '../authz/hierarchy'
import { canAt, rowScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { orderOf, type SortDir } from '@/lib/schemas/list'
import { ZCreateService, type ServiceSort } from '@/lib/schemas/workflow'
import { maskPhone } from '@/lib/mask'
import { moveNeed } from './needs'
import { isDispatchable } from './orders'
import { paged, recordChange, type Paged } from './common'

export type MatchReason = 'sameCommunity' | 'sameCounty' | 'sameLeague'
export type Suggestion = {
  kind: 'resource' | 'team'
  id: string
  name: string
  community: string
  capacity: number | null
  availability: string | null
  contactPhone: string | null
  score: number
  reason: MatchReason
}

/**
 * Suggests resources and teams for a need: resources that serve the need's category, from the same
 * community first, then the same banner/county, then the same league, with capacity left; and the
 * teams of the community. Ranked by distance, then capacity. Resources of neighbouring communities are
 * offered to the whole area on purpose (that is what the resources list is for); their contacts stay masked.
 */
export async function suggestMatches(scope: Scope, needId: string): Promise<Result<Suggestion[], 'NOT_FOUND'>> {
  const prisma = await db()
  const need = await prisma.need.findFirst({ where: { id: needId, ...rowScopeWhere(scope, 'service.manage') }, select: { orgPath: true, categoryId: true, orgUnitId: true } })
  if (!need) return fail('NOT_FOUND')
  const [, leagueId, countyId] = idsOnPath(need.orgPath)
  const leaguePath = `/${idsOnPath(need.orgPath)[0]}/${leagueId}/`
  const [resources, teams] = await Promise.all([
    prisma.resource.findMany({
      where: { tenantId: scope.tenantId, active: true, capacity: { gt: 0 }, categoryIds: { has: need.categoryId }, orgPath: { startsWith: leaguePath } },
      select: { id: true, providerName: true, capacity: true, availability: true, contactPhone: true, orgPath: true, orgUnit: { select: { name: true } } },
      take: 200,
    }),
    prisma.team.findMany({ where: { orgUnitId: need.orgUnitId, archivedAt: null }, select: { id: true, name: true, orgUnit: { select: { name: true } }, _count: { select: { members: true } } } }),
  ])
  const reasonOf = (path: string): MatchReason => (path === need.orgPath ? 'sameCommunity' : idsOnPath(path)[2] === countyId ? 'sameCounty' : 'sameLeague')
  const rank: Record<MatchReason, number> = { sameCommunity: 3, sameCounty: 2, sameLeague: 1 }
  const out: Suggestion[] = [
    ...resources.map((r) => {
      const reason = reasonOf(r.orgPath)
      return {
        kind: 'resource' as const, id: r.id, name: r.providerName, community: r.orgUnit.name, capacity: r.capacity, availability: r.availability,
        contactPhone: reason === 'sameCommunity' ? r.contactPhone : maskPhone(r.contactPhone), score: rank[reason] * 1_000_000 + Math.min(r.capacity, 999_999), reason,
      }
    }),
    ...teams.map((t) => ({
      kind: 'team' as const, id: t.id, name: t.name, community: t.orgUnit.name, capacity: t._count.members, availability: null, contactPhone: null,
      score: rank.sameCommunity * 1_000_000 + t._count.members, reason: 'sameCommunity' as const,
    })),
  ]
  return ok(out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN')).slice(0, 30))
}

/** Turns a need and chosen resources into a published service item; the need becomes MATCHED. */
export async function createServiceItem(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID' | 'NOT_FOUND' | 'STATE'>> {
  const parsed = ZCreateService.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const prisma = await db()
  const need = await prisma.need.findFirst({ where: { id: d.needId, ...rowScopeWhere(scope, 'service.manage') }, select: { id: true, orgUnitId: true, orgPath: true, categoryId: true, status: true } })
  if (!need) return fail('NOT_FOUND')
  if (need.status !== 'OPEN') return fail('STATE')
  const leaguePath = `/${idsOnPath(need.orgPath).slice(0, 2).join('/')}/`
  const found = await prisma.resource.count({ where: { id: { in: d.resourceIds }, tenantId: scope.tenantId, orgPath: { startsWith: leaguePath } } })
  if (found !== new Set(d.resourceIds).size) return fail('INVALID', { resourceIds: 'validation.resources.unknown' })
  return prisma.$transaction(async (tx) => {
    if (!(await moveNeed(tx, scope, need.id, 'MATCHED'))) return fail('STATE')
    const s = await tx.serviceItem.create({
      data: {
        tenantId: scope.tenantId, orgUnitId: need.orgUnitId, orgPath: need.orgPath, needId: need.id, categoryId: need.categoryId, title: d.title, description: d.description, createdById: scope.userId,
        resources: { create: [...new Set(d.resourceIds)].map((resourceId) => ({ resourceId })) },
      },
      select: { id: true },
    })
    await recordChange(tx, scope, { entity: 'ServiceItem', entityId: s.id, orgPath: need.orgPath, from: null, to: 'PUBLISHED' })
    return ok(s)
  })
}

const serviceListWhere = (scope: Scope, q: { q?: string }): Prisma.ServiceItemWhereInput => ({
  ...rowScopeWhere(scope, 'service.read'),
  ...(q.q ? { AND: [{ OR: [{ title: { contains: q.q } }, { description: { contains: q.q } }] }] } : {}),
})

/** The service list by cursor, for exports (same where and order as listServiceItems). */
export async function servicesAfter(scope: Scope, q: { q?: string }, cursor: string | null, take: number) {
  const prisma = await db()
  const rows = await prisma.serviceItem.findMany({ where: serviceListWhere(scope, q), select: SERVICE_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), take })
  return { rows: rows.map(toServiceDto), next: rows.length === take ? rows[rows.length - 1].id : null }
}

export async function countServices(scope: Scope, q: { q?: string }) {
  const prisma = await db()
  return prisma.serviceItem.count({ where: serviceListWhere(scope, q) })
}

/** 服务清单's order: the URL's sort, else newest first; the id breaks ties so pages never overlap. */
function serviceOrder(q: { sort?: ServiceSort; dir?: SortDir }): Prisma.ServiceItemOrderByWithRelationInput[] {
  return orderOf<ServiceSort, Prisma.ServiceItemOrderByWithRelationInput>(q, { created: (dir) => [{ createdAt: dir }], title: (dir) => [{ title: dir }, { createdAt: 'desc' }] }, [{ createdAt: 'desc' }], { id: 'asc' })
}

/** The community's published menu of services (service.read over the subtree). */
export async function listServiceItems(scope: Scope, q: { page: number; pageSize: number; q?: string; sort?: ServiceSort; dir?: SortDir }): Promise<Paged<ServiceItemDto>> {
  const prisma = await db()
  const where = serviceListWhere(scope, q)
  const [total, rows] = await Promise.all([
    prisma.serviceItem.count({ where }),
    prisma.serviceItem.findMany({ where, select: SERVICE_SELECT, orderBy: serviceOrder(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ])
  return paged(rows.map(toServiceDto), total, q.page, q.pageSize)
}

const SERVICE_SELECT = {
  id: true, title: true, description: true, status: true, createdAt: true, needId: true,
  need: { select: { title: true, status: true } },
  project: { select: { id: true, name: true, status: true } },
  category: { select: { name: true } },
  orgUnit: { select: { id: true, name: true } },
  resources: { select: { resource: { select: { id: true, providerName: true } } } },
  orders: { select: { id: true, status: true, dispatchedAt: true, team: { select: { name: true } }, claimedByTeam: { select: { name: true } }, declineReason: true }, orderBy: { dispatchedAt: 'desc' } },
} as const satisfies Prisma.ServiceItemSelect

type ServiceRow = Prisma.ServiceItemGetPayload<{ select: typeof SERVICE_SELECT }>
function toServiceDto(s: ServiceRow) {
  return { ...s, resources: s.resources.map((x) => x.resource) }
}
export type ServiceItemDto = ReturnType<typeof toServiceDto>

const serviceItemReadWhere = (scope: Scope, id: string) => ({ id, ...rowScopeWhere(scope, 'service.read') }) satisfies Prisma.ServiceItemWhereInput

/** Is this service item the caller's to read (getServiceItem's condition; the record page's gate)? */
export async function serviceItemInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.serviceItem.findFirst({ where: serviceItemReadWhere(scope, id), select: { id: true } })) !== null
}

export async function getServiceItem(scope: Scope, id: string) {
  const prisma = await db()
  const s = await prisma.serviceItem.findFirst({ where: serviceItemReadWhere(scope, id), select: { ...SERVICE_SELECT, orgPath: true } })
  if (!s) return fail('NOT_FOUND')
  const { orgPath, ...rest } = s
  const canDispatch = canAt(scope, 'order.dispatch', orgPath) && isDispatchable(s)
  const teams = canDispatch
    ? // the dispatch form offers the community's teams that are not archived (an archived one receives no orders)
      await prisma.team.findMany({ where: { orgUnitId: s.orgUnit.id, archivedAt: null }, select: { id: true, name: true, kind: true }, orderBy: { name: 'asc' } })
    : []
  return ok({ ...toServiceDto(rest), canDispatch, teams })
}
