import 'server-only'
import { db } from '../db'
import { canAt, rootsFor, rowScopeWhere, unitScopeWhere, type Scope } from '../authz/scope'
import { idsOnPath, minimalRoots, underAny } from '../authz/hierarchy'
import { permissionsOf } from '../authz/permissions'
import type { Prisma } from '../generated/prisma/client'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { paged } from '../workflow/common'
import { chinaDate, toDbDate } from '@/lib/china-time'
import { pointsFor, ZRectification, ZRespond, ZSchedule, ZScore, ZSendBack, ZTemplate, type InspectionSort, type RectSort, type TInspectionListQuery, type TRectListQuery } from '@/lib/schemas/evaluation'
import { orderOf } from '@/lib/schemas/list'

// ───────────── who reads, who acts ─────────────

/**
 * Evaluation records are read by officials over their subtree (evaluation.manage) and by the inspected
 * unit itself (evaluation.respond: a community admin reads its community's inspections). Both sets of
 * roots in one filter on the record's orgPath (the inspected unit's path).
 */
export function evaluationReadWhere(scope: Scope) {
  const roots = minimalRoots([...rootsFor(scope, 'evaluation.manage'), ...rootsFor(scope, 'evaluation.respond')])
  return { tenantId: scope.tenantId, ...underAny(roots, 'orgPath') }
}

/**
 * Responding is for the inspected unit itself: a role holding evaluation.respond ON that unit (a county
 * official answers for an inspected county, not for each of its communities).
 */
export function canRespondAt(scope: Scope, path: string) {
  return scope.assignments.some((a) => a.orgPath === path && permissionsOf(a.role).includes('evaluation.respond'))
}

/** Paths of every ancestor of the caller's roots, themselves included ("/r/", "/r/l/", …). */
function ancestorPaths(roots: readonly string[]) {
  const out = new Set<string>()
  for (const r of roots) {
    const ids = idsOnPath(r)
    for (let i = 1; i <= ids.length; i++) out.add(`/${ids.slice(0, i).join('/')}/`)
  }
  return [...out]
}

/** Today's China date as a @db.Date value (scheduledFor, deadline). */
const todayDate = (now: Date) => toDbDate(chinaDate(now))

async function unitNames(ids: string[]) {
  const prisma = await db()
  const rows = ids.length ? await prisma.orgUnit.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, level: true } }) : []
  return new Map(rows.map((r) => [r.id, r]))
}

// ───────────── checklist templates ─────────────

/**
 * Templates a manager may use: those of units in their subtree and those kept above them (a county uses
 * its league's and the region's lists). A filter inside AND, never an OR beside the tenant.
 */
function usableTemplatesWhere(scope: Scope): Prisma.ChecklistTemplateWhereInput {
  const roots = rootsFor(scope, 'evaluation.manage')
  return { tenantId: scope.tenantId, AND: [{ OR: [underAny(roots, 'orgPath'), { orgPath: { in: ancestorPaths(roots) } }] }] }
}

export async function listTemplates(scope: Scope, { archived = false } = {}) {
  const prisma = await db()
  const rows = await prisma.checklistTemplate.findMany({
    where: { ...usableTemplatesWhere(scope), archivedAt: archived ? { not: null } : null },
    select: { id: true, name: true, orgUnitId: true, orgPath: true, archivedAt: true, createdAt: true, items: { select: { weight: true } }, _count: { select: { inspections: true } } },
    orderBy: [{ createdAt: 'desc' }],
    take: 200,
  })
  const names = await unitNames(rows.map((r) => r.orgUnitId))
  return rows.map(({ items, _count, orgPath, orgUnitId, ...t }) => ({
    ...t,
    unit: names.get(orgUnitId)?.name ?? '',
    itemCount: items.length,
    totalWeight: items.reduce((s, i) => s + i.weight, 0),
    used: _count.inspections,
    canEdit: canAt(scope, 'evaluation.manage', orgPath),
  }))
}

const templateReadWhere = (scope: Scope, id: string) => ({ id, ...usableTemplatesWhere(scope) }) satisfies Prisma.ChecklistTemplateWhereInput

/** Is this template the caller's to read (getTemplate's condition; the record page's gate)? */
export async function templateInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.checklistTemplate.findFirst({ where: templateReadWhere(scope, id), select: { id: true } })) !== null
}

export async function getTemplate(scope: Scope, id: string) {
  const prisma = await db()
  const t = await prisma.checklistTemplate.findFirst({
    where: templateReadWhere(scope, id),
    select: { id: true, name: true, orgPath: true, orgUnitId: true, archivedAt: true, createdAt: true, items: { select: { id: true, position: true, text: true, weight: true }, orderBy: { position: 'asc' } }, _count: { select: { inspections: true } } },
  })
  if (!t) return fail('NOT_FOUND')
  const owner = canAt(scope, 'evaluation.manage', t.orgPath)
  const { orgPath, _count, orgUnitId, ...rest } = t
  void orgPath
  return ok({
    ...rest,
    unit: (await unitNames([orgUnitId])).get(orgUnitId)?.name ?? '',
    used: _count.inspections,
    totalWeight: t.items.reduce((s, i) => s + i.weight, 0),
    canEdit: owner && _count.inspections === 0 && !t.archivedAt,
    canArchive: owner && !t.archivedAt,
  })
}

/** A new template at the caller's own unit (the first where they hold evaluation.manage). */
export async function createTemplate(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID' | 'NOT_FOUND'>> {
  const home = scope.assignments.find((a) => permissionsOf(a.role).includes('evaluation.manage'))
  if (!home) return fail('NOT_FOUND')
  const parsed = ZTemplate.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const t = await prisma.checklistTemplate.create({
    data: {
      tenantId: scope.tenantId, orgUnitId: home.orgUnitId, orgPath: home.orgPath, name: parsed.data.name, createdById: scope.userId,
      items: { create: parsed.data.items.map((i, position) => ({ position, text: i.text, weight: i.weight })) },
    },
    select: { id: true },
  })
  return ok(t)
}

/**
 * Replaces the name and items of a template nobody has used yet. Once an inspection uses it the scores
 * point at its items, so it is frozen (STATE): archive it and make a new one. The template's row lock
 * serialises this with scheduling, so an edit cannot slip in under a new inspection.
 */
export async function updateTemplate(scope: Scope, id: string, input: unknown): Promise<Result<null, 'INVALID' | 'NOT_FOUND' | 'STATE'>> {
  const parsed = ZTemplate.safeParse(input)
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const t = await tx.checklistTemplate.findFirst({ where: { id, ...rowScopeWhere(scope, 'evaluation.manage') }, select: { id: true, archivedAt: true } })
    if (!t) return fail('NOT_FOUND')
    if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
    await tx.$queryRaw`SELECT 1 FROM "ChecklistTemplate" WHERE "id" = ${id} FOR UPDATE`
    if (t.archivedAt || (await tx.inspection.count({ where: { templateId: id } }))) return fail('STATE')
    await tx.checklistItem.deleteMany({ where: { templateId: id } })
    await tx.checklistTemplate.update({
      where: { id },
      data: { name: parsed.data.name, items: { create: parsed.data.items.map((i, position) => ({ position, text: i.text, weight: i.weight })) } },
    })
    return ok(null)
  })
}

export async function archiveTemplate(scope: Scope, id: string, now = new Date()): Promise<Result<null, 'NOT_FOUND'>> {
  const prisma = await db()
  const r = await prisma.checklistTemplate.updateMany({ where: { id, archivedAt: null, ...rowScopeWhere(scope, 'evaluation.manage') }, data: { archivedAt: now } })
  return r.count ? ok(null) : fail('NOT_FOUND')
}

// ───────────── inspections ─────────────

/** What a manager may inspect: units strictly below their roots (any level) and projects of the subtree. */
export async function listInspectionTargets(scope: Scope) {
  const roots = rootsFor(scope, 'evaluation.manage')
  if (!roots.length) return { units: [], projects: [] }
  const prisma = await db()
  const [units, projects] = await Promise.all([
    prisma.orgUnit.findMany({
      where: { ...unitScopeWhere(scope, 'evaluation.manage'), path: { notIn: roots } },
      select: { id: true, name: true, depth: true, level: true, pilotBatch: true },
      orderBy: [{ path: 'asc' }],
      take: 500,
    }),
    prisma.project.findMany({ where: { ...rowScopeWhere(scope, 'evaluation.manage'), status: { not: 'DRAFT' } }, select: { id: true, name: true, orgUnit: { select: { name: true } } }, orderBy: { createdAt: 'desc' }, take: 300 }),
  ])
  return { units, projects: projects.map((p) => ({ id: p.id, name: p.name, unit: p.orgUnit.name })) }
}

/** The unit of the caller that does the inspecting: their highest unit holding evaluation.manage over `path`. */
function inspectorUnitFor(scope: Scope, path: string) {
  return scope.assignments
    .filter((a) => permissionsOf(a.role).includes('evaluation.manage') && path.startsWith(a.orgPath) && path !== a.orgPath)
    .sort((a, b) => a.orgPath.length - b.orgPath.length)[0]
}

/**
 * Schedules an inspection of a unit strictly below the caller (any level) or of a project of their
 * subtree, with a usable, unarchived template. A target outside the subtree (a sibling county, another
 * tenant) is NOT_FOUND. The template row is locked so a concurrent edit of it cannot interleave.
 */
export async function scheduleInspection(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID' | 'NOT_FOUND'>> {
  const parsed = ZSchedule.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const prisma = await db()
  let target: { orgUnitId: string; orgPath: string; projectId: string | null } | null = null
  if (d.targetKind === 'UNIT') {
    const u = await prisma.orgUnit.findFirst({ where: { id: d.unitId!, ...unitScopeWhere(scope, 'evaluation.manage') }, select: { id: true, path: true } })
    if (u && inspectorUnitFor(scope, u.path)) target = { orgUnitId: u.id, orgPath: u.path, projectId: null }
  } else {
    const p = await prisma.project.findFirst({ where: { id: d.projectId!, ...rowScopeWhere(scope, 'evaluation.manage') }, select: { id: true, orgUnitId: true, orgPath: true } })
    if (p) target = { orgUnitId: p.orgUnitId, orgPath: p.orgPath, projectId: p.id }
  }
  if (!target) return fail('NOT_FOUND')
  const inspector = inspectorUnitFor(scope, target.orgPath) ?? scope.assignments.find((a) => permissionsOf(a.role).includes('evaluation.manage') && target.orgPath.startsWith(a.orgPath))!
  const spotCheck = d.spotCheckId ? await prisma.spotCheckDraw.findFirst({ where: { id: d.spotCheckId, ...rowScopeWhere(scope, 'evaluation.manage') }, select: { id: true } }) : null
  return prisma.$transaction(async (tx) => {
    const tpl = await tx.checklistTemplate.findFirst({ where: { id: d.templateId, archivedAt: null, ...usableTemplatesWhere(scope) }, select: { id: true, _count: { select: { items: true } } } })
    if (!tpl || !tpl._count.items) return fail('INVALID', { templateId: 'validation.template.required' })
    await tx.$queryRaw`SELECT 1 FROM "ChecklistTemplate" WHERE "id" = ${tpl.id} FOR UPDATE`
    const created = await tx.inspection.create({
      data: {
        tenantId: scope.tenantId, orgUnitId: target.orgUnitId, orgPath: target.orgPath, targetKind: d.targetKind, projectId: target.projectId,
        inspectorUnitId: inspector.orgUnitId, templateId: tpl.id, scheduledFor: toDbDate(d.date), spotCheckId: spotCheck?.id ?? null, createdById: scope.userId,
      },
      select: { id: true },
    })
    return ok(created)
  })
}

/** 定期检查's order: the URL's sort, else the latest inspection date first; the id breaks ties so pages never overlap. */
function inspectionOrder(q: TInspectionListQuery): Prisma.InspectionOrderByWithRelationInput[] {
  return orderOf<InspectionSort, Prisma.InspectionOrderByWithRelationInput>(
    q,
    { date: (dir) => [{ scheduledFor: dir }, { createdAt: 'desc' }], score: (dir) => [{ scorePercent: { sort: dir, nulls: 'last' } }, { scheduledFor: 'desc' }] },
    [{ scheduledFor: 'desc' }, { createdAt: 'desc' }],
    { id: 'asc' },
  )
}

export async function listInspections(scope: Scope, q: TInspectionListQuery) {
  const prisma = await db()
  const where = evaluationReadWhere(scope)
  const [total, rows] = await Promise.all([
    prisma.inspection.count({ where }),
    prisma.inspection.findMany({
      where,
      select: {
        id: true, targetKind: true, projectId: true, orgUnitId: true, scheduledFor: true, status: true, scorePercent: true, createdAt: true,
        template: { select: { name: true } },
        rectifications: { where: { status: { not: 'ACCEPTED' } }, select: { id: true } },
      },
      orderBy: inspectionOrder(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ])
  const units = await unitNames(rows.map((r) => r.orgUnitId))
  const projectIds = rows.flatMap((r) => (r.projectId ? [r.projectId] : []))
  const projects = new Map((projectIds.length ? await prisma.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, name: true } }) : []).map((p) => [p.id, p.name]))
  return paged(
    rows.map(({ rectifications, orgUnitId, projectId, template, ...r }) => ({
      ...r,
      unit: units.get(orgUnitId)?.name ?? '',
      project: projectId ? (projects.get(projectId) ?? '') : null,
      template: template.name,
      openRectifications: rectifications.length,
    })),
    total,
    q.page,
    q.pageSize,
  )
}

async function inspectorPath(inspectorUnitId: string) {
  const prisma = await db()
  return (await prisma.orgUnit.findUniqueOrThrow({ where: { id: inspectorUnitId }, select: { path: true } })).path
}

/** The inspector side: evaluation.manage over the unit that scheduled the inspection. */
const canInspect = (scope: Scope, inspectorUnitPath: string) => canAt(scope, 'evaluation.manage', inspectorUnitPath)

const inspectionReadWhere = (scope: Scope, id: string) => ({ id, ...evaluationReadWhere(scope) }) satisfies Prisma.InspectionWhereInput

/** Is this inspection the caller's to read (getInspection's condition; the record page's gate)? */
export async function inspectionInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.inspection.findFirst({ where: inspectionReadWhere(scope, id), select: { id: true } })) !== null
}

export async function getInspection(scope: Scope, id: string, now = new Date()) {
  const prisma = await db()
  const i = await prisma.inspection.findFirst({
    where: inspectionReadWhere(scope, id),
    select: {
      id: true, targetKind: true, projectId: true, orgUnitId: true, orgPath: true, inspectorUnitId: true, scheduledFor: true, status: true, findings: true,
      scorePoints: true, maxPoints: true, scorePercent: true, createdAt: true, scoredAt: true, spotCheckId: true,
      template: { select: { id: true, name: true, items: { select: { id: true, text: true, weight: true }, orderBy: { position: 'asc' } } } },
      scores: { select: { itemId: true, points: true } },
      rectifications: {
        select: { id: true, description: true, deadline: true, status: true, response: true, respondedAt: true, returnNote: true, returnedAt: true, returnCount: true, acceptedAt: true, createdAt: true },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
  if (!i) return fail('NOT_FOUND')
  const names = await unitNames([i.orgUnitId, i.inspectorUnitId])
  const project = i.projectId ? await prisma.project.findUnique({ where: { id: i.projectId }, select: { name: true } }) : null
  const inspecting = canInspect(scope, await inspectorPath(i.inspectorUnitId))
  const responder = canRespondAt(scope, i.orgPath)
  const points = new Map(i.scores.map((s) => [s.itemId, s.points]))
  const today = todayDate(now)
  const unit = names.get(i.orgUnitId)
  const { orgPath, scores, template, rectifications, inspectorUnitId, orgUnitId, projectId, ...rest } = i
  void orgPath
  void scores
  void orgUnitId
  void projectId
  return ok({
    ...rest,
    unit: unit?.name ?? '',
    project: project?.name ?? null,
    inspector: names.get(inspectorUnitId)?.name ?? '',
    template: { id: template.id, name: template.name },
    items: template.items.map((it) => ({ ...it, points: points.get(it.id) ?? null })),
    rectifications: rectifications.map((r) => ({ ...r, overdue: r.status !== 'ACCEPTED' && r.deadline < today })),
    canScore: inspecting && i.status === 'SCHEDULED',
    canOrder: inspecting && i.status === 'SCORED' && (unit?.level === 'COMMUNITY' || unit?.level === 'BANNER_COUNTY'),
    canAccept: inspecting,
    canRespond: responder,
  })
}

/** Total = Σ points ÷ Σ weights × 100, one decimal (half up). Pure, so tests check it by hand. */
export function totalScore(items: { weight: number; points: number }[]) {
  const scorePoints = items.reduce((s, i) => s + i.points, 0)
  const maxPoints = items.reduce((s, i) => s + i.weight, 0)
  return { scorePoints, maxPoints, scorePercent: maxPoints ? Math.round((scorePoints * 1000) / maxPoints) / 10 : 0 }
}

/**
 * Records the score of every item (0..weight whole points) and the findings, once: the move
 * SCHEDULED → SCORED is a conditional update in the same transaction as the scores.
 */
export async function scoreInspection(scope: Scope, id: string, input: unknown, now = new Date()): Promise<Result<{ scorePercent: number }, 'INVALID' | 'NOT_FOUND' | 'STATE'>> {
  const prisma = await db()
  const i = await prisma.inspection.findFirst({
    where: { id, ...rowScopeWhere(scope, 'evaluation.manage') },
    select: { id: true, status: true, inspectorUnitId: true, template: { select: { items: { select: { id: true, weight: true } } } } },
  })
  if (!i || !canInspect(scope, await inspectorPath(i.inspectorUnitId))) return fail('NOT_FOUND')
  const parsed = ZScore.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const errors: Record<string, string> = {}
  const scored = i.template.items.map((it) => {
    const points = pointsFor(parsed.data.scores[it.id], it.weight)
    if (points === null) errors[`score.${it.id}`] = 'validation.score.range'
    return { itemId: it.id, weight: it.weight, points: points ?? 0 }
  })
  if (Object.keys(errors).length) return fail('INVALID', errors)
  if (i.status !== 'SCHEDULED') return fail('STATE')
  const total = totalScore(scored)
  return prisma.$transaction(async (tx) => {
    const moved = await tx.inspection.updateMany({
      where: { id, status: 'SCHEDULED' },
      data: { status: 'SCORED', findings: parsed.data.findings ?? null, ...total, scoredById: scope.userId, scoredAt: now },
    })
    if (!moved.count) return fail('STATE')
    await tx.inspectionScore.createMany({ data: scored.map(({ itemId, points }) => ({ inspectionId: id, itemId, points })) })
    return ok({ scorePercent: total.scorePercent })
  })
}

// ───────────── rectifications (整改) ─────────────

/**
 * Orders a rectification after scoring. Someone must be able to answer it: the inspected unit is a
 * community (its admin) or a banner/county (its official); a league or region cannot respond.
 */
export async function orderRectification(scope: Scope, inspectionId: string, input: unknown, now = new Date()): Promise<Result<{ id: string }, 'INVALID' | 'NOT_FOUND' | 'STATE'>> {
  const prisma = await db()
  const i = await prisma.inspection.findFirst({ where: { id: inspectionId, ...rowScopeWhere(scope, 'evaluation.manage') }, select: { id: true, status: true, orgPath: true, orgUnitId: true, inspectorUnitId: true } })
  if (!i || !canInspect(scope, await inspectorPath(i.inspectorUnitId))) return fail('NOT_FOUND')
  const parsed = ZRectification.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  if (parsed.data.deadline < chinaDate(now)) return fail('INVALID', { deadline: 'validation.deadline.past' })
  if (i.status !== 'SCORED') return fail('STATE')
  const level = (await unitNames([i.orgUnitId])).get(i.orgUnitId)?.level
  if (level !== 'COMMUNITY' && level !== 'BANNER_COUNTY') return fail('INVALID', { description: 'validation.rectification.noResponder' })
  const r = await prisma.rectification.create({
    data: { tenantId: scope.tenantId, inspectionId: i.id, orgPath: i.orgPath, description: parsed.data.description, deadline: toDbDate(parsed.data.deadline), createdById: scope.userId },
    select: { id: true },
  })
  return ok(r)
}

async function rectificationOf(scope: Scope, id: string) {
  const prisma = await db()
  return prisma.rectification.findFirst({
    where: { id, ...evaluationReadWhere(scope) },
    select: { id: true, status: true, orgPath: true, inspectionId: true, inspection: { select: { inspectorUnitId: true } } },
  })
}

/** The inspected unit answers (what was done) and marks it done: OPEN → RESPONDED. */
export async function respondRectification(scope: Scope, id: string, input: unknown, now = new Date()): Promise<Result<{ inspectionId: string }, 'INVALID' | 'NOT_FOUND' | 'STATE'>> {
  const r = await rectificationOf(scope, id)
  if (!r || !canRespondAt(scope, r.orgPath)) return fail('NOT_FOUND')
  const parsed = ZRespond.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const moved = await prisma.rectification.updateMany({ where: { id, status: 'OPEN' }, data: { status: 'RESPONDED', response: parsed.data.response, respondedById: scope.userId, respondedAt: now } })
  return moved.count ? ok({ inspectionId: r.inspectionId }) : fail('STATE')
}

/** The inspector accepts a response: RESPONDED → ACCEPTED (no longer overdue, whatever the date). */
export async function acceptRectification(scope: Scope, id: string, now = new Date()): Promise<Result<{ inspectionId: string }, 'NOT_FOUND' | 'STATE'>> {
  const r = await rectificationOf(scope, id)
  if (!r || !canInspect(scope, await inspectorPath(r.inspection.inspectorUnitId))) return fail('NOT_FOUND')
  const prisma = await db()
  const moved = await prisma.rectification.updateMany({ where: { id, status: 'RESPONDED' }, data: { status: 'ACCEPTED', acceptedById: scope.userId, acceptedAt: now } })
  return moved.count ? ok({ inspectionId: r.inspectionId }) : fail('STATE')
}

/** The inspector sends a response back with a note: RESPONDED → OPEN (the deadline stands). */
export async function returnRectification(scope: Scope, id: string, input: unknown, now = new Date()): Promise<Result<{ inspectionId: string }, 'INVALID' | 'NOT_FOUND' | 'STATE'>> {
  const r = await rectificationOf(scope, id)
  if (!r || !canInspect(scope, await inspectorPath(r.inspection.inspectorUnitId))) return fail('NOT_FOUND')
  const parsed = ZSendBack.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const moved = await prisma.rectification.updateMany({ where: { id, status: 'RESPONDED' }, data: { status: 'OPEN', returnNote: parsed.data.note, returnedAt: now, returnCount: { increment: 1 } } })
  return moved.count ? ok({ inspectionId: r.inspectionId }) : fail('STATE')
}

/** Overdue: the deadline (a China date) has passed and the item is not accepted. */
const overdueWhere = (now: Date): Prisma.RectificationWhereInput => ({ status: { not: 'ACCEPTED' }, deadline: { lt: todayDate(now) } })

/** How many rectifications are overdue under the caller: every official above the inspected unit counts them. */
export async function overdueCount(scope: Scope, now = new Date()) {
  const prisma = await db()
  return prisma.rectification.count({ where: { ...evaluationReadWhere(scope), ...overdueWhere(now) } })
}

const rectSelect = {
  id: true, description: true, deadline: true, status: true, respondedAt: true, returnCount: true, acceptedAt: true, createdAt: true,
  inspection: { select: { id: true, orgUnitId: true, template: { select: { name: true } } } },
} as const

/** Overdue items first (all of them, up to 200), then every item of the subtree paged (open ones first). */
/** 全部整改事项's order: the URL's sort, else open ones first, then by deadline; the id breaks ties so pages never overlap. */
function rectOrder(q: TRectListQuery): Prisma.RectificationOrderByWithRelationInput[] {
  return orderOf<RectSort, Prisma.RectificationOrderByWithRelationInput>(
    q,
    { status: (dir) => [{ status: dir }, { deadline: 'asc' }, { createdAt: 'asc' }], deadline: (dir) => [{ deadline: dir }, { createdAt: 'asc' }] },
    [{ status: 'asc' }, { deadline: 'asc' }, { createdAt: 'asc' }],
    { id: 'asc' },
  )
}

export async function listRectifications(scope: Scope, q: TRectListQuery, now = new Date()) {
  const prisma = await db()
  const where = evaluationReadWhere(scope)
  const [overdue, total, rows] = await Promise.all([
    prisma.rectification.findMany({ where: { ...where, ...overdueWhere(now) }, select: rectSelect, orderBy: [{ deadline: 'asc' }, { createdAt: 'asc' }], take: 200 }),
    prisma.rectification.count({ where }),
    prisma.rectification.findMany({ where, select: rectSelect, orderBy: rectOrder(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ])
  const names = await unitNames([...overdue, ...rows].map((r) => r.inspection.orgUnitId))
  const today = todayDate(now)
  const dto = ({ inspection, ...r }: (typeof rows)[number]) => ({
    ...r,
    inspectionId: inspection.id,
    template: inspection.template.name,
    unit: names.get(inspection.orgUnitId)?.name ?? '',
    overdue: r.status !== 'ACCEPTED' && r.deadline < today,
  })
  return { overdue: overdue.map(dto), all: paged(rows.map(dto), total, q.page, q.pageSize) }
}
