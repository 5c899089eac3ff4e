import 'server-only'
import { z } from 'zod'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import { canAt, unitScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { idsOnPath } from '../authz/hierarchy'
import { addDays, chinaDate, fromDbDate } from '@/lib/china-time'
import { fourTasksOf } from '../projects/pilot-tasks'
import { CASE_STATUSES, FUNDING_SOURCES, PROJECT_STATUSES } from '@/lib/schemas/projects'
import { VOLUNTEER_KINDS } from '@/lib/schemas/volunteers'
import { toHours } from '@/lib/hours'

/**
 * Role-scoped dashboards: the figures of a unit and of each of its child units for a period, read from
 * the roll-up counters (UnitCounter) of those units only — one grouped query over (child units × days),
 * whatever the number of records below them — plus a monthly trend of the unit. Teams, social workers
 * and pilots are counted from their own (small) tables by child path prefix, as they are now.
 */

export const PERIODS = ['month', 'quarter', 'year', 'pilot', 'custom'] as const
export type PeriodKind = (typeof PERIODS)[number]

const isoDate = z.iso.date()
export const ZDashboardQuery = z.object({
  unit: z.uuid().optional().catch(undefined),
  period: z.enum(PERIODS).catch('year').default('year'),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  sort: z.string().max(40).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).catch('desc').default('desc'),
})
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>

export type Period = { kind: PeriodKind; from: string; to: string }

/** The period's first and last China days. A custom period must be ordered and at most three years. */
export function periodOf(q: { period: PeriodKind; from?: string; to?: string }, pilotStart: string | null, now = new Date()): Result<Period, 'INVALID'> {
  const today = chinaDate(now)
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))]
  const pad = (n: number) => String(n).padStart(2, '0')
  switch (q.period) {
    case 'month':
      return ok({ kind: 'month', from: `${y}-${pad(m)}-01`, to: today })
    case 'quarter':
      return ok({ kind: 'quarter', from: `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, to: today })
    case 'year':
      return ok({ kind: 'year', from: `${y}-01-01`, to: today })
    case 'pilot': {
      // the pilot year: one year from the first pilot start in the unit's subtree (else this calendar year)
      if (!pilotStart) return ok({ kind: 'pilot', from: `${y}-01-01`, to: today })
      const end = addDays(`${Number(pilotStart.slice(0, 4)) + 1}${pilotStart.slice(4)}`, -1)
      return ok({ kind: 'pilot', from: pilotStart, to: end < today ? end : today })
    }
    case 'custom': {
      if (!q.from || !q.to) return fail('INVALID', { from: 'validation.period.required' })
      if (q.from > q.to) return fail('INVALID', { to: 'validation.period.order' })
      if (Date.parse(q.to) - Date.parse(q.from) > 3 * 366 * 86_400_000) return fail('INVALID', { to: 'validation.period.tooLong' })
      return ok({ kind: 'custom', from: q.from, to: q.to })
    }
  }
}

export type Figures = {
  needsCollected: number
  needsDispatched: number
  needsClaimed: number
  needsResolved: number
  resolutionRate: number | null
  serviceHours: number
  serviceRecords: number
  beneficiaries: number
  satisfaction: number | null
  surveyResponses: number
  surveySatisfaction: number | null
  practicePublished: number
  projects: Record<string, number>
  cases: Record<string, number>
  spendingFen: Record<string, number>
  volunteers: Record<string, number>
  volunteersTotal: number
  teams: number
  workers: number
  certified: Record<string, number>
  certifiedTotal: number
  certificationRate: number | null
  pilots: number
  /** pilots that met each of the four tasks (null above PILOT_TASKS_MAX pilots) */
  pilotTasksMet: number[] | null
}

/** Above this many pilots in a subtree the four tasks are not derived on a dashboard (see pilot-tasks.ts). */
const PILOT_TASKS_MAX = 3_000

type CounterRow = { orgUnitId: string; metric: string; period: bigint; upto: bigint }

function figuresOf(rows: CounterRow[], direct: { teams: number; workers: number; certified: Record<string, number>; pilots: number; pilotTasksMet: number[] | null }): Figures {
  const period = new Map<string, number>()
  const upto = new Map<string, number>()
  for (const r of rows) {
    period.set(r.metric, Number(r.period))
    upto.set(r.metric, Number(r.upto))
  }
  const p = (m: string) => period.get(m) ?? 0
  const u = (m: string) => upto.get(m) ?? 0
  const needsCollected = p('flow:Need:OPEN')
  const needsResolved = p('flow:Need:RESOLVED')
  const satCount = p('need:satisfactionCount')
  const volunteers = Object.fromEntries([...VOLUNTEER_KINDS, 'NONE'].map((k) => [k, u(`stock:volunteers:${k}`)]))
  const certifiedTotal = Object.values(direct.certified).reduce((a, b) => a + b, 0)
  return {
    needsCollected,
    needsDispatched: p('flow:Need:DISPATCHED'),
    needsClaimed: p('flow:Order:CLAIMED'),
    needsResolved,
    resolutionRate: needsCollected ? Math.round((needsResolved / needsCollected) * 1000) / 10 : null,
    serviceHours: toHours(p('service:minutes')),
    serviceRecords: p('flow:TaskSignup:CHECKED_OUT'),
    beneficiaries: p('need:beneficiaries'),
    satisfaction: satCount ? Math.round((p('need:satisfactionSum') / satCount) * 100) / 100 : null,
    surveyResponses: p('survey:responses'),
    surveySatisfaction: p('survey:ratingCount') ? Math.round((p('survey:ratingSum') / p('survey:ratingCount')) * 100) / 100 : null,
    practicePublished: u('stock:PracticeCase:PUBLISHED'),
    projects: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, u(`stock:Project:${s}`)])),
    cases: Object.fromEntries(CASE_STATUSES.map((s) => [s, u(`stock:CaseFile:${s}`)])),
    spendingFen: Object.fromEntries(FUNDING_SOURCES.map((s) => [s, p(`spend:${s}`)])),
    volunteers,
    volunteersTotal: Object.values(volunteers).reduce((a, b) => a + b, 0),
    teams: direct.teams,
    workers: direct.workers,
    certified: direct.certified,
    certifiedTotal,
    certificationRate: direct.workers ? Math.round((certifiedTotal / direct.workers) * 1000) / 10 : null,
    pilots: direct.pilots,
    pilotTasksMet: direct.pilotTasksMet,
  }
}

const TREND_METRICS = ['flow:Need:OPEN', 'flow:Need:RESOLVED', 'flow:Order:CLAIMED', 'service:minutes'] as const

/** The months (yyyy-MM) of the 12 ending with the period's last month. */
function trendMonths(to: string): string[] {
  const y = Number(to.slice(0, 4))
  const m = Number(to.slice(5, 7))
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i)
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
  })
}

export type DashboardUnit = { id: string; name: string; level: string; code: string; path: string; pilot: boolean }

/** The dashboard of a unit the caller may browse: its figures, each child's, and its monthly trend. */
export async function dashboard(scope: Scope, rawQuery: unknown, now = new Date()) {
  const q = ZDashboardQuery.parse(rawQuery ?? {})
  const prisma = await db()
  const where = unitScopeWhere(scope, 'org.browse')
  const unit = q.unit
    ? await prisma.orgUnit.findFirst({ where: { id: q.unit, ...where }, select: { id: true, name: true, level: true, code: true, path: true, pilotBatch: true } })
    : await prisma.orgUnit.findFirst({ where, select: { id: true, name: true, level: true, code: true, path: true, pilotBatch: true }, orderBy: [{ depth: 'asc' }, { code: 'asc' }] })
  if (!unit) return fail('NOT_FOUND')
  const firstPilot = await prisma.orgUnit.findFirst({ where: { path: { startsWith: unit.path }, pilotStart: { not: null } }, select: { pilotStart: true }, orderBy: { pilotStart: 'asc' } })
  const period = periodOf(q, firstPilot?.pilotStart ? fromDbDate(firstPilot.pilotStart) : null, now)
  if (!period.ok) return period
  const { from, to } = period.value

  const [children, trail] = await Promise.all([
    prisma.orgUnit.findMany({ where: { parentId: unit.id }, select: { id: true, name: true, level: true, code: true, path: true, pilotBatch: true }, orderBy: { code: 'asc' } }),
    prisma.orgUnit.findMany({ where: { id: { in: idsOnPath(unit.path).slice(0, -1) }, ...where }, select: { id: true, name: true }, orderBy: { depth: 'asc' } }),
  ])
  const ids = [unit.id, ...children.map((c) => c.id)]
  const depth = idsOnPath(unit.path).length // the child's id is path segment depth + 1

  const [counters, trendRows, teams, workers, pilots] = await Promise.all([
    prisma.$queryRaw<CounterRow[]>`SELECT "orgUnitId", "metric", COALESCE(SUM("value") FILTER (WHERE "day" >= ${from}::date), 0)::bigint AS "period", SUM("value")::bigint AS "upto"
      FROM "UnitCounter" WHERE "orgUnitId" = ANY(${ids}) AND "day" <= ${to}::date GROUP BY 1, 2`,
    prisma.$queryRaw<{ month: string; metric: string; value: bigint }[]>`SELECT to_char("day", 'YYYY-MM') AS "month", "metric", SUM("value")::bigint AS "value"
      FROM "UnitCounter" WHERE "orgUnitId" = ${unit.id} AND "metric" = ANY(${[...TREND_METRICS]}) AND "day" >= ${`${trendMonths(to)[0]}-01`}::date AND "day" <= ${to}::date GROUP BY 1, 2`,
    groupByChild('Team', unit.path, depth),
    prisma.$queryRaw<{ child: string; level: string; n: bigint }[]>`SELECT split_part("orgPath", '/', ${depth + 2}::int) AS "child", "certLevel"::text AS "level", COUNT(*)::bigint AS "n"
      FROM "WorkerProfile" WHERE "orgPath" LIKE ${`${unit.path}%`} GROUP BY 1, 2`,
    prisma.$queryRaw<{ child: string; id: string }[]>`SELECT split_part("path", '/', ${depth + 2}::int) AS "child", "id"
      FROM "OrgUnit" WHERE "path" LIKE ${`${unit.path}%`} AND "level" = 'COMMUNITY' AND "pilotBatch" IS NOT NULL`,
  ])
  // the pilots' four tasks, derived live (pilot-tasks.ts): while a subtree holds a few thousand pilots
  const tasks = pilots.length <= PILOT_TASKS_MAX ? await fourTasksOf(pilots.map((p) => p.id)) : null

  const direct = (childId: string | null) => {
    const pick = <T extends { child: string }>(rows: T[]) => (childId === null ? rows : rows.filter((r) => r.child === childId))
    const certified: Record<string, number> = { ASSISTANT: 0, INTERMEDIATE: 0, SENIOR: 0 }
    let workerCount = 0
    for (const w of pick(workers)) {
      workerCount += Number(w.n)
      if (w.level !== 'NONE') certified[w.level] = (certified[w.level] ?? 0) + Number(w.n)
    }
    const mine = pick(pilots)
    const met = tasks ? [0, 1, 2, 3].map((i) => mine.filter((p) => tasks.get(p.id)?.[i] === 'MET').length) : null
    return {
      teams: pick(teams).reduce((a, r) => a + Number(r.n), 0),
      workers: workerCount,
      certified,
      pilots: mine.length,
      pilotTasksMet: met,
    }
  }
  // a community's own rows carry an empty "child" segment: they belong to the unit, not to a child
  const rowsOf = (id: string) => counters.filter((r) => r.orgUnitId === id)
  const months = trendMonths(to)
  const trend = months.map((month) => {
    const v = (m: string) => Number(trendRows.find((r) => r.month === month && r.metric === m)?.value ?? 0)
    return { month, needsCollected: v('flow:Need:OPEN'), needsResolved: v('flow:Need:RESOLVED'), needsClaimed: v('flow:Order:CLAIMED'), serviceHours: toHours(v('service:minutes')) }
  })
  const toUnit = (u: typeof unit): DashboardUnit => ({ id: u.id, name: u.name, level: u.level, code: u.code, path: u.path, pilot: !!u.pilotBatch })
  return ok({
    unit: toUnit(unit),
    trail,
    period: period.value,
    figures: figuresOf(rowsOf(unit.id), direct(null)),
    children: children.map((c) => ({ unit: toUnit(c), figures: figuresOf(rowsOf(c.id), direct(c.id)), canOpen: canAt(scope, 'org.browse', c.path) })),
    trend,
    query: q,
  })
}

/** Rows of a small table under a path, counted per child unit (the path segment after the unit's). */
async function groupByChild(table: 'Team', path: string, depth: number) {
  const prisma = await db()
  return prisma.$queryRaw<{ child: string; n: bigint }[]>(
    Prisma.sql`SELECT split_part("orgPath", '/', ${depth + 2}::int) AS "child", COUNT(*)::bigint AS "n" FROM ${Prisma.raw(`"${table}"`)} WHERE "orgPath" LIKE ${`${path}%`} GROUP BY 1`,
  )
}

export type Dashboard = Extract<Awaited<ReturnType<typeof dashboard>>, { ok: true }>['value']
