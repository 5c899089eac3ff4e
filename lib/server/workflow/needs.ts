import 'server-only'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import type { NeedStatus } from '../generated/prisma/enums'
import { canAt, rowScopeWhere, type Scope } from '../authz/scope'
import { bump } from '../stats/counters'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { orderOf } from '@/lib/schemas/list'
import { maskName, maskPhone } from '@/lib/mask'
import { chinaDayRange } from '@/lib/china-time'
import { ZCreateNeed, ZRejectNeed, ZResolveNeed, type TCreateNeed, type TNeedListQuery, type NeedSort } from '@/lib/schemas/workflow'
import { actingCommunity, historyOf, paged, recordChange, type Paged, type Tx } from './common'

/** The need lifecycle, in one place: which status may follow which. */
export const NEED_TRANSITIONS: Record<NeedStatus, readonly NeedStatus[]> = {
  OPEN: ['MATCHED', 'REJECTED'],
  MATCHED: ['DISPATCHED', 'REJECTED'],
  DISPATCHED: ['IN_SERVICE', 'RESOLVED', 'MATCHED'], // back to MATCHED when the order is declined
  IN_SERVICE: ['RESOLVED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
  REJECTED: [],
}

/** Moves a need along its lifecycle inside a transaction; false when the move is not allowed from its current status. */
export async function moveNeed(tx: Tx, scope: Scope, needId: string, to: NeedStatus, extra: Prisma.NeedUpdateManyMutationInput = {}, note?: string) {
  const need = await tx.need.findUnique({ where: { id: needId }, select: { status: true, orgPath: true } })
  if (!need || !NEED_TRANSITIONS[need.status].includes(to)) return false
  // conditional on the status read: a concurrent move of the same need makes this one a no-op
  const n = await tx.need.updateMany({ where: { id: needId, status: need.status }, data: { ...extra, status: to } })
  if (n.count !== 1) return false
  await recordChange(tx, scope, { entity: 'Need', entityId: needId, orgPath: need.orgPath, from: need.status, to, note })
  return true
}

/** The row of a validated need in a community: one shape for the form and the spreadsheet import. */
export function needRow(scope: Scope, community: { id: string; path: string }, d: TCreateNeed, importKey: string | null = null) {
  return {
    tenantId: scope.tenantId,
    orgUnitId: community.id,
    orgPath: community.path,
    title: d.title,
    description: d.description,
    categoryId: d.categoryId,
    targetGroup: d.targetGroup,
    source: d.source,
    urgency: d.urgency,
    peopleAffected: d.peopleAffected,
    residentName: d.residentName ?? null,
    residentPhone: d.residentPhone ?? null,
    createdById: scope.userId,
    importKey,
  }
}

export async function createNeed(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZCreateNeed.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const community = await actingCommunity(scope, 'need.record', d.orgUnitId)
  if (!community) return fail('INVALID', { orgUnitId: 'validation.community.required' })
  const prisma = await db()
  const category = await prisma.serviceCategory.findFirst({ where: { id: d.categoryId, tenantId: scope.tenantId, active: true }, select: { id: true } })
  if (!category) return fail('INVALID', { categoryId: 'validation.category.required' })
  const need = await prisma.$transaction(async (tx) => {
    const n = await tx.need.create({ data: needRow(scope, community, d), select: { id: true } })
    await recordChange(tx, scope, { entity: 'Need', entityId: n.id, orgPath: community.path, from: null, to: 'OPEN' })
    return n
  })
  return ok(need)
}

const NEED_SELECT = {
  id: true,
  title: true,
  description: true,
  status: true,
  targetGroup: true,
  source: true,
  urgency: true,
  peopleAffected: true,
  residentName: true,
  residentPhone: true,
  rejectReason: true,
  outcome: true,
  satisfaction: true,
  satisfactionComment: true,
  resolvedAt: true,
  createdAt: true,
  orgPath: true,
  orgUnit: { select: { id: true, name: true } },
  category: { select: { id: true, name: true } },
} as const satisfies Prisma.NeedSelect

type NeedRow = Prisma.NeedGetPayload<{ select: typeof NEED_SELECT }>

/** Residents' names and phones: unmasked only for those who record needs in that community. */
function toNeedDto(scope: Scope, n: NeedRow) {
  const full = canAt(scope, 'need.record', n.orgPath)
  const { orgPath, ...rest } = n
  void orgPath
  return {
    ...rest,
    residentName: full ? n.residentName : maskName(n.residentName),
    residentPhone: full ? n.residentPhone : maskPhone(n.residentPhone),
    community: n.orgUnit,
    canAct: full,
    canResolve: canAt(scope, 'need.resolve', n.orgPath),
    canMatch: canAt(scope, 'service.manage', n.orgPath),
  }
}
export type NeedDto = ReturnType<typeof toNeedDto>

export function needListWhere(scope: Scope, q: TNeedListQuery): Prisma.NeedWhereInput {
  const and: Prisma.NeedWhereInput[] = []
  if (q.q) and.push({ OR: [{ title: { contains: q.q } }, { description: { contains: q.q } }, { orgUnit: { name: { contains: q.q } } }] })
  if (q.from || q.to) and.push({ createdAt: chinaDayRange(q.from, q.to) })
  // a unit's id is a segment of the path of every row under it
  if (q.unit) and.push({ orgPath: { contains: `/${q.unit}/` } })
  return {
    ...rowScopeWhere(scope, 'need.read'),
    ...(q.status ? { status: q.status } : {}),
    ...(q.categoryId ? { categoryId: q.categoryId } : {}),
    ...(q.targetGroup ? { targetGroup: q.targetGroup } : {}),
    ...(q.urgency ? { urgency: q.urgency } : {}),
    ...(and.length ? { AND: and } : {}),
  }
}

/** The needs list of the caller's subtree (a community's own list, or an official's whole subtree). */
/** 需求清单's order: the URL's sort, else newest first; the id breaks ties so pages never overlap. */
function needOrder(q: TNeedListQuery): Prisma.NeedOrderByWithRelationInput[] {
  return orderOf<NeedSort, Prisma.NeedOrderByWithRelationInput>(q, { created: (dir) => [{ createdAt: dir }], urgency: (dir) => [{ urgency: dir }, { createdAt: 'desc' }], people: (dir) => [{ peopleAffected: dir }, { createdAt: 'desc' }] }, [{ createdAt: 'desc' }], { id: 'asc' })
}

export async function listNeeds(scope: Scope, q: TNeedListQuery): Promise<Paged<NeedDto>> {
  const prisma = await db()
  const where = needListWhere(scope, q)
  const [total, rows] = await Promise.all([
    prisma.need.count({ where }),
    prisma.need.findMany({ where, select: NEED_SELECT, orderBy: needOrder(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ])
  return paged(rows.map((r) => toNeedDto(scope, r)), total, q.page, q.pageSize)
}

/**
 * The same list read by cursor (keyset), for exports: no OFFSET that grows with every page. Same where,
 * order and masking as listNeeds.
 */
export async function needsAfter(scope: Scope, q: TNeedListQuery, cursor: string | null, take: number) {
  const prisma = await db()
  const rows = await prisma.need.findMany({
    where: needListWhere(scope, q),
    select: NEED_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    take,
  })
  return { rows: rows.map((r) => toNeedDto(scope, r)), next: rows.length === take ? rows[rows.length - 1].id : null }
}

export async function countNeeds(scope: Scope, q: TNeedListQuery) {
  const prisma = await db()
  return prisma.need.count({ where: needListWhere(scope, q) })
}

const needReadWhere = (scope: Scope, id: string) => ({ id, ...rowScopeWhere(scope, 'need.read') }) satisfies Prisma.NeedWhereInput

/** Is this need the caller's to read (getNeed's condition; the record page's gate)? */
export async function needInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.need.findFirst({ where: needReadWhere(scope, id), select: { id: true } })) !== null
}

export async function getNeed(scope: Scope, id: string) {
  const prisma = await db()
  const n = await prisma.need.findFirst({
    where: needReadWhere(scope, id),
    select: { ...NEED_SELECT, services: { select: { id: true, title: true, orders: { select: { id: true, status: true, claimedByTeam: { select: { name: true } } } } }, orderBy: { createdAt: 'asc' } } },
  })
  if (!n) return fail('NOT_FOUND')
  const { services, ...need } = n
  const served = await prisma.taskSignup.aggregate({
    where: { checkOutAt: { not: null }, task: { order: { serviceItem: { needId: id } } } },
    _sum: { minutes: true },
    _count: { _all: true },
  })
  return ok({ ...toNeedDto(scope, need), services, served: { minutes: served._sum.minutes ?? 0, volunteers: served._count._all }, history: await historyOf('Need', id) })
}

export async function rejectNeed(scope: Scope, id: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID' | 'STATE'>> {
  const parsed = ZRejectNeed.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const need = await prisma.need.findFirst({ where: { id, ...rowScopeWhere(scope, 'need.record') }, select: { id: true } })
  if (!need) return fail('NOT_FOUND')
  const moved = await prisma.$transaction((tx) => moveNeed(tx, scope, id, 'REJECTED', { rejectReason: parsed.data.reason }, parsed.data.reason))
  return moved ? ok(null) : fail('STATE')
}

/** Resolved: the outcome and the beneficiary's satisfaction (1–5), recorded by the social worker. */
export async function resolveNeed(scope: Scope, id: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID' | 'STATE'>> {
  const parsed = ZResolveNeed.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const need = await prisma.need.findFirst({ where: { id, ...rowScopeWhere(scope, 'need.resolve') }, select: { id: true } })
  if (!need) return fail('NOT_FOUND')
  const d = parsed.data
  const moved = await prisma.$transaction(async (tx) => {
    if (!(await moveNeed(tx, scope, id, 'RESOLVED', { outcome: d.outcome, satisfaction: d.satisfaction, satisfactionComment: d.satisfactionComment ?? null, resolvedAt: new Date() }, d.outcome))) return false
    // people served and the rating roll up with the resolution, in the same transaction
    const n = await tx.need.findUniqueOrThrow({ where: { id }, select: { orgPath: true, peopleAffected: true } })
    await bump(tx, scope.tenantId, n.orgPath, { 'need:beneficiaries': n.peopleAffected, 'need:satisfactionSum': d.satisfaction, 'need:satisfactionCount': 1 })
    return true
  })
  return moved ? ok(null) : fail('STATE')
}

export async function closeNeed(scope: Scope, id: string): Promise<Result<null, 'NOT_FOUND' | 'STATE'>> {
  const prisma = await db()
  const need = await prisma.need.findFirst({ where: { id, ...rowScopeWhere(scope, 'need.resolve') }, select: { id: true } })
  if (!need) return fail('NOT_FOUND')
  return (await prisma.$transaction((tx) => moveNeed(tx, scope, id, 'CLOSED'))) ? ok(null) : fail('STATE')
}

/** "44 needs published, all claimed": counts by status for the caller's subtree. */
export async function countNeedsByStatus(scope: Scope) {
  const prisma = await db()
  const rows = await prisma.need.groupBy({ by: ['status'], where: rowScopeWhere(scope, 'need.read'), _count: { _all: true } })
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<NeedStatus, number>>
}
