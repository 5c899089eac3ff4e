import 'server-only'
import { z } from 'zod'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import { canAt, rootsFor, unitScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { idsOnPath } from '../authz/hierarchy'
import { addDays, chinaDate, fromDbDate, lastDayOfMonth } from '@/lib/china-time'
import { monthOf, volunteerMetric } from './counters'
import { fourTasksOf } from '../projects/pilot-tasks'
import { CASE_STATUSES, FUNDING_SOURCES, PROJECT_STATUSES } from '@/lib/schemas/projects'
import { VOLUNTEER_KINDS } from '@/lib/schemas/volunteers'
import { toHours } from '@/lib/hours'

/**
 * Role-scoped dashboards: the figures of a unit and of each of its child units for a period, read from
 * the roll-up counters of those units only — one grouped query over (child units × months) in
 * UnitCounterMonth plus the period's partial months' days in UnitCounter, whatever the number of records
 * below them — plus a monthly trend of the unit. Teams, social workers and pilots are counted from their
 * own (small) tables by child path prefix. What a unit's dashboard computes is kept ≤ 1 s per unit and
 * period in process (`cached`), so ten officials opening it at once compute it once.
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
  /** the comparison table's page and name filter (the page applies them; the figures are the same) */
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  find: z.string().trim().max(40).optional().catch(undefined),
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

/**
 * The metrics the figures read. A flow is summed over the period's days; a stock over every day up to the
 * period's end. The counters' other metrics (stock:Need:…, flow:Task:…) are kept but not read here.
 */
const FLOW_METRICS = [
  'flow:Need:OPEN', 'flow:Need:DISPATCHED', 'flow:Order:CLAIMED', 'flow:Need:RESOLVED', 'flow:TaskSignup:CHECKED_OUT', 'service:minutes',
  'need:beneficiaries', 'need:satisfactionSum', 'need:satisfactionCount', 'survey:responses', 'survey:ratingSum', 'survey:ratingCount',
  ...FUNDING_SOURCES.map((s) => `spend:${s}`),
]
const STOCK_METRICS = [
  'stock:PracticeCase:PUBLISHED', ...PROJECT_STATUSES.map((s) => `stock:Project:${s}`), ...CASE_STATUSES.map((s) => `stock:CaseFile:${s}`),
  ...[...VOLUNTEER_KINDS, null].map(volunteerMetric),
]
const ALL_METRICS = [...FLOW_METRICS, ...STOCK_METRICS]

type CounterRow = { orgUnitId: string; metric: string; value: bigint }

function figuresOf(rows: CounterRow[] | undefined, direct: { teams: number; workers: number; certified: Record<string, number>; pilots: number; pilotTasksMet: number[] | null }): Figures {
  const values = new Map<string, number>()
  for (const r of rows ?? []) values.set(r.metric, Number(r.value))
  // p: a flow over the period; u: a stock at the period's end (the read sums each as it should)
  const p = (m: string) => values.get(m) ?? 0
  const u = p
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

/**
 * How a period [from, to] is read from the counters: its whole months from UnitCounterMonth
 * ([fromM, toM): the months that start on or after `from` and end before `to`'s month), and its other days
 * from UnitCounter — a head [from, headEnd) before the first whole month and a tail [tailStart, to] in
 * `to`'s month. A stock (everything up to `to`) is every month before `to`'s month plus the tail's month
 * days [toM, to]. So a year reads ≤ 12 month rows and ≤ 31 + 30 day rows per unit and metric.
 */
export function periodParts(from: string, to: string) {
  const toM = monthOf(to)
  const fromM = from.endsWith('-01') ? from : addDays(lastDayOfMonth(from.slice(0, 7)), 1)
  return fromM <= toM
    ? { fromM, toM, headEnd: fromM, tailStart: toM }
    : { fromM: toM, toM, headEnd: from, tailStart: from } // within one month: no whole month, all days in the tail
}

export type DashboardUnit = { id: string; name: string; level: string; code: string; path: string; pilot: boolean }
type UnitRow = { id: string; name: string; level: string; code: string; path: string; pilotBatch: string | null }
const UNIT_SELECT = { id: true, name: true, level: true, code: true, path: true, pilotBatch: true, tenantId: true } as const

/**
 * A short-lived, per-unit, in-process cache of what a dashboard computes (the figures of a unit and of its
 * children for a period, its trend, its ancestors), shared by every caller who may browse that unit
 * (the caller's own rights are applied on each request: the unit lookup, the trail, canOpen).
 *
 * Freshness: an entry is served only while younger than DASHBOARD_CACHE_MS (1,000 ms; 0 turns the cache
 * off), counted from the moment its computation started. Its statements start after that moment, so a
 * record committed before it is in the entry: a record shows on every dashboard requested ≥ 1 s after its
 * commit. Single flight: concurrent callers of one key share one computation. Refresh ahead: once an
 * entry is half its lifetime old, the next caller starts its successor in the background and is still
 * served the entry, so under steady traffic nobody waits for a computation.
 */
export const DASHBOARD_CACHE_MS = Math.max(0, Number(process.env.DASHBOARD_CACHE_MS ?? 1_000))
const CACHE_MAX_KEYS = 2_000
type Entry<T> = { start: number; value: Promise<T> }
type Slot<T> = { current?: Entry<T>; pending?: Entry<T> }
const slots = new Map<string, Slot<unknown>>()
export const dashboardCache = {
  clear: () => slots.clear(),
  get size() {
    return slots.size
  },
}

function cached<T>(key: string, now: number, compute: () => Promise<T>): Promise<T> {
  if (DASHBOARD_CACHE_MS <= 0) return compute()
  const young = (e?: Entry<unknown>) => !!e && now >= e.start && now - e.start < DASHBOARD_CACHE_MS
  let slot = slots.get(key) as Slot<T> | undefined
  if (!slot) {
    if (slots.size >= CACHE_MAX_KEYS) {
      for (const [k, s] of slots) if (!young(s.current) && !young(s.pending)) slots.delete(k)
      for (const k of slots.keys()) {
        if (slots.size < CACHE_MAX_KEYS) break
        slots.delete(k) // the oldest keys first (a Map keeps insertion order)
      }
    }
    slots.set(key, (slot = {}))
  }
  const s = slot
  const start = () => {
    const entry: Entry<T> = { start: now, value: compute() }
    s.pending = entry
    entry.value.then(
      () => {
        if (!s.current || s.current.start <= entry.start) s.current = entry
        if (s.pending === entry) s.pending = undefined
      },
      () => {
        if (s.pending === entry) s.pending = undefined // a failure is not kept: the next caller computes again
      },
    )
    return entry
  }
  if (young(s.current)) {
    if (now - s.current!.start >= DASHBOARD_CACHE_MS / 2 && !young(s.pending)) start().value.catch(() => {}) // refresh ahead
    return s.current!.value
  }
  if (young(s.pending)) return s.pending!.value
  return start().value
}

/** What a dashboard computes for a unit and a period: the same for every caller who may open the unit. */
async function compute(unit: UnitRow & { tenantId: string }, from: string, to: string) {
  const prisma = await db()
  const ancestorIds = idsOnPath(unit.path).slice(0, -1)
  const [children, ancestors] = await Promise.all([
    prisma.orgUnit.findMany({ where: { parentId: unit.id }, select: UNIT_SELECT, orderBy: { code: 'asc' } }),
    ancestorIds.length ? prisma.orgUnit.findMany({ where: { id: { in: ancestorIds } }, select: { id: true, name: true, path: true }, orderBy: { depth: 'asc' } }) : Promise.resolve([]),
  ])
  const ids = [unit.id, ...children.map((c) => c.id)]
  const depth = idsOnPath(unit.path).length // the child's id is path segment depth + 1
  const { fromM, toM, headEnd, tailStart } = periodParts(from, to)
  const months = trendMonths(to)

  const [counters, trendRows, teams, workers, pilots] = await Promise.all([
    // flows: the period's whole months, its head days (if any) and its tail days; stocks: every month
    // before to's, then the days of to's month — two or three index range reads, whatever the period
    prisma.$queryRaw<CounterRow[]>`SELECT "orgUnitId", "metric", SUM("value")::bigint AS "value" FROM (
        SELECT "orgUnitId", "metric", "value" FROM "UnitCounterMonth" WHERE "orgUnitId" = ANY(${ids}) AND "month" < ${toM}::date
           AND "metric" = ANY(${ALL_METRICS}) AND ("month" >= ${fromM}::date OR "metric" = ANY(${STOCK_METRICS}))
        UNION ALL SELECT "orgUnitId", "metric", "value" FROM "UnitCounter" WHERE "orgUnitId" = ANY(${ids}) AND "day" >= ${toM}::date AND "day" <= ${to}::date
           AND "metric" = ANY(${ALL_METRICS}) AND ("day" >= ${tailStart}::date OR "metric" = ANY(${STOCK_METRICS}))
        ${from < headEnd ? Prisma.sql`UNION ALL SELECT "orgUnitId", "metric", "value" FROM "UnitCounter" WHERE "orgUnitId" = ANY(${ids}) AND "day" >= ${from}::date AND "day" < ${headEnd}::date AND "metric" = ANY(${FLOW_METRICS})` : Prisma.empty}
      ) x GROUP BY 1, 2`,
    prisma.$queryRaw<{ month: string; metric: string; value: bigint }[]>`SELECT to_char("d", 'YYYY-MM') AS "month", "metric", SUM("value")::bigint AS "value" FROM (
        SELECT "month" AS "d", "metric", "value" FROM "UnitCounterMonth" WHERE "orgUnitId" = ${unit.id} AND "metric" = ANY(${[...TREND_METRICS]}) AND "month" >= ${`${months[0]}-01`}::date AND "month" < ${toM}::date
        UNION ALL SELECT "day", "metric", "value" FROM "UnitCounter" WHERE "orgUnitId" = ${unit.id} AND "metric" = ANY(${[...TREND_METRICS]}) AND "day" >= ${toM}::date AND "day" <= ${to}::date
      ) x GROUP BY 1, 2`,
    groupByChild('Team', unit.path, depth),
    prisma.$queryRaw<{ child: string; level: string; n: bigint }[]>`SELECT split_part("orgPath", '/', ${depth + 2}::int) AS "child", "certLevel"::text AS "level", COUNT(*)::bigint AS "n"
      FROM "WorkerProfile" WHERE "orgPath" LIKE ${`${unit.path}%`} GROUP BY 1, 2`,
    prisma.$queryRaw<{ child: string; id: string }[]>`SELECT split_part("path", '/', ${depth + 2}::int) AS "child", "id"
      FROM "OrgUnit" WHERE "tenantId" = ${unit.tenantId} AND "level" = 'COMMUNITY' AND "pilotBatch" IS NOT NULL AND "path" LIKE ${`${unit.path}%`}`,
  ])
  // the pilots' four tasks, derived live (pilot-tasks.ts): while a subtree holds a few thousand pilots
  const tasks = pilots.length <= PILOT_TASKS_MAX ? await fourTasksOf(pilots.map((p) => p.id)) : null

  // every row grouped once by its unit (counters) or child segment (the small tables): no scan per child
  const group = <T, K>(rows: T[], key: (r: T) => K) => {
    const m = new Map<K, T[]>()
    for (const r of rows) {
      const k = key(r)
      const list = m.get(k)
      if (list) list.push(r)
      else m.set(k, [r])
    }
    return m
  }
  const countersOf = group(counters, (r) => r.orgUnitId)
  const [teamsOf, workersOf, pilotsOf] = [group(teams, (r) => r.child), group(workers, (r) => r.child), group(pilots, (r) => r.child)]
  const direct = (rows: { teams: typeof teams; workers: typeof workers; pilots: typeof pilots }) => {
    const certified: Record<string, number> = { ASSISTANT: 0, INTERMEDIATE: 0, SENIOR: 0 }
    let workerCount = 0
    for (const w of rows.workers) {
      workerCount += Number(w.n)
      if (w.level !== 'NONE') certified[w.level] = (certified[w.level] ?? 0) + Number(w.n)
    }
    const met = tasks ? [0, 1, 2, 3].map((i) => rows.pilots.filter((p) => tasks.get(p.id)?.[i] === 'MET').length) : null
    return { teams: rows.teams.reduce((a, r) => a + Number(r.n), 0), workers: workerCount, certified, pilots: rows.pilots.length, pilotTasksMet: met }
  }
  // a community's own rows carry an empty "child" segment: they belong to the unit, not to a child
  const ofChild = (id: string) => direct({ teams: teamsOf.get(id) ?? [], workers: workersOf.get(id) ?? [], pilots: pilotsOf.get(id) ?? [] })
  const trendOf = new Map(trendRows.map((r) => [`${r.month}|${r.metric}`, Number(r.value)]))
  const trend = months.map((month) => {
    const v = (m: string) => trendOf.get(`${month}|${m}`) ?? 0
    return { month, needsCollected: v('flow:Need:OPEN'), needsResolved: v('flow:Need:RESOLVED'), needsClaimed: v('flow:Order:CLAIMED'), serviceHours: toHours(v('service:minutes')) }
  })
  return {
    ancestors,
    figures: figuresOf(countersOf.get(unit.id), direct({ teams, workers, pilots })),
    children: children.map((c) => ({ unit: toUnit(c), figures: figuresOf(countersOf.get(c.id), ofChild(c.id)) })),
    trend,
  }
}

const toUnit = (u: UnitRow): DashboardUnit => ({ id: u.id, name: u.name, level: u.level, code: u.code, path: u.path, pilot: !!u.pilotBatch })

/**
 * The dashboard of a unit the caller may browse: its figures, each child's, and its monthly trend. Per
 * request it reads only the unit (under the caller's scope: one primary-key lookup); the rest comes from
 * the per-unit cache above (≤ DASHBOARD_CACHE_MS old), computed from the counters when missing.
 */
/**
 * The unit a dashboard shows: `?unit=` when the caller may browse it, else the caller's highest unit; null
 * when it is out of scope (the page's 404). One indexed read, so a page can decide its status on it before
 * it streams the slow part (the figures).
 */
export async function dashboardUnit(scope: Scope, rawQuery: unknown) {
  const q = ZDashboardQuery.parse(rawQuery ?? {})
  const prisma = await db()
  const where = unitScopeWhere(scope, 'org.browse')
  // the default unit is the caller's highest: one of the roots of their browse rights (a root is shallower
  // than everything under it), found among those few ids, not among every unit they may browse
  const roots = rootsFor(scope, 'org.browse').map((p) => idsOnPath(p).at(-1)!)
  return q.unit
    ? await prisma.orgUnit.findFirst({ where: { id: q.unit, ...where }, select: UNIT_SELECT })
    : await prisma.orgUnit.findFirst({ where: { id: { in: roots }, ...where }, select: UNIT_SELECT, orderBy: [{ depth: 'asc' }, { code: 'asc' }] })
}
type ResolvedUnit = NonNullable<Awaited<ReturnType<typeof dashboardUnit>>>

/** The dashboard of `resolved` (from dashboardUnit, read here when left out): figures, trend, children. */
export async function dashboard(scope: Scope, rawQuery: unknown, now = new Date(), resolved?: ResolvedUnit) {
  const q = ZDashboardQuery.parse(rawQuery ?? {})
  const prisma = await db()
  const unit = resolved ?? (await dashboardUnit(scope, rawQuery))
  if (!unit) return fail('NOT_FOUND')
  const clock = now.getTime()
  const pilotStart = await cached(`pilot|${unit.id}`, clock, async () => {
    const first = await prisma.orgUnit.findFirst({ where: { tenantId: unit.tenantId, path: { startsWith: unit.path }, pilotStart: { not: null } }, select: { pilotStart: true }, orderBy: { pilotStart: 'asc' } })
    return first?.pilotStart ? fromDbDate(first.pilotStart) : null
  })
  const period = periodOf(q, pilotStart, now)
  if (!period.ok) return period
  const { from, to } = period.value
  const core = await cached(`core|${unit.id}|${from}|${to}`, clock, () => compute(unit, from, to))
  return ok({
    unit: toUnit(unit),
    // the ancestors the caller may browse (the same rows `where` would find, from the cached ancestors)
    trail: core.ancestors.filter((a) => canAt(scope, 'org.browse', a.path)).map((a) => ({ id: a.id, name: a.name })),
    period: period.value,
    figures: core.figures,
    children: core.children.map((c) => ({ unit: c.unit, figures: c.figures, canOpen: canAt(scope, 'org.browse', c.unit.path) })),
    trend: core.trend,
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
