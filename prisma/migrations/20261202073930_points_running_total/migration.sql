-- Service points follow the volunteer's running total of minutes (ARCHITECTURE.md, decision 12).
-- NULL on every existing balance: the next credit sets it from the volunteer's whole total, and the
-- ledger gets the difference (what per-sign-up rounding down had left out). No ledger row is changed.
ALTER TABLE "PointsBalance" ADD COLUMN "pointMinutes" BIGINT;
