// The roll-up counters of a tenant from its records, set-based, for bulk-loaded data: the same events
// (the transitions countsTransition counts: not the tasks', nor sign-ups but their check-outs) and metric names as rebuildCounters (lib/server/stats/rebuild.ts), but each kind of record is first
// summed per (community path, metric, China day) — 10 M sign-ups become a few million rows — and each
// level's rows are then the sums of its children's (community → county → league → region), which is
// the invariant the app keeps. Valid when every record sits on a community (true of the bench data);
// `tsx --conditions=react-server tests/bench/verify.ts` checks it row for row against rebuildCounters.
// The month rows (UnitCounterMonth) are then the sums of the daily rows (monthsSql), as rebuildMonths does.
import { STOCK_ENTITIES } from '@/lib/server/stats/counters'

/** Statements to run in order, each with $1 = tenantId. */
export function countersSql(): string[] {
  const stock = `ARRAY[${STOCK_ENTITIES.map((e) => `'${e}'`).join(', ')}]`
  const community = `split_part(x."orgPath", '/', 5)`
  return [
    `DELETE FROM "UnitCounter" WHERE "tenantId" = $1`,
    `INSERT INTO "UnitCounter" ("orgUnitId", "metric", "day", "tenantId", "value")
    SELECT ${community}, x.metric, x.day, $1, SUM(x.value)::bigint
    FROM (
      SELECT sc."orgPath", m.metric, sc.day, m.sign * sc.n AS value
      FROM (SELECT "orgPath", "entity", "from", "to", ("at" + interval '8 hours')::date AS day, count(*)::bigint AS n
            FROM "StatusChange" WHERE "tenantId" = $1 AND ("entity" = ANY(${stock}) OR ("entity" = 'TaskSignup' AND "to" = 'CHECKED_OUT'))
            GROUP BY 1, 2, 3, 4, 5) sc
      CROSS JOIN LATERAL (VALUES ('flow:' || sc."entity" || ':' || sc."to", 1), ('stock:' || sc."entity" || ':' || sc."to", CASE WHEN sc."entity" = ANY(${stock}) THEN 1 END),
        ('stock:' || sc."entity" || ':' || sc."from", CASE WHEN sc."entity" = ANY(${stock}) AND sc."from" IS NOT NULL THEN -1 END)) AS m(metric, sign)
      WHERE m.sign IS NOT NULL
      UNION ALL
      SELECT t."orgPath", 'service:minutes', s.day, s.minutes
      FROM (SELECT "taskId", ("checkOutAt" + interval '8 hours')::date AS day, SUM(COALESCE("minutes", 0))::bigint AS minutes FROM "TaskSignup" WHERE "checkOutAt" IS NOT NULL GROUP BY 1, 2) s
      JOIN "Task" t ON t."id" = s."taskId" WHERE t."tenantId" = $1
      UNION ALL
      SELECT "orgPath", m.metric, ("resolvedAt" + interval '8 hours')::date, m.value
        FROM "Need" CROSS JOIN LATERAL (VALUES ('need:beneficiaries', "peopleAffected"::bigint), ('need:satisfactionSum', "satisfaction"::bigint), ('need:satisfactionCount', 1::bigint)) AS m(metric, value)
        WHERE "tenantId" = $1 AND "resolvedAt" IS NOT NULL AND "satisfaction" IS NOT NULL
      UNION ALL
      SELECT p."orgPath", 'spend:' || p."fundingSource"::text, e."spentOn", e."amountFen"
        FROM "ProjectExpense" e JOIN "Project" p ON p."id" = e."projectId" WHERE p."tenantId" = $1
      UNION ALL
      SELECT sr."orgPath", m.metric, (sr."createdAt" + interval '8 hours')::date, m.value
        FROM (SELECT r."createdAt", a."orgPath", COUNT(a."rating") AS n, COALESCE(SUM(a."rating"), 0) AS total
                FROM "SurveyResponse" r JOIN "SurveyAnswer" a ON a."responseId" = r."id"
               WHERE a."tenantId" = $1 GROUP BY r."id", r."createdAt", a."orgPath") sr
        CROSS JOIN LATERAL (VALUES ('survey:responses', 1::bigint), ('survey:ratingSum', sr.total::bigint), ('survey:ratingCount', sr.n::bigint)) AS m(metric, value)
      UNION ALL
      SELECT r."orgPath", 'stock:volunteers:' || COALESCE(v."kind"::text, 'NONE'), (r."createdAt" + interval '8 hours')::date, 1
        FROM "RoleAssignment" r JOIN "User" usr ON usr."id" = r."userId" LEFT JOIN "VolunteerProfile" v ON v."userId" = r."userId"
        WHERE usr."tenantId" = $1 AND r."role" = 'VOLUNTEER'
    ) x
    WHERE ${community} <> ''
    GROUP BY 1, 2, 3
    HAVING SUM(x.value) <> 0`,
    // each level from the level below: county ← community, league ← county, region ← league
    ...['COMMUNITY', 'BANNER_COUNTY', 'LEAGUE_CITY'].map(
      (level) => `INSERT INTO "UnitCounter" ("orgUnitId", "metric", "day", "tenantId", "value")
      SELECT u."parentId", c."metric", c."day", $1, SUM(c."value")::bigint
      FROM "UnitCounter" c JOIN "OrgUnit" u ON u."id" = c."orgUnitId" AND u."level" = '${level}'
      WHERE c."tenantId" = $1 GROUP BY 1, 2, 3 HAVING SUM(c."value") <> 0`,
    ),
  ]
}

/** The month rows from the daily rows, in key order (the same statement as rebuildMonths); $1 = tenantId. */
export function monthsSql(): string[] {
  return [
    `DELETE FROM "UnitCounterMonth" WHERE "tenantId" = $1`,
    `INSERT INTO "UnitCounterMonth" ("orgUnitId", "metric", "month", "tenantId", "value")
    SELECT "orgUnitId", "metric", date_trunc('month', "day"::timestamp)::date, $1, SUM("value")::bigint
      FROM "UnitCounter" WHERE "tenantId" = $1 GROUP BY 1, 2, 3 HAVING SUM("value") <> 0 ORDER BY 1, 2, 3`,
  ]
}
