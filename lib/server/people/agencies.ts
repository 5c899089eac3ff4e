import 'server-only'
import { db } from '../db'
import { canAt, rootsFor, rowScopeWhere, unitScopeWhere, type Scope } from '../authz/scope'
import { idsOnPath, underAny } from '../authz/hierarchy'
import { Prisma } from '../generated/prisma/client'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { paged } from '../workflow/common'
import { maskPhone } from '@/lib/mask'
import { ZAgency, type AgencySort, type TAgencyListQuery } from '@/lib/schemas/talent'
import { orderOf } from '@/lib/schemas/list'

/**
 * Who reads an agency (talent.read): its registering unit is in the caller's subtree, or one of its
 * staff is stationed there (a county-registered agency is visible to the community it works in).
 * Everything else is "not found". underAny is never an empty OR, so no roots → false in both branches.
 */
function agencyReadWhere(scope: Scope): Prisma.AgencyWhereInput {
  const roots = rootsFor(scope, 'talent.read')
  return { tenantId: scope.tenantId, OR: [underAny(roots, 'orgPath'), { staff: { some: underAny(roots, 'orgPath') } }] }
}

/**
 * The agencies a community's worker may be employed by: those registered at the community or at any
 * unit above it (the agencies that serve it), and those already employing staff there.
 */
export function agencyChoiceWhere(scope: Scope, communityPath: string): Prisma.AgencyWhereInput {
  const ids = idsOnPath(communityPath)
  const ancestors = ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`)
  return { tenantId: scope.tenantId, OR: [{ orgPath: { in: ancestors } }, { staff: { some: { orgPath: { startsWith: communityPath } } } }] }
}

/** Choices for the employer field of a worker stationed at `communityId` (talent.manage there). */
export async function listAgencyChoices(scope: Scope, communityId: string) {
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: communityId, level: 'COMMUNITY', ...unitScopeWhere(scope, 'talent.manage') }, select: { path: true } })
  if (!unit) return []
  return prisma.agency.findMany({ where: agencyChoiceWhere(scope, unit.path), select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 200 })
}

/** The agencies list's order: the URL's sort, else by name; the id breaks ties so pages never overlap. */
function agencyOrder(q: TAgencyListQuery): Prisma.AgencyOrderByWithRelationInput[] {
  return orderOf<AgencySort, Prisma.AgencyOrderByWithRelationInput>(q, { name: (dir) => [{ name: dir }], created: (dir) => [{ createdAt: dir }] }, [{ name: 'asc' }], { id: 'asc' })
}

export async function listAgencies(scope: Scope, q: TAgencyListQuery) {
  const prisma = await db()
  const staffInScope = underAny(rootsFor(scope, 'talent.read'), 'orgPath')
  const and: Prisma.AgencyWhereInput[] = [agencyReadWhere(scope)]
  if (q.q) and.push({ name: { contains: q.q } })
  if (q.kind) and.push({ kind: q.kind })
  const where: Prisma.AgencyWhereInput = { tenantId: scope.tenantId, AND: and }
  const [total, rows] = await Promise.all([
    prisma.agency.count({ where }),
    prisma.agency.findMany({
      where,
      select: { id: true, name: true, kind: true, createdAt: true, orgUnit: { select: { name: true } }, _count: { select: { staff: { where: staffInScope } } } },
      orderBy: agencyOrder(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ])
  return paged(rows.map(({ _count, ...a }) => ({ ...a, staff: _count.staff })), total, q.page, q.pageSize)
}

const agencyIdWhere = (scope: Scope, id: string) => ({ id, ...agencyReadWhere(scope) }) satisfies Prisma.AgencyWhereInput

/** Is this agency the caller's to read (getAgency's condition; the record page's gate)? */
export async function agencyInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.agency.findFirst({ where: agencyIdWhere(scope, id), select: { id: true } })) !== null
}

/** An agency and those of its staff the caller may see (stationed in their subtree), phones masked. */
export async function getAgency(scope: Scope, id: string) {
  const prisma = await db()
  const a = await prisma.agency.findFirst({
    where: agencyIdWhere(scope, id),
    select: {
      id: true, name: true, kind: true, creditCode: true, contactName: true, phone: true, orgUnitId: true, orgPath: true, orgUnit: { select: { name: true } },
      staff: {
        where: underAny(rootsFor(scope, 'talent.read'), 'orgPath'),
        select: { userId: true, certLevel: true, station: true, user: { select: { name: true, phone: true } }, orgUnit: { select: { name: true } } },
        orderBy: { user: { name: 'asc' } },
        take: 500,
      },
    },
  })
  if (!a) return fail('NOT_FOUND')
  const { orgPath, staff, ...rest } = a
  return ok({
    ...rest,
    canEdit: canAt(scope, 'agency.manage', orgPath),
    staff: staff.map((s) => ({ userId: s.userId, name: s.user.name, phone: s.userId === scope.userId ? s.user.phone : maskPhone(s.user.phone), community: s.orgUnit.name, certLevel: s.certLevel, station: s.station })),
  })
}

/** Units where the caller may register agencies: their roots and the roots' children. */
export async function listRegisterUnits(scope: Scope) {
  const roots = rootsFor(scope, 'agency.manage')
  if (!roots.length) return []
  const prisma = await db()
  return prisma.orgUnit.findMany({
    where: { ...unitScopeWhere(scope, 'agency.manage'), OR: [{ path: { in: roots } }, { parent: { path: { in: roots } } }] },
    select: { id: true, name: true, depth: true },
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
    take: 300,
  })
}

const nameTaken = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'

async function registerUnit(scope: Scope, orgUnitId: string) {
  const prisma = await db()
  return prisma.orgUnit.findFirst({ where: { id: orgUnitId, ...unitScopeWhere(scope, 'agency.manage') }, select: { id: true, path: true } })
}

/** Registers an agency under a unit of the caller's subtree (agency.manage); the name is unique in the tenant. */
export async function createAgency(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZAgency.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const unit = await registerUnit(scope, parsed.data.orgUnitId)
  if (!unit) return fail('INVALID', { orgUnitId: 'validation.agencyUnit.required' })
  const { orgUnitId, ...d } = parsed.data
  void orgUnitId
  const prisma = await db()
  try {
    return ok(await prisma.agency.create({ data: { ...d, creditCode: d.creditCode ?? null, contactName: d.contactName ?? null, phone: d.phone ?? null, tenantId: scope.tenantId, orgUnitId: unit.id, orgPath: unit.path }, select: { id: true } }))
  } catch (e) {
    if (nameTaken(e)) return fail('INVALID', { name: 'validation.agencyName.taken' })
    throw e
  }
}

/** Edits an agency registered in the caller's subtree; it may move to another unit of that subtree. */
export async function updateAgency(scope: Scope, id: string, input: unknown): Promise<Result<{ id: string }, 'NOT_FOUND' | 'INVALID'>> {
  const prisma = await db()
  const agency = await prisma.agency.findFirst({ where: { id, ...rowScopeWhere(scope, 'agency.manage') }, select: { id: true } })
  if (!agency) return fail('NOT_FOUND')
  const parsed = ZAgency.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const unit = await registerUnit(scope, parsed.data.orgUnitId)
  if (!unit) return fail('INVALID', { orgUnitId: 'validation.agencyUnit.required' })
  const { orgUnitId, ...d } = parsed.data
  void orgUnitId
  try {
    await prisma.agency.update({ where: { id }, data: { ...d, creditCode: d.creditCode ?? null, contactName: d.contactName ?? null, phone: d.phone ?? null, orgUnitId: unit.id, orgPath: unit.path } })
    return ok({ id })
  } catch (e) {
    if (nameTaken(e)) return fail('INVALID', { name: 'validation.agencyName.taken' })
    throw e
  }
}
