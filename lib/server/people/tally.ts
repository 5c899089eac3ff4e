import 'server-only'
import type { Db } from '../db'
import type { Tx } from '../workflow/common'
import { toHours } from '@/lib/hours'

/**
 * A volunteer's one total: minutes of checked-out sign-ups plus signed HourAdjustment entries. Every
 * figure of a volunteer's hours (home, /tasks, /points, the roster, certificates) and the service points
 * (points.ts, creditMinutes) come from these same two sources.
 */

export type YearHours = { year: number; servedMinutes: number; adjustedMinutes: number; minutes: number; hours: number }
export type HoursTally = { totalMinutes: number; hours: number; byYear: YearHours[]; /** checked-out sign-ups */ servedTasks: number }

/**
 * A volunteer's minutes, by year in China time (UTC+8; China keeps no daylight saving time, so a fixed
 * 8 hours is exact): served minutes by the year of check-out, corrections by the year they were made.
 * Not scoped: callers check the caller may see `userId` first.
 */
export async function tallyHours(client: Db | Tx, userId: string): Promise<HoursTally> {
  // one statement (pages that show hours pay one round trip for them): served minutes by year, then corrections
  const rows = await client.$queryRaw<{ src: 'S' | 'A'; year: number; minutes: number; n: number }[]>`
    SELECT 'S' AS "src", EXTRACT(YEAR FROM "checkOutAt" + interval '8 hours')::int AS "year", COALESCE(SUM("minutes"), 0)::int AS "minutes", COUNT(*)::int AS "n"
    FROM "TaskSignup" WHERE "userId" = ${userId} AND "checkOutAt" IS NOT NULL GROUP BY 2
    UNION ALL
    SELECT 'A', EXTRACT(YEAR FROM "createdAt" + interval '8 hours')::int, COALESCE(SUM("minutes"), 0)::int, COUNT(*)::int
    FROM "HourAdjustment" WHERE "userId" = ${userId} GROUP BY 2`
  const served = rows.filter((r) => r.src === 'S')
  const adjusted = rows.filter((r) => r.src === 'A')
  const servedTasks = served.reduce((a, r) => a + Number(r.n), 0)
  const years = new Map<number, { servedMinutes: number; adjustedMinutes: number }>()
  for (const r of served) years.set(Number(r.year), { servedMinutes: Number(r.minutes), adjustedMinutes: 0 })
  for (const r of adjusted) years.set(Number(r.year), { servedMinutes: years.get(Number(r.year))?.servedMinutes ?? 0, adjustedMinutes: Number(r.minutes) })
  const byYear = [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, y]) => ({ year, ...y, minutes: y.servedMinutes + y.adjustedMinutes, hours: toHours(y.servedMinutes + y.adjustedMinutes) }))
  const totalMinutes = byYear.reduce((a, y) => a + y.minutes, 0)
  return { totalMinutes, hours: toHours(totalMinutes), byYear, servedTasks }
}

/** The same total (served + corrections) for many volunteers at once, by user: two grouped queries. */
export async function totalMinutesOf(client: Db | Tx, userIds: string[]): Promise<Map<string, number>> {
  const m = new Map<string, number>()
  if (!userIds.length) return m
  const [served, adjusted] = await Promise.all([
    client.taskSignup.groupBy({ by: ['userId'], where: { userId: { in: userIds }, checkOutAt: { not: null } }, _sum: { minutes: true } }),
    client.hourAdjustment.groupBy({ by: ['userId'], where: { userId: { in: userIds } }, _sum: { minutes: true } }),
  ])
  for (const r of [...served, ...adjusted]) m.set(r.userId, (m.get(r.userId) ?? 0) + (r._sum.minutes ?? 0))
  return m
}
