import 'server-only'
import type { Prisma } from '../generated/prisma/client'
import { STOCK_ENTITIES } from './counters'

type Client = Pick<Prisma.TransactionClient, '$executeRaw' | '$executeRawUnsafe'>

/**
 * Recomputes a tenant's roll-up counters from the records themselves (the status history, check-outs,
 * resolutions, spending, volunteer roles), for every unit on each record's path. Used to fill the
 * counters of data that predates them (the seed, an existing database) and as the independent oracle
 * of the tests: after any sequence of events, the counters kept incrementally equal this, row for row.
 * The month rows (UnitCounterMonth) are then the sums of the rebuilt days (rebuildMonths).
 * Run inside a transaction: it takes an exclusive lock on the counters while it rewrites them.
 */
export async function rebuildCounters(tx: Client, tenantId: string) {
  await tx.$executeRawUnsafe('LOCK TABLE "UnitCounter", "UnitCounterMonth" IN EXCLUSIVE MODE')
  await tx.$executeRaw`DELETE FROM "UnitCounter" WHERE "tenantId" = ${tenantId}`
  const stock = STOCK_ENTITIES as readonly string[]
  await tx.$executeRaw`
    INSERT INTO "UnitCounter" ("orgUnitId", "metric", "day", "tenantId", "value")
    SELECT u.unit, x.metric, x.day, ${tenantId}, SUM(x.value)::bigint
    FROM (
      SELECT "orgPath", 'flow:' || "entity" || ':' || "to" AS metric, ("at" + interval '8 hours')::date AS day, 1::bigint AS value
        FROM "StatusChange" WHERE "tenantId" = ${tenantId} AND ("entity" = ANY(${stock}) OR ("entity" = 'TaskSignup' AND "to" = 'CHECKED_OUT'))
      UNION ALL
      SELECT "orgPath", 'stock:' || "entity" || ':' || "to", ("at" + interval '8 hours')::date, 1
        FROM "StatusChange" WHERE "tenantId" = ${tenantId} AND "entity" = ANY(${stock})
      UNION ALL
      SELECT "orgPath", 'stock:' || "entity" || ':' || "from", ("at" + interval '8 hours')::date, -1
        FROM "StatusChange" WHERE "tenantId" = ${tenantId} AND "entity" = ANY(${stock}) AND "from" IS NOT NULL
      UNION ALL
      SELECT t."orgPath", 'service:minutes', (s."checkOutAt" + interval '8 hours')::date, COALESCE(s."minutes", 0)
        FROM "TaskSignup" s JOIN "Task" t ON t."id" = s."taskId" WHERE t."tenantId" = ${tenantId} AND s."checkOutAt" IS NOT NULL
      UNION ALL
      SELECT "orgPath", m.metric, ("resolvedAt" + interval '8 hours')::date, m.value
        FROM "Need" CROSS JOIN LATERAL (VALUES ('need:beneficiaries', "peopleAffected"::bigint), ('need:satisfactionSum', "satisfaction"::bigint), ('need:satisfactionCount', 1::bigint)) AS m(metric, value)
        WHERE "tenantId" = ${tenantId} AND "resolvedAt" IS NOT NULL AND "satisfaction" IS NOT NULL
      UNION ALL
      SELECT p."orgPath", 'spend:' || p."fundingSource"::text, e."spentOn", e."amountFen"
        FROM "ProjectExpense" e JOIN "Project" p ON p."id" = e."projectId" WHERE p."tenantId" = ${tenantId}
      UNION ALL
      SELECT sr."orgPath", m.metric, (sr."createdAt" + interval '8 hours')::date, m.value
        FROM (SELECT r."createdAt", a."orgPath", COUNT(a."rating") AS n, COALESCE(SUM(a."rating"), 0) AS total
                FROM "SurveyResponse" r JOIN "SurveyAnswer" a ON a."responseId" = r."id"
               WHERE a."tenantId" = ${tenantId} GROUP BY r."id", r."createdAt", a."orgPath") sr
        CROSS JOIN LATERAL (VALUES ('survey:responses', 1::bigint), ('survey:ratingSum', sr.total::bigint), ('survey:ratingCount', sr.n::bigint)) AS m(metric, value)
      UNION ALL
      SELECT r."orgPath", 'stock:volunteers:' || COALESCE(v."kind"::text, 'NONE'), (r."createdAt" + interval '8 hours')::date, 1
        FROM "RoleAssignment" r JOIN "User" usr ON usr."id" = r."userId" LEFT JOIN "VolunteerProfile" v ON v."userId" = r."userId"
        WHERE usr."tenantId" = ${tenantId} AND r."role" = 'VOLUNTEER'
    ) x
    CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from x."orgPath"), '/')) AS u(unit)
    GROUP BY u.unit, x.metric, x.day
    HAVING SUM(x.value) <> 0`
  await rebuildMonths(tx, tenantId)
}

/** A tenant's month rows from its daily rows: a month's row is the sum of its days (key order). */
export async function rebuildMonths(tx: Pick<Prisma.TransactionClient, '$executeRaw'>, tenantId: string) {
  await tx.$executeRaw`DELETE FROM "UnitCounterMonth" WHERE "tenantId" = ${tenantId}`
  await tx.$executeRaw`INSERT INTO "UnitCounterMonth" ("orgUnitId", "metric", "month", "tenantId", "value")
    SELECT "orgUnitId", "metric", date_trunc('month', "day"::timestamp)::date, ${tenantId}, SUM("value")::bigint
      FROM "UnitCounter" WHERE "tenantId" = ${tenantId} GROUP BY 1, 2, 3 HAVING SUM("value") <> 0 ORDER BY 1, 2, 3`
}
