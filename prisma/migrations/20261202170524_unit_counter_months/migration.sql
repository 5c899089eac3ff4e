-- Month roll-ups beside the daily ones (lib/server/stats/counters.ts): every event adds its deltas to the
-- row of its China month as well as to its day's, so a dashboard reads closed months a row each instead
-- of a row per day (decision record 14 in ARCHITECTURE.md).
CREATE TABLE "UnitCounterMonth" (
    "orgUnitId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "tenantId" TEXT NOT NULL,
    "value" BIGINT NOT NULL,

    CONSTRAINT "UnitCounterMonth_pkey" PRIMARY KEY ("orgUnitId","metric","month")
);

-- Backfill from the daily rows (a month's row is the sum of its days), in key order.
INSERT INTO "UnitCounterMonth" ("orgUnitId", "metric", "month", "tenantId", "value")
SELECT "orgUnitId", "metric", date_trunc('month', "day"::timestamp)::date, "tenantId", SUM("value")::bigint
  FROM "UnitCounter" GROUP BY 1, 2, 3, 4 HAVING SUM("value") <> 0 ORDER BY 1, 2, 3;
-- its statistics now, not when autovacuum next passes: the planner must know the backfilled rows
ANALYZE "UnitCounterMonth";

-- The daily rows are now read for a period's partial months only: a range of days per unit. The covering
-- index of the whole-history read (orgUnitId, metric, day, value) gives way to one on (orgUnitId, day).
DROP INDEX "UnitCounter_covering_idx";
CREATE INDEX "UnitCounter_orgUnitId_day_idx" ON "UnitCounter"("orgUnitId", "day");
