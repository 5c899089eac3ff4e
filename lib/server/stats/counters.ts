import 'server-only'
import { Prisma } from '../generated/prisma/client'
import { chinaDate } from '@/lib/china-time'

/**
 * Roll-up counters (UnitCounter): every event adds its deltas to the row (unit, metric, China-time day)
 * of its community AND of each ancestor, and to the same rows by month (UnitCounterMonth), in the same
 * transaction as the event, in one statement. So the region's row for a day (a month) is the sum of its
 * leagues' rows, and a month's row the sum of its days, at every moment; a dashboard reads only its child
 * units' rows, whole months by month: cost grows with child units × months, not with records.
 *
 * Metric names:
 *   flow:<Entity>:<STATUS>   transitions into STATUS that day (Need:OPEN = needs collected …; of the
 *                            sign-ups only TaskSignup:CHECKED_OUT, a service record — see countsTransition)
 *   stock:<Entity>:<STATUS>  +1 into STATUS, −1 out of it: the sum up to a day is the count on that day
 *   service:minutes          minutes credited at check-out
 *   need:beneficiaries, need:satisfactionSum, need:satisfactionCount   at resolution
 *   spend:<FUNDING_SOURCE>   fen spent (on the expense's date)
 *   stock:volunteers:<KIND>  volunteer roles by the volunteer's kind (NONE without a profile)
 */

/** The raw executor both a PrismaClient and a transaction client offer. */
type Exec = Pick<Prisma.TransactionClient, '$executeRaw'>
export type Deltas = Record<string, number>

/** Entities whose status counts are kept as stocks (flows are kept for every entity). */
export const STOCK_ENTITIES = ['Need', 'Order', 'Project', 'PracticeCase', 'CaseFile'] as const

/** "/r/l/c/m/" → [r, l, c, m]: the unit and its ancestors, from the materialized path. */
export const unitsOfPath = (orgPath: string) => orgPath.split('/').filter(Boolean)

/** The first day of a China day's month: "2026-03-17" → "2026-03-01" (UnitCounterMonth.month). */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`

/**
 * Adds `deltas` to the counters of the unit at `orgPath` and of all its ancestors, for the China day
 * of `at` (UnitCounter) and for its month (UnitCounterMonth), in one statement: the daily rows first,
 * then the monthly ones (the month part reads the day part's result), each in a fixed order (unit,
 * metric), so concurrent events take the rows' locks in the same order and cannot deadlock.
 */
export async function bump(tx: Exec, tenantId: string, orgPath: string, deltas: Deltas, at: Date = new Date()) {
  const entries = Object.entries(deltas)
    .filter(([, v]) => Number.isFinite(v) && v !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (!entries.length) return
  const day = chinaDate(at)
  const month = monthOf(day)
  const units = [...unitsOfPath(orgPath)].sort()
  const rows = (d: string) => units.flatMap((u) => entries.map(([metric, v]) => Prisma.sql`(${u}, ${metric}, ${d}::date, ${tenantId}, ${Math.round(v)}::bigint)`))
  await tx.$executeRaw`WITH "days" AS (
      INSERT INTO "UnitCounter" ("orgUnitId", "metric", "day", "tenantId", "value") VALUES ${Prisma.join(rows(day))}
      ON CONFLICT ("orgUnitId", "metric", "day") DO UPDATE SET "value" = "UnitCounter"."value" + EXCLUDED."value" RETURNING 1)
    INSERT INTO "UnitCounterMonth" ("orgUnitId", "metric", "month", "tenantId", "value")
    SELECT * FROM (VALUES ${Prisma.join(rows(month))}) AS m("orgUnitId", "metric", "month", "tenantId", "value") WHERE (SELECT count(*) FROM "days") > 0
    ON CONFLICT ("orgUnitId", "metric", "month") DO UPDATE SET "value" = "UnitCounterMonth"."value" + EXCLUDED."value"`
}

/**
 * Whether a transition is counted: the status-counted entities, and of the sign-ups only the check-out
 * (a service record). Sign-ups, cancellations and promotions are not counted, so a burst of sign-ups on a
 * task never queues behind the region's daily counter rows.
 */
export function countsTransition(entity: string, to: string) {
  return (STOCK_ENTITIES as readonly string[]).includes(entity) || (entity === 'TaskSignup' && to === 'CHECKED_OUT')
}

/** The deltas of a status transition of a recorded entity (see recordChange). */
export function transitionDeltas(entity: string, from: string | null, to: string): Deltas {
  if (!countsTransition(entity, to)) return {}
  const d: Deltas = { [`flow:${entity}:${to}`]: 1 }
  if ((STOCK_ENTITIES as readonly string[]).includes(entity)) {
    d[`stock:${entity}:${to}`] = (d[`stock:${entity}:${to}`] ?? 0) + 1
    if (from) d[`stock:${entity}:${from}`] = (d[`stock:${entity}:${from}`] ?? 0) - 1
  }
  return d
}

/**
 * Moves a unit's whole contribution from its old ancestors to its new ones (a unit move): its own rows
 * already hold its subtree's sums, so each old ancestor loses them and each new ancestor gains them.
 */
export async function moveCounters(tx: Exec, unitId: string, oldAncestors: string[], newAncestors: string[]) {
  const gone = oldAncestors.filter((a) => !newAncestors.includes(a))
  const added = newAncestors.filter((a) => !oldAncestors.includes(a))
  for (const [ancestor, sign] of [...gone.map((a) => [a, -1] as const), ...added.map((a) => [a, 1] as const)]) {
    await tx.$executeRaw`INSERT INTO "UnitCounter" ("orgUnitId", "metric", "day", "tenantId", "value")
      SELECT ${ancestor}, "metric", "day", "tenantId", ${sign}::bigint * "value" FROM "UnitCounter" WHERE "orgUnitId" = ${unitId}
      ON CONFLICT ("orgUnitId", "metric", "day") DO UPDATE SET "value" = "UnitCounter"."value" + EXCLUDED."value"`
    await tx.$executeRaw`INSERT INTO "UnitCounterMonth" ("orgUnitId", "metric", "month", "tenantId", "value")
      SELECT ${ancestor}, "metric", "month", "tenantId", ${sign}::bigint * "value" FROM "UnitCounterMonth" WHERE "orgUnitId" = ${unitId}
      ON CONFLICT ("orgUnitId", "metric", "month") DO UPDATE SET "value" = "UnitCounterMonth"."value" + EXCLUDED."value"`
  }
}

/** Registered volunteers (VOLUNTEER roles) by the volunteer's kind; NONE until a profile says it. */
export const volunteerMetric = (kind: string | null | undefined) => `stock:volunteers:${kind ?? 'NONE'}`
