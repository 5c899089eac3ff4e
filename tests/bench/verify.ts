// `tsx --conditions=react-server tests/bench/verify.ts [--db URL]` (default: ronghe_bench_small): checks that the
// bulk counters (tests/bench/counters-sql.ts: days and months) equal rebuildCounters (lib/server/stats/rebuild.ts)
// row for row, then rolls the rebuild back. Run it on the small database: rebuildCounters on 10 M records
// takes much longer than the set-based generation (it expands every record to all four levels).
import { argValue, benchUrl, fmtMs, ms, TENANT_ID } from './common'

const url = argValue(process.argv, '--db') ?? benchUrl(process.argv, 0.01)
process.env.DATABASE_URL = url
const { db, disconnectDb } = await import('@/lib/server/db')
const { rebuildCounters } = await import('@/lib/server/stats/rebuild')
const prisma = await db()
const t0 = performance.now()
let result = ''
await prisma
  .$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE bulk ON COMMIT DROP AS SELECT "orgUnitId", "metric", "day", "value" FROM "UnitCounter" WHERE "tenantId" = '${TENANT_ID}'`)
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE bulk_months ON COMMIT DROP AS SELECT "orgUnitId", "metric", "month", "value" FROM "UnitCounterMonth" WHERE "tenantId" = '${TENANT_ID}'`)
    const t1 = performance.now()
    await rebuildCounters(tx, TENANT_ID)
    const rebuildMs = ms(t1)
    const [r] = await tx.$queryRawUnsafe<{ bulk: bigint; rebuilt: bigint; only_bulk: bigint; only_rebuilt: bigint }[]>(`SELECT
      (SELECT count(*) FROM bulk) AS bulk, (SELECT count(*) FROM "UnitCounter" WHERE "tenantId" = '${TENANT_ID}') AS rebuilt,
      (SELECT count(*) FROM (SELECT * FROM bulk EXCEPT SELECT "orgUnitId", "metric", "day", "value" FROM "UnitCounter" WHERE "tenantId" = '${TENANT_ID}') a) AS only_bulk,
      (SELECT count(*) FROM (SELECT "orgUnitId", "metric", "day", "value" FROM "UnitCounter" WHERE "tenantId" = '${TENANT_ID}' EXCEPT SELECT * FROM bulk) b) AS only_rebuilt`)
    const [m] = await tx.$queryRawUnsafe<{ bulk: bigint; rebuilt: bigint; only_bulk: bigint; only_rebuilt: bigint }[]>(`SELECT
      (SELECT count(*) FROM bulk_months) AS bulk, (SELECT count(*) FROM "UnitCounterMonth" WHERE "tenantId" = '${TENANT_ID}') AS rebuilt,
      (SELECT count(*) FROM (SELECT * FROM bulk_months EXCEPT SELECT "orgUnitId", "metric", "month", "value" FROM "UnitCounterMonth" WHERE "tenantId" = '${TENANT_ID}') a) AS only_bulk,
      (SELECT count(*) FROM (SELECT "orgUnitId", "metric", "month", "value" FROM "UnitCounterMonth" WHERE "tenantId" = '${TENANT_ID}' EXCEPT SELECT * FROM bulk_months) b) AS only_rebuilt`)
    const same = r.only_bulk === 0n && r.only_rebuilt === 0n && m.only_bulk === 0n && m.only_rebuilt === 0n && m.bulk > 0n
    result = `${same ? 'PASS' : 'FAIL'}: bulk counters ${r.bulk} rows, rebuildCounters ${r.rebuilt} rows (rebuild took ${fmtMs(rebuildMs)}); only in bulk ${r.only_bulk}, only in rebuild ${r.only_rebuilt}; ` +
      `months: bulk ${m.bulk} rows, rebuilt ${m.rebuilt}; only in bulk ${m.only_bulk}, only in rebuild ${m.only_rebuilt}`
    throw new Error('rollback')
  }, { timeout: 3_600_000, maxWait: 60_000 })
  .catch((e) => { if ((e as Error).message !== 'rollback') throw e })
console.log(`${result} [${fmtMs(ms(t0))}]`)
await disconnectDb()
process.exit(result.startsWith('PASS') ? 0 : 1)
