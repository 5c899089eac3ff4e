import 'server-only'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import type { PracticeStatus } from '../generated/prisma/enums'
import { canAt, rowScopeWhere, type Scope } from '../authz/scope'
import type { Permission } from '../authz/permissions'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZPracticeCase, ZReturn, ZReview, type TPracticeCase } from '@/lib/schemas/projects'
import { actingCommunity, historyOf, paged, recordChange, type Paged } from '../workflow/common'
import { figuresUnder } from './figures'

/**
 * Review chain of a practice case, in one place: the pilot submits; the banner/county, then the
 * league/city pass it or return it with comments; the region publishes it to the shared library.
 */
export const PRACTICE_TRANSITIONS: Record<PracticeStatus, Partial<Record<PracticeStatus, Permission>>> = {
  DRAFT: { SUBMITTED: 'practice.write' },
  RETURNED: { SUBMITTED: 'practice.write' },
  SUBMITTED: { COUNTY_PASSED: 'practice.reviewCounty', RETURNED: 'practice.reviewCounty' },
  COUNTY_PASSED: { LEAGUE_PASSED: 'practice.reviewLeague', RETURNED: 'practice.reviewLeague' },
  LEAGUE_PASSED: { PUBLISHED: 'practice.publish', RETURNED: 'practice.publish' },
  PUBLISHED: {},
}

type PracticeError = 'NOT_FOUND' | 'INVALID' | 'TRANSITION'

async function checkProject(community: { id: string }, d: TPracticeCase) {
  if (!d.projectId) return true
  const prisma = await db()
  return (await prisma.project.count({ where: { id: d.projectId, orgUnitId: community.id } })) === 1
}

const fields = (d: TPracticeCase) => ({ title: d.title, background: d.background, approach: d.approach, results: d.results, lessons: d.lessons, projectId: d.projectId ?? null })

export async function createPracticeCase(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZPracticeCase.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const community = await actingCommunity(scope, 'practice.write', parsed.data.orgUnitId)
  if (!community) return fail('INVALID', { orgUnitId: 'validation.community.required' })
  if (!(await checkProject(community, parsed.data))) return fail('INVALID', { projectId: 'validation.project.required' })
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const c = await tx.practiceCase.create({ data: { ...fields(parsed.data), tenantId: scope.tenantId, orgUnitId: community.id, orgPath: community.path, createdById: scope.userId }, select: { id: true } })
    await recordChange(tx, scope, { entity: 'PracticeCase', entityId: c.id, orgPath: community.path, from: null, to: 'DRAFT' })
    return ok(c)
  })
}

export async function updatePracticeCase(scope: Scope, id: string, input: unknown): Promise<Result<null, PracticeError>> {
  const prisma = await db()
  const c = await prisma.practiceCase.findFirst({ where: { id, ...rowScopeWhere(scope, 'practice.write') }, select: { status: true, orgUnitId: true } })
  if (!c) return fail('NOT_FOUND')
  if (c.status !== 'DRAFT' && c.status !== 'RETURNED') return fail('TRANSITION')
  const parsed = ZPracticeCase.safeParse({ ...(input as object), orgUnitId: c.orgUnitId })
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  if (!(await checkProject({ id: c.orgUnitId }, parsed.data))) return fail('INVALID', { projectId: 'validation.project.required' })
  await prisma.practiceCase.update({ where: { id }, data: fields(parsed.data) })
  return ok(null)
}

/** One step of the review chain. Submitting snapshots the community's live figures into the case. */
export async function movePracticeCase(scope: Scope, id: string, to: PracticeStatus, input: unknown = {}): Promise<Result<null, PracticeError>> {
  const prisma = await db()
  const c = await prisma.practiceCase.findFirst({ where: { id, ...rowScopeWhere(scope, 'practice.read') }, select: { status: true, orgPath: true } })
  if (!c) return fail('NOT_FOUND')
  const needs = PRACTICE_TRANSITIONS[c.status][to]
  if (!needs || !canAt(scope, needs, c.orgPath)) return fail('TRANSITION')
  const parsed = (to === 'RETURNED' ? ZReturn : ZReview).safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const comment = parsed.data.comment ?? null
  const figures = to === 'SUBMITTED' ? await figuresUnder(c.orgPath) : undefined
  return prisma.$transaction(async (tx) => {
    const n = await tx.practiceCase.updateMany({
      where: { id, status: c.status },
      data: {
        status: to,
        ...(figures ? { figures } : {}),
        ...(to !== 'SUBMITTED' ? { reviewComment: comment } : {}),
        ...(to === 'PUBLISHED' ? { publishedAt: new Date() } : {}),
      },
    })
    if (n.count !== 1) return fail('TRANSITION')
    await recordChange(tx, scope, { entity: 'PracticeCase', entityId: id, orgPath: c.orgPath, from: c.status, to, note: comment })
    return ok(null)
  })
}

const LIST_SELECT = {
  id: true, title: true, status: true, publishedAt: true, updatedAt: true, results: true,
  orgUnit: { select: { id: true, name: true, subDistrict: true, parent: { select: { name: true } } } },
  project: { select: { id: true, name: true, brand: true } },
} as const satisfies Prisma.PracticeCaseSelect

/**
 * The shared library (library=true): every published case of the tenant, open to all its users. Otherwise
 * the cases in progress in the caller's subtree (practice.read), any status.
 */
export async function listPracticeCases(scope: Scope, q: { library: boolean; q?: string; status?: PracticeStatus; page: number; pageSize: number }): Promise<Paged<Prisma.PracticeCaseGetPayload<{ select: typeof LIST_SELECT }>>> {
  const prisma = await db()
  const text: Prisma.PracticeCaseWhereInput = q.q
    ? { OR: [{ title: { contains: q.q } }, { background: { contains: q.q } }, { approach: { contains: q.q } }, { results: { contains: q.q } }, { lessons: { contains: q.q } }, { orgUnit: { name: { contains: q.q } } }] }
    : {}
  const where: Prisma.PracticeCaseWhereInput = q.library
    ? { tenantId: scope.tenantId, status: 'PUBLISHED', AND: [text] }
    : { ...rowScopeWhere(scope, 'practice.read'), ...(q.status ? { status: q.status } : {}), AND: [text] }
  const [total, rows] = await Promise.all([
    prisma.practiceCase.count({ where }),
    prisma.practiceCase.findMany({ where, select: LIST_SELECT, orderBy: q.library ? [{ publishedAt: 'desc' }, { id: 'asc' }] : [{ updatedAt: 'desc' }, { id: 'asc' }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ])
  return paged(rows, total, q.page, q.pageSize)
}

/** A published case is readable by every user of the tenant; one in progress only within practice.read. */
const practiceCaseReadWhere = (scope: Scope, id: string) =>
  ({ id, tenantId: scope.tenantId, OR: [{ status: 'PUBLISHED' }, rowScopeWhere(scope, 'practice.read')] }) satisfies Prisma.PracticeCaseWhereInput

/** Is this practice case the caller's to read (getPracticeCase's condition: published, or in the caller's practice.read scope; the record page's gate)? */
export async function practiceCaseInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.practiceCase.findFirst({ where: practiceCaseReadWhere(scope, id), select: { id: true } })) !== null
}

export async function getPracticeCase(scope: Scope, id: string) {
  const prisma = await db()
  const c = await prisma.practiceCase.findFirst({
    where: practiceCaseReadWhere(scope, id),
    select: { ...LIST_SELECT, background: true, approach: true, lessons: true, figures: true, reviewComment: true, orgPath: true, createdAt: true },
  })
  if (!c) return fail('NOT_FOUND')
  const { orgPath, ...rest } = c
  const moves = Object.entries(PRACTICE_TRANSITIONS[c.status])
    .filter(([, perm]) => canAt(scope, perm!, orgPath))
    .map(([to]) => to as Exclude<PracticeStatus, 'DRAFT'>)
  const inScope = canAt(scope, 'practice.read', orgPath)
  return ok({
    ...rest,
    moves,
    canEdit: canAt(scope, 'practice.write', orgPath) && (c.status === 'DRAFT' || c.status === 'RETURNED'),
    // the review trail is for the pilot and its reviewers; library readers elsewhere see the case itself
    history: inScope ? await historyOf('PracticeCase', id) : [],
    figures: (c.figures ?? (inScope ? await figuresUnder(orgPath) : null)) as Record<string, number | null> | null,
  })
}

/** Projects of the community a case can attach. */
export async function practiceFormOptions(scope: Scope, communityId: string) {
  const community = await actingCommunity(scope, 'practice.write', communityId)
  if (!community) return null
  const prisma = await db()
  const projects = await prisma.project.findMany({ where: { orgUnitId: community.id }, select: { id: true, name: true }, orderBy: { createdAt: 'desc' } })
  return { community, projects }
}
