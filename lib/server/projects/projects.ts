import 'server-only'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import type { ProjectStatus } from '../generated/prisma/enums'
import { canAt, rowScopeWhere, type Scope } from '../authz/scope'
import { bump } from '../stats/counters'
import type { Permission } from '../authz/permissions'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZActivity, ZExpense, ZProject, ZReturn, ZReview, type ProjectSort, type TProject } from '@/lib/schemas/projects'
import { orderOf, type SortDir } from '@/lib/schemas/list'
import { actingCommunity, historyOf, paged, recordChange, type Paged } from '../workflow/common'

/**
 * The project lifecycle in one place: which status may follow which, and the permission that moves it.
 * draft → submitted → approved by the banner/county (or returned with comments) → running → evaluating → completed.
 */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, Partial<Record<ProjectStatus, Permission>>> = {
  DRAFT: { SUBMITTED: 'project.manage' },
  SUBMITTED: { APPROVED: 'project.approve', RETURNED: 'project.approve' },
  RETURNED: { SUBMITTED: 'project.manage' },
  APPROVED: { RUNNING: 'project.manage' },
  RUNNING: { EVALUATING: 'project.manage' },
  EVALUATING: { COMPLETED: 'project.manage' },
  COMPLETED: {},
}

type ProjectError = 'NOT_FOUND' | 'INVALID' | 'TRANSITION'

/** The lead must be a social worker of the community; teams and needs must be the community's own. */
async function checkLinks(scope: Scope, community: { id: string }, d: TProject) {
  const prisma = await db()
  const errors: Record<string, string> = {}
  const lead = await prisma.roleAssignment.count({ where: { userId: d.leadId, orgUnitId: community.id, role: 'SOCIAL_WORKER' } })
  if (!lead) errors.leadId = 'validation.lead.required'
  const teamIds = [...new Set(d.teamIds)]
  if (teamIds.length && (await prisma.team.count({ where: { id: { in: teamIds }, orgUnitId: community.id } })) !== teamIds.length) errors.teamIds = 'validation.team.required'
  const needIds = [...new Set(d.needIds)]
  if (needIds.length && (await prisma.need.count({ where: { id: { in: needIds }, orgUnitId: community.id, tenantId: scope.tenantId } })) !== needIds.length) errors.needIds = 'validation.need.required'
  return { errors, teamIds, needIds }
}

function projectData(d: TProject, teamIds: string[]) {
  return {
    name: d.name,
    brand: d.brand ?? null,
    targetGroups: [...new Set(d.targetGroups)],
    objectives: d.objectives,
    plannedActivities: d.plannedActivities,
    leadId: d.leadId,
    teamIds,
    fundingSource: d.fundingSource,
    fundingFen: d.fundingYuan,
    startDate: new Date(d.startDate),
    endDate: new Date(d.endDate),
  }
}

/** A social worker (or the community admin) designs a project: it starts as a draft. */
export async function createProject(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZProject.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const community = await actingCommunity(scope, 'project.manage', parsed.data.orgUnitId)
  if (!community) return fail('INVALID', { orgUnitId: 'validation.community.required' })
  const { errors, teamIds, needIds } = await checkLinks(scope, community, parsed.data)
  if (Object.keys(errors).length) return fail('INVALID', errors)
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const p = await tx.project.create({
      data: {
        ...projectData(parsed.data, teamIds),
        tenantId: scope.tenantId, orgUnitId: community.id, orgPath: community.path, createdById: scope.userId,
        needs: { create: needIds.map((needId) => ({ needId })) },
      },
      select: { id: true },
    })
    await recordChange(tx, scope, { entity: 'Project', entityId: p.id, orgPath: community.path, from: null, to: 'DRAFT' })
    return ok(p)
  })
}

/** Edits a draft or a returned project (never one under review or approved). */
export async function updateProject(scope: Scope, id: string, input: unknown): Promise<Result<null, ProjectError>> {
  const prisma = await db()
  const project = await prisma.project.findFirst({ where: { id, ...rowScopeWhere(scope, 'project.manage') }, select: { id: true, status: true, orgUnitId: true } })
  if (!project) return fail('NOT_FOUND')
  if (project.status !== 'DRAFT' && project.status !== 'RETURNED') return fail('TRANSITION')
  const parsed = ZProject.safeParse({ ...(input as object), orgUnitId: project.orgUnitId })
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const { errors, teamIds, needIds } = await checkLinks(scope, { id: project.orgUnitId }, parsed.data)
  if (Object.keys(errors).length) return fail('INVALID', errors)
  await prisma.$transaction(async (tx) => {
    await tx.project.update({ where: { id }, data: projectData(parsed.data, teamIds) })
    await tx.projectNeed.deleteMany({ where: { projectId: id } })
    await tx.projectNeed.createMany({ data: needIds.map((needId) => ({ projectId: id, needId })) })
  })
  return ok(null)
}

/**
 * Moves a project along its lifecycle. A move the lifecycle does not allow, or that the caller's role
 * does not make, is refused with TRANSITION (a clear message), a project outside the scope is NOT_FOUND.
 * Returning a project needs a comment.
 */
export async function moveProject(scope: Scope, id: string, to: ProjectStatus, input: unknown = {}): Promise<Result<null, ProjectError>> {
  const prisma = await db()
  const project = await prisma.project.findFirst({ where: { id, ...rowScopeWhere(scope, 'project.read') }, select: { id: true, status: true, orgPath: true, leadId: true, createdById: true, name: true } })
  if (!project) return fail('NOT_FOUND')
  const needs = PROJECT_TRANSITIONS[project.status][to]
  if (!needs || !canAt(scope, needs, project.orgPath)) return fail('TRANSITION')
  const parsed = (to === 'RETURNED' ? ZReturn : ZReview).safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const comment = parsed.data.comment ?? null
  return prisma.$transaction(async (tx) => {
    const n = await tx.project.updateMany({
      where: { id, status: project.status },
      data: { status: to, ...(to === 'APPROVED' || to === 'RETURNED' ? { reviewComment: comment } : {}) },
    })
    if (n.count !== 1) return fail('TRANSITION')
    await recordChange(tx, scope, { entity: 'Project', entityId: id, orgPath: project.orgPath, from: project.status, to, note: comment })
    return ok(null)
  })
}

/** An activity of a running project is a service item dispatched through the existing flow (no second task system). */
export async function addActivity(scope: Scope, projectId: string, input: unknown): Promise<Result<{ id: string }, ProjectError>> {
  const parsed = ZActivity.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const project = await prisma.project.findFirst({ where: { id: projectId, ...rowScopeWhere(scope, 'project.manage') }, select: { id: true, status: true, orgUnitId: true, orgPath: true } })
  if (!project || !canAt(scope, 'service.manage', project.orgPath)) return fail('NOT_FOUND')
  if (project.status !== 'RUNNING') return fail('TRANSITION')
  const category = await prisma.serviceCategory.count({ where: { id: parsed.data.categoryId, tenantId: scope.tenantId, active: true } })
  if (!category) return fail('INVALID', { categoryId: 'validation.category.required' })
  return prisma.$transaction(async (tx) => {
    const s = await tx.serviceItem.create({
      data: { tenantId: scope.tenantId, orgUnitId: project.orgUnitId, orgPath: project.orgPath, projectId, categoryId: parsed.data.categoryId, title: parsed.data.title, description: parsed.data.description, createdById: scope.userId },
      select: { id: true },
    })
    await recordChange(tx, scope, { entity: 'ServiceItem', entityId: s.id, orgPath: project.orgPath, from: null, to: 'PUBLISHED' })
    return ok(s)
  })
}

/** Spending, recorded as it happens: entries are never edited (a correction is a negative entry). */
export async function addExpense(scope: Scope, projectId: string, input: unknown): Promise<Result<null, ProjectError>> {
  const parsed = ZExpense.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const project = await prisma.project.findFirst({ where: { id: projectId, ...rowScopeWhere(scope, 'project.manage') }, select: { status: true, orgPath: true, fundingSource: true } })
  if (!project) return fail('NOT_FOUND')
  if (!['APPROVED', 'RUNNING', 'EVALUATING'].includes(project.status)) return fail('TRANSITION')
  const spentOn = new Date(parsed.data.spentOn)
  await prisma.$transaction(async (tx) => {
    await tx.projectExpense.create({ data: { projectId, amountFen: parsed.data.amountYuan, purpose: parsed.data.purpose, spentOn, recordedById: scope.userId } })
    // spending by funding source rolls up on the (China) day it was spent
    await bump(tx, scope.tenantId, project.orgPath, { [`spend:${project.fundingSource}`]: parsed.data.amountYuan }, spentOn)
  })
  return ok(null)
}

const LIST_SELECT = {
  id: true, name: true, brand: true, status: true, fundingSource: true, fundingFen: true, startDate: true, endDate: true, updatedAt: true,
  orgUnit: { select: { id: true, name: true } }, lead: { select: { name: true } },
} as const satisfies Prisma.ProjectSelect

/** 项目共创's order: the URL's sort, else the latest changed first; the id breaks ties so pages never overlap. */
function projectOrder(q: { sort?: ProjectSort; dir?: SortDir }): Prisma.ProjectOrderByWithRelationInput[] {
  return orderOf<ProjectSort, Prisma.ProjectOrderByWithRelationInput>(q, { updated: (dir) => [{ updatedAt: dir }], start: (dir) => [{ startDate: dir }, { updatedAt: 'desc' }], funding: (dir) => [{ fundingFen: dir }, { updatedAt: 'desc' }] }, [{ updatedAt: 'desc' }], { id: 'asc' })
}

export async function listProjects(scope: Scope, q: { status?: ProjectStatus; unit?: string; sort?: ProjectSort; dir?: SortDir; page: number; pageSize: number }): Promise<Paged<Prisma.ProjectGetPayload<{ select: typeof LIST_SELECT }>>> {
  const prisma = await db()
  // unit: drill-down from a dashboard (a unit's id is a segment of the path of every row under it)
  const where: Prisma.ProjectWhereInput = { ...rowScopeWhere(scope, 'project.read'), ...(q.status ? { status: q.status } : {}), ...(q.unit ? { AND: [{ orgPath: { contains: `/${q.unit}/` } }] } : {}) }
  const [total, rows] = await Promise.all([
    prisma.project.count({ where }),
    prisma.project.findMany({ where, select: LIST_SELECT, orderBy: projectOrder(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ])
  return paged(rows, total, q.page, q.pageSize)
}

/**
 * One project with what it achieved, all from live data: its activities' orders and tasks, distinct
 * volunteers and service hours (checked-out sign-ups), beneficiaries (people affected by its resolved
 * needs), the average rating of those needs, and spending against funding.
 */
const projectReadWhere = (scope: Scope, id: string) => ({ id, ...rowScopeWhere(scope, 'project.read') }) satisfies Prisma.ProjectWhereInput

/** Is this project the caller's to read (getProject's condition; the record page's gate)? */
export async function projectInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.project.findFirst({ where: projectReadWhere(scope, id), select: { id: true } })) !== null
}

export async function getProject(scope: Scope, id: string) {
  const prisma = await db()
  const p = await prisma.project.findFirst({
    where: projectReadWhere(scope, id),
    select: {
      ...LIST_SELECT, targetGroups: true, objectives: true, plannedActivities: true, teamIds: true, reviewComment: true, orgPath: true, leadId: true,
      needs: { select: { need: { select: { id: true, title: true, status: true, peopleAffected: true, satisfaction: true } } } },
      activities: { select: { id: true, title: true, orders: { select: { id: true, status: true, tasks: { select: { id: true, title: true, startsAt: true, slots: true, taken: true, status: true } } } } }, orderBy: { createdAt: 'asc' } },
      expenses: { select: { id: true, amountFen: true, purpose: true, spentOn: true }, orderBy: [{ spentOn: 'asc' }, { createdAt: 'asc' }] },
    },
  })
  if (!p) return fail('NOT_FOUND')
  const [teams, served] = await Promise.all([
    prisma.team.findMany({ where: { id: { in: p.teamIds } }, select: { id: true, name: true } }),
    prisma.taskSignup.findMany({ where: { checkOutAt: { not: null }, task: { order: { serviceItem: { projectId: id } } } }, select: { userId: true, minutes: true } }),
  ])
  const needs = p.needs.map((n) => n.need)
  const done = needs.filter((n) => n.status === 'RESOLVED' || n.status === 'CLOSED')
  const rated = done.filter((n) => n.satisfaction !== null)
  const { orgPath, ...rest } = p
  const moves = Object.entries(PROJECT_TRANSITIONS[p.status])
    .filter(([, perm]) => canAt(scope, perm!, orgPath))
    .map(([to]) => to as Exclude<ProjectStatus, 'DRAFT'>) // nothing moves back to a draft
  return ok({
    ...rest,
    needs,
    teams,
    moves,
    canManage: canAt(scope, 'project.manage', orgPath),
    canAddActivity: p.status === 'RUNNING' && canAt(scope, 'project.manage', orgPath) && canAt(scope, 'service.manage', orgPath),
    stats: {
      tasks: p.activities.reduce((a, s) => a + s.orders.reduce((b, o) => b + o.tasks.length, 0), 0),
      volunteers: new Set(served.map((s) => s.userId)).size,
      minutes: served.reduce((a, s) => a + (s.minutes ?? 0), 0),
      beneficiaries: done.reduce((a, n) => a + n.peopleAffected, 0),
      rating: rated.length ? Math.round((rated.reduce((a, n) => a + (n.satisfaction ?? 0), 0) / rated.length) * 10) / 10 : null,
      spentFen: p.expenses.reduce((a, e) => a + e.amountFen, 0),
    },
    history: await historyOf('Project', id),
  })
}

/** Choices of the project form: the community's social workers, teams and needs not yet closed. */
export async function projectFormOptions(scope: Scope, communityId: string) {
  const community = await actingCommunity(scope, 'project.manage', communityId)
  if (!community) return null
  const prisma = await db()
  const [workers, teams, needs] = await Promise.all([
    prisma.user.findMany({ where: { active: true, roles: { some: { orgUnitId: community.id, role: 'SOCIAL_WORKER' } } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.team.findMany({ where: { orgUnitId: community.id }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.need.findMany({ where: { orgUnitId: community.id, status: { notIn: ['CLOSED', 'REJECTED'] } }, select: { id: true, title: true }, orderBy: { createdAt: 'desc' }, take: 100 }),
  ])
  return { community, workers, teams, needs }
}
