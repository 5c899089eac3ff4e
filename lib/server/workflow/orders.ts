import 'server-only'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import { canAt, rowScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { orderOf, type SortDir } from '@/lib/schemas/list'
import { ZDeclineOrder, ZDispatchOrder, type OrderSort } from '@/lib/schemas/workflow'
import { moveNeed } from './needs'
import { notify, paged, recordChange, type Paged } from './common'

/**
 * The teams the caller may claim orders for (接单): teams they lead (a team leader), and social
 * organisations they work for (social-organisation staff) — in communities where they hold order.claim.
 * Archived teams are included (with `archivedAt`) so their running tasks can still be run; they claim
 * and decline nothing new (orderForTeam, toOrderDto).
 */
export async function claimableTeams(scope: Scope) {
  const prisma = await db()
  const teams = await prisma.team.findMany({
    where: {
      ...rowScopeWhere(scope, 'order.claim'),
      // inside AND: a top-level OR here would replace the scope filter's own OR
      AND: [{ OR: [{ leaderId: scope.userId }, { kind: 'SOCIAL_ORG', members: { some: { userId: scope.userId } } }] }],
    },
    select: { id: true, name: true, kind: true, orgUnitId: true, orgPath: true, archivedAt: true },
    orderBy: { name: 'asc' },
  })
  return teams
}

/** A service item can be dispatched while its need awaits service, or while its project runs. */
export function isDispatchable(s: { status: string; need: { status: string } | null; project: { status: string } | null }) {
  if (s.status !== 'PUBLISHED') return false
  if (s.need) return s.need.status === 'MATCHED' || s.need.status === 'DISPATCHED'
  return s.project?.status === 'RUNNING'
}

/** 派单: the community party organisation dispatches an order for a service item. */
export async function dispatchOrder(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID' | 'NOT_FOUND' | 'STATE'>> {
  const parsed = ZDispatchOrder.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const prisma = await db()
  const service = await prisma.serviceItem.findFirst({
    where: { id: d.serviceItemId, ...rowScopeWhere(scope, 'order.dispatch') },
    select: { id: true, title: true, status: true, orgUnitId: true, orgPath: true, needId: true, need: { select: { status: true } }, project: { select: { status: true } } },
  })
  if (!service) return fail('NOT_FOUND')
  if (!isDispatchable(service)) return fail('STATE')
  // an archived team receives no new orders: not as the named team, not among "every team of the community"
  const teams = await prisma.team.findMany({ where: { orgUnitId: service.orgUnitId, archivedAt: null, ...(d.teamId ? { id: d.teamId } : {}) }, select: { id: true, leaderId: true, name: true } })
  if (d.teamId && teams.length !== 1) return fail('INVALID', { teamId: 'validation.team.required' })
  if (!teams.length) return fail('INVALID', { teamId: 'validation.team.none' })
  return prisma.$transaction(async (tx) => {
    if (service.needId && service.need?.status === 'MATCHED' && !(await moveNeed(tx, scope, service.needId, 'DISPATCHED'))) return fail('STATE')
    const o = await tx.order.create({
      data: { tenantId: scope.tenantId, orgUnitId: service.orgUnitId, orgPath: service.orgPath, serviceItemId: service.id, teamId: d.teamId, note: d.note ?? null, dispatchedById: scope.userId },
      select: { id: true },
    })
    await recordChange(tx, scope, { entity: 'Order', entityId: o.id, orgPath: service.orgPath, from: null, to: 'DISPATCHED', note: d.note })
    await notify(tx, teams.map((t) => t.leaderId), 'notify.orderDispatched', { title: service.title }, `/orders/${o.id}`)
    return ok(o)
  })
}

async function orderForTeam(scope: Scope, orderId: string, teamId: string) {
  const team = (await claimableTeams(scope)).find((t) => t.id === teamId)
  if (!team) return null
  if (team.archivedAt) return 'ARCHIVED' as const
  const prisma = await db()
  const order = await prisma.order.findFirst({
    where: { id: orderId, orgUnitId: team.orgUnitId, ...rowScopeWhere(scope, 'order.claim'), AND: [{ OR: [{ teamId: null }, { teamId }] }] },
    select: { id: true, status: true, orgPath: true, teamId: true, dispatchedById: true, serviceItem: { select: { title: true, needId: true } } },
  })
  return order ? { order, team } : null
}

/** 接单: first claim wins (conditional update), the dispatcher is told. */
export async function claimOrder(scope: Scope, orderId: string, teamId: string): Promise<Result<null, 'NOT_FOUND' | 'STATE'>> {
  const found = await orderForTeam(scope, orderId, teamId)
  if (!found) return fail('NOT_FOUND')
  if (found === 'ARCHIVED') return fail('STATE')
  const { order, team } = found
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    // the team's row lock: an archive committed meanwhile is seen here, and one that comes later waits
    const [t] = await tx.$queryRaw<{ archivedAt: Date | null }[]>`SELECT "archivedAt" FROM "Team" WHERE "id" = ${team.id} FOR SHARE`
    if (!t || t.archivedAt) return fail('STATE')
    const n = await tx.order.updateMany({
      where: { id: order.id, status: 'DISPATCHED' },
      data: { status: 'CLAIMED', claimedByTeamId: team.id, claimedById: scope.userId, claimedAt: new Date() },
    })
    if (n.count !== 1) return fail('STATE')
    await recordChange(tx, scope, { entity: 'Order', entityId: order.id, orgPath: order.orgPath, from: 'DISPATCHED', to: 'CLAIMED', note: team.name })
    await notify(tx, [order.dispatchedById], 'notify.orderClaimed', { title: order.serviceItem.title, team: team.name }, `/orders/${order.id}`)
    return ok(null)
  })
}

/** A team an order was addressed to declines it with a reason; the need goes back to MATCHED for another dispatch. */
export async function declineOrder(scope: Scope, orderId: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID' | 'STATE'>> {
  const parsed = ZDeclineOrder.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const found = await orderForTeam(scope, orderId, parsed.data.teamId)
  if (!found) return fail('NOT_FOUND')
  if (found === 'ARCHIVED') return fail('STATE')
  const { order, team } = found
  if (order.teamId !== team.id) return fail('STATE') // an order open to all teams is simply left for another team
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const n = await tx.order.updateMany({ where: { id: order.id, status: 'DISPATCHED' }, data: { status: 'DECLINED', declineReason: parsed.data.reason } })
    if (n.count !== 1) return fail('STATE')
    await recordChange(tx, scope, { entity: 'Order', entityId: order.id, orgPath: order.orgPath, from: 'DISPATCHED', to: 'DECLINED', note: parsed.data.reason })
    const needId = order.serviceItem.needId
    if (needId && !(await tx.order.count({ where: { serviceItem: { needId }, status: { in: ['DISPATCHED', 'CLAIMED'] } } }))) {
      await moveNeed(tx, scope, needId, 'MATCHED', {}, parsed.data.reason)
    }
    await notify(tx, [order.dispatchedById], 'notify.orderDeclined', { title: order.serviceItem.title, team: team.name, reason: parsed.data.reason }, `/orders/${order.id}`)
    return ok(null)
  })
}

const ORDER_SELECT = {
  id: true, status: true, declineReason: true, note: true, dispatchedAt: true, claimedAt: true, orgPath: true, orgUnitId: true,
  team: { select: { id: true, name: true } },
  claimedByTeam: { select: { id: true, name: true } },
  orgUnit: { select: { id: true, name: true } },
  serviceItem: { select: { id: true, title: true, need: { select: { id: true, title: true, status: true } }, project: { select: { id: true, name: true } } } },
  tasks: { select: { id: true, title: true, startsAt: true, slots: true, taken: true, status: true }, orderBy: { startsAt: 'asc' } },
} as const satisfies Prisma.OrderSelect

type OrderRow = Prisma.OrderGetPayload<{ select: typeof ORDER_SELECT }>

function toOrderDto(scope: Scope, o: OrderRow, myTeams: { id: string; orgUnitId: string; archivedAt?: Date | null }[]) {
  const { orgPath, ...rest } = o
  const claimFor = o.status === 'DISPATCHED' ? myTeams.filter((t) => !t.archivedAt && t.orgUnitId === o.orgUnitId && (!o.team || o.team.id === t.id)) : []
  return {
    ...rest,
    claimFor: claimFor.map((t) => t.id),
    canCreateTask: o.status === 'CLAIMED' && canAt(scope, 'task.manage', orgPath) && (canAt(scope, 'service.manage', orgPath) || myTeams.some((t) => t.id === o.claimedByTeam?.id)),
  }
}
export type OrderDto = ReturnType<typeof toOrderDto>

export type OrderListQuery = { status?: 'DISPATCHED' | 'CLAIMED' | 'DECLINED' | 'CANCELLED' }
const orderListWhere = (scope: Scope, q: OrderListQuery): Prisma.OrderWhereInput => ({ ...rowScopeWhere(scope, 'order.read'), ...(q.status ? { status: q.status } : {}) })

/** The order list by cursor, for exports (same where and order as listOrders). */
export async function ordersAfter(scope: Scope, q: OrderListQuery, cursor: string | null, take: number) {
  const prisma = await db()
  const rows = await prisma.order.findMany({ where: orderListWhere(scope, q), select: ORDER_SELECT, orderBy: [{ dispatchedAt: 'desc' }, { id: 'asc' }], ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), take })
  return { rows: rows.map((o) => toOrderDto(scope, o, [])), next: rows.length === take ? rows[rows.length - 1].id : null }
}

export async function countOrders(scope: Scope, q: OrderListQuery) {
  const prisma = await db()
  return prisma.order.count({ where: orderListWhere(scope, q) })
}

/** 派单接单's order: the URL's sort, else the latest dispatch first; the id breaks ties so pages never overlap. */
function orderListOrder(q: { sort?: OrderSort; dir?: SortDir }): Prisma.OrderOrderByWithRelationInput[] {
  return orderOf<OrderSort, Prisma.OrderOrderByWithRelationInput>(q, { dispatched: (dir) => [{ dispatchedAt: dir }], title: (dir) => [{ serviceItem: { title: dir } }, { dispatchedAt: 'desc' }] }, [{ dispatchedAt: 'desc' }], { id: 'asc' })
}

export async function listOrders(scope: Scope, q: OrderListQuery & { sort?: OrderSort; dir?: SortDir; page: number; pageSize: number }): Promise<Paged<OrderDto>> {
  const prisma = await db()
  const where = orderListWhere(scope, q)
  const [total, rows, mine] = await Promise.all([
    prisma.order.count({ where }),
    prisma.order.findMany({ where, select: ORDER_SELECT, orderBy: orderListOrder(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    claimableTeams(scope),
  ])
  return paged(rows.map((o) => toOrderDto(scope, o, mine)), total, q.page, q.pageSize)
}

const orderReadWhere = (scope: Scope, id: string) => ({ id, ...rowScopeWhere(scope, 'order.read') }) satisfies Prisma.OrderWhereInput

/** Is this order the caller's to read (getOrder's condition; the record page's gate)? */
export async function orderInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.order.findFirst({ where: orderReadWhere(scope, id), select: { id: true } })) !== null
}

export async function getOrder(scope: Scope, id: string) {
  const prisma = await db()
  const o = await prisma.order.findFirst({ where: orderReadWhere(scope, id), select: ORDER_SELECT })
  if (!o) return fail('NOT_FOUND')
  const mine = await claimableTeams(scope)
  return ok({ ...toOrderDto(scope, o, mine), teams: mine.filter((t) => !t.archivedAt && t.orgUnitId === o.orgUnitId) })
}

/** "N needs published, all claimed": orders by status for the caller's subtree. */
export async function countOrdersByStatus(scope: Scope) {
  const prisma = await db()
  const rows = await prisma.order.groupBy({ by: ['status'], where: rowScopeWhere(scope, 'order.read'), _count: { _all: true } })
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>
}
