import 'server-only'
import { db } from '../db'
import { canAt, rootsFor, rowScopeWhere, unitScopeWhere, type Scope } from '../authz/scope'
import type { Prisma } from '../generated/prisma/client'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { paged } from '../workflow/common'
import { ZAttendance, ZTrainingEvent, type TrainingSort, type TTrainingListQuery } from '@/lib/schemas/talent'
import { orderOf } from '@/lib/schemas/list'
import { chinaDate, chinaDayRange, chinaYear, fromDbDate, toDbDate } from '@/lib/china-time'
import { toHours } from '@/lib/hours'

// ───────────── continuing-education hours (pure: the rules in one place) ─────────────

/** How much of the China-time calendar year has passed at `now` (0 at New Year, 1 at the end). */
export function yearElapsed(now: Date): number {
  const y = chinaYear(now)
  const { gte, lt } = chinaDayRange(`${y}-01-01`, `${y}-12-31`)
  return Math.min(1, Math.max(0, (now.getTime() - gte.getTime()) / (lt.getTime() - gte.getTime())))
}

export type CeStatus = 'MET' | 'ON_TRACK' | 'BEHIND' | 'NOT_MET'

/**
 * A year's continuing-education standing against the tenant's hours per year:
 * the current year is BEHIND when below the pro-rata expectation for the date (required × elapsed
 * fraction of the year; at the year's end that is the full requirement), a past year is NOT_MET when
 * below the requirement; MET once the requirement is reached.
 */
export function ceStatus(minutes: number, year: number, requiredHours: number, now: Date): CeStatus {
  const required = requiredHours * 60
  if (minutes >= required) return 'MET'
  const current = chinaYear(now)
  if (year < current) return 'NOT_MET'
  return minutes < required * yearElapsed(now) ? 'BEHIND' : 'ON_TRACK'
}

// minutes → hours shown: the platform's one conversion (lib/hours.ts; events are whole minutes, 0.1 h steps stay exact)
export { toHours } from '@/lib/hours'

/**
 * CE minutes per user and calendar year, from attendance at the tenant's events: one grouped query for
 * any number of users. The event's date is its China calendar date, so its year is the CE year.
 * Callers pass users they have already found in scope.
 */
export async function ceMinutesOf(scope: Scope, userIds: string[], years?: { from: number; to: number }): Promise<Map<string, Map<number, number>>> {
  const ids = [...new Set(userIds)]
  const out = new Map<string, Map<number, number>>()
  if (!ids.length) return out
  const prisma = await db()
  const rows = await prisma.$queryRaw<{ userId: string; year: number; minutes: number }[]>`
    SELECT a."userId", EXTRACT(YEAR FROM e."date")::int AS year, SUM(e."minutes")::int AS minutes
      FROM "TrainingAttendance" a JOIN "TrainingEvent" e ON e."id" = a."eventId"
     WHERE a."userId" = ANY(${ids}) AND e."tenantId" = ${scope.tenantId}
       AND EXTRACT(YEAR FROM e."date") BETWEEN ${years?.from ?? 1900}::int AND ${years?.to ?? 9999}::int
     GROUP BY 1, 2`
  for (const r of rows) {
    if (!out.has(r.userId)) out.set(r.userId, new Map())
    out.get(r.userId)!.set(Number(r.year), Number(r.minutes))
  }
  return out
}

export async function tenantRules(scope: Scope) {
  const prisma = await db()
  return prisma.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { ceHoursPerYear: true, certificationTarget: true } })
}

// ───────────── training events ─────────────

/** Units where the caller may organise training: their roots and the roots' children (any level). */
export async function listOrganiserUnits(scope: Scope) {
  const roots = rootsFor(scope, 'training.manage')
  if (!roots.length) return []
  const prisma = await db()
  const rows = await prisma.orgUnit.findMany({
    where: { ...unitScopeWhere(scope, 'training.manage'), OR: [{ path: { in: roots } }, { parent: { path: { in: roots } } }] },
    select: { id: true, name: true, depth: true, code: true },
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
    take: 300,
  })
  return rows.map(({ id, name, depth }) => ({ id, name, depth }))
}

/**
 * An event organised by a unit in the caller's subtree (training.manage), at any level. Its day is today or
 * later (China date of `now`, the server's clock unless a test names the moment): a training is recorded
 * before it takes place, its attendance on or after the day (recordAttendance).
 */
export async function createTrainingEvent(scope: Scope, input: unknown, now = new Date()): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZTrainingEvent.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: parsed.data.orgUnitId, ...unitScopeWhere(scope, 'training.manage') }, select: { id: true, path: true } })
  if (!unit) return fail('INVALID', { orgUnitId: 'validation.trainingUnit.required' })
  const d = parsed.data
  if (d.date < chinaDate(now)) return fail('INVALID', { date: 'validation.trainingDate.past' })
  return ok(
    await prisma.trainingEvent.create({
      data: { tenantId: scope.tenantId, orgUnitId: unit.id, orgPath: unit.path, title: d.title, kind: d.kind, date: toDbDate(d.date), minutes: Math.round(d.hours * 60), createdById: scope.userId },
      select: { id: true },
    }),
  )
}

/** Events of the caller's subtree (talent.read), newest first, with attendance counts. */
/** 实务能力培训's order: the URL's sort, else newest first; the id breaks ties so pages never overlap. */
function trainingOrder(q: TTrainingListQuery): Prisma.TrainingEventOrderByWithRelationInput[] {
  const newest: Prisma.TrainingEventOrderByWithRelationInput[] = [{ date: 'desc' }, { createdAt: 'desc' }]
  return orderOf<TrainingSort, Prisma.TrainingEventOrderByWithRelationInput>(
    q,
    { date: (dir) => [{ date: dir }, { createdAt: dir }], hours: (dir) => [{ minutes: dir }, ...newest], attendees: (dir) => [{ attendance: { _count: dir } }, ...newest] },
    newest,
    { id: 'asc' },
  )
}

export async function listTrainingEvents(scope: Scope, q: TTrainingListQuery) {
  const prisma = await db()
  const where: Prisma.TrainingEventWhereInput = {
    ...rowScopeWhere(scope, 'talent.read'),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.q ? { title: { contains: q.q } } : {}),
  }
  const [total, rows] = await Promise.all([
    prisma.trainingEvent.count({ where }),
    prisma.trainingEvent.findMany({
      where,
      select: { id: true, title: true, kind: true, date: true, minutes: true, orgUnit: { select: { name: true } }, _count: { select: { attendance: true } } },
      orderBy: trainingOrder(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ])
  return paged(
    rows.map(({ _count, minutes, ...e }) => ({ ...e, hours: toHours(minutes), attendees: _count.attendance })),
    total,
    q.page,
    q.pageSize,
  )
}

const trainingEventReadWhere = (scope: Scope, eventId: string) => ({ id: eventId, ...rowScopeWhere(scope, 'talent.read') }) satisfies Prisma.TrainingEventWhereInput

/** Is this training event the caller's to read (getTrainingEvent's condition; the record page's gate)? */
export async function trainingEventInScope(scope: Scope, eventId: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.trainingEvent.findFirst({ where: trainingEventReadWhere(scope, eventId), select: { id: true } })) !== null
}

/**
 * One event with who attended; for whoever organises training over its unit, the workers who may be
 * recorded: those whose talent record (WorkerProfile) lies under the event's unit.
 */
export async function getTrainingEvent(scope: Scope, eventId: string) {
  const prisma = await db()
  const e = await prisma.trainingEvent.findFirst({
    where: trainingEventReadWhere(scope, eventId),
    select: {
      id: true, title: true, kind: true, date: true, minutes: true, orgPath: true, orgUnit: { select: { name: true } },
      attendance: { select: { userId: true, createdAt: true, user: { select: { name: true, workerProfile: { select: { orgUnit: { select: { name: true } } } } } } }, orderBy: { createdAt: 'asc' } },
    },
  })
  if (!e) return fail('NOT_FOUND')
  const canRecord = canAt(scope, 'training.manage', e.orgPath)
  const attending = new Set(e.attendance.map((a) => a.userId))
  const candidates = canRecord
    ? await prisma.workerProfile.findMany({
        where: { tenantId: scope.tenantId, orgPath: { startsWith: e.orgPath } },
        select: { userId: true, certLevel: true, user: { select: { name: true } }, orgUnit: { select: { name: true } } },
        orderBy: [{ orgUnit: { code: 'asc' } }, { user: { name: 'asc' } }],
        take: 500,
      })
    : []
  const { orgPath, minutes, attendance, ...rest } = e
  void orgPath
  return ok({
    ...rest,
    hours: toHours(minutes),
    attendees: attendance.map((a) => ({ userId: a.userId, name: a.user.name, community: a.user.workerProfile?.orgUnit.name ?? null, recordedAt: a.createdAt })),
    candidates: candidates.filter((c) => !attending.has(c.userId)).map((c) => ({ userId: c.userId, name: c.user.name, community: c.orgUnit.name, certLevel: c.certLevel })),
    canRecord,
  })
}

async function eventToRecord(scope: Scope, eventId: string) {
  const prisma = await db()
  return prisma.trainingEvent.findFirst({ where: { id: eventId, ...rowScopeWhere(scope, 'training.manage') }, select: { id: true, orgPath: true, date: true } })
}

/**
 * Records attendance (training.manage over the event's unit) of workers whose talent record lies under
 * the event's unit. Idempotent: recording someone twice adds nothing (unique (eventId, userId)).
 * An event that has not happened yet (China date) takes no attendance.
 */
export async function recordAttendance(scope: Scope, eventId: string, input: unknown, now = new Date()): Promise<Result<{ added: number }, 'NOT_FOUND' | 'INVALID'>> {
  const event = await eventToRecord(scope, eventId)
  if (!event) return fail('NOT_FOUND')
  const parsed = ZAttendance.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  if (fromDbDate(event.date) > chinaDate(now)) return fail('INVALID', { userIds: 'validation.attendance.future' })
  const prisma = await db()
  const ids = [...new Set(parsed.data.userIds)]
  const eligible = await prisma.workerProfile.findMany({ where: { userId: { in: ids }, tenantId: scope.tenantId, orgPath: { startsWith: event.orgPath } }, select: { userId: true } })
  if (eligible.length !== ids.length) return fail('INVALID', { userIds: 'validation.attendees.unknown' })
  const r = await prisma.trainingAttendance.createMany({ data: ids.map((userId) => ({ eventId, userId, recordedById: scope.userId })), skipDuplicates: true })
  return ok({ added: r.count })
}

/** Takes back a wrongly recorded attendance (same people who record it). */
export async function removeAttendance(scope: Scope, eventId: string, userId: string): Promise<Result<null, 'NOT_FOUND'>> {
  const event = await eventToRecord(scope, eventId)
  if (!event) return fail('NOT_FOUND')
  const prisma = await db()
  const n = await prisma.trainingAttendance.deleteMany({ where: { eventId, userId } })
  return n.count ? ok(null) : fail('NOT_FOUND')
}

/** The trainings a user attended (their own page, or a record the caller found in scope). */
export async function trainingsOf(scope: Scope, userId: string) {
  const prisma = await db()
  const rows = await prisma.trainingAttendance.findMany({
    where: { userId, event: { tenantId: scope.tenantId } },
    select: { event: { select: { id: true, title: true, kind: true, date: true, minutes: true, orgPath: true, orgUnit: { select: { name: true } } } } },
    orderBy: { event: { date: 'desc' } },
    take: 200,
  })
  const readable = rootsFor(scope, 'talent.read')
  return rows.map(({ event: { orgPath, minutes, ...e } }) => ({ ...e, hours: toHours(minutes), linkable: readable.some((r) => orgPath.startsWith(r)) }))
}
