// `npm run bench:data [-- --scale 0.01] [--db URL]` — fills a ronghe_bench* database with a full roll-out
// of Inner Mongolia for the benchmark (tests/bench/bench.ts): 1 region, 12 leagues, 103 banners, all
// 14,592 village-level units (prisma/data/nm-villages.json), and, at scale 1, 1,000,000 volunteers,
// 300,000 needs with their status history, 200,000 claimed orders with one 50-slot task each and
// 10,000,000 checked-out sign-ups (service records) over 2025-01-01 … 2026-12-31, then the roll-up
// counters (UnitCounter, and by month UnitCounterMonth) from those records. The database is dropped,
// re-created and migrated first.
//
// Everything is set-based SQL (INSERT … SELECT FROM generate_series) whose values are deterministic
// functions of the row number (hashint8extended(i, salt)), with deterministic ids: two runs give the
// same rows. Nothing the app relies on is disabled (constraints, foreign keys and indexes stay on).
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { hashPassword } from '@/lib/server/auth/password'
import { DEFAULT_CATEGORIES } from '@/lib/server/workflow/categories'
import { argValue, benchId, benchUrl, fmtMs, ms, PREFIX, recreate, STAFF, staffId, TENANT_ID } from './common'
import { countersSql, monthsSql } from './counters-sql'

const argv = process.argv.slice(2)
const scale = Number(argValue(argv, '--scale') ?? process.env.BENCH_SCALE ?? 1)
if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]')
const url = benchUrl(argv, scale)
const SIGNUPS_PER_TASK = 50
const V = Math.round(1_000_000 * scale) // volunteers
const NEEDS = Math.round(300_000 * scale)
const T = Math.round(200_000 * scale) // tasks = claimed orders = service items = served needs
const S = T * SIGNUPS_PER_TASK // service records
const CHUNK = 1_000_000

type Villages = { source: string; streets: Record<string, string>; units: [string, string, string, string][] }
type Division = { code: string; name: string; children: { code: string; name: string; children: { code: string; name: string }[] }[] }

/** h(expr, salt, n): a deterministic pseudo-random integer in [0, n) of a row number. */
const h = (expr: string, salt: number, n: number | string) => `((hashint8extended((${expr})::bigint, ${salt}) & 9223372036854775807) % (${n}))`
const bid = (prefix: string, expr: string) => `('${prefix}-0000-4000-8000-' || lpad(to_hex((${expr})::bigint), 12, '0'))`

const steps: { step: string; ms: number; rows?: number }[] = []
const started = performance.now()
async function step<T>(name: string, f: () => Promise<T>, rows?: number): Promise<T> {
  const t0 = performance.now()
  process.stdout.write(`… ${name}\n`)
  const r = await f()
  steps.push({ step: name, ms: ms(t0), rows })
  console.log(`✓ ${name}${rows != null ? ` (${rows.toLocaleString('en')} rows)` : ''}: ${fmtMs(ms(t0))}  [total ${fmtMs(ms(started))}]`)
  return r
}

async function connect() {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  await c.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`)
  return c
}

/** Per-connection lookup of community number → id/path (temp table, 14,592 rows). */
async function communityTable(c: pg.Client, ids: string[], paths: string[]) {
  await c.query(`CREATE TEMP TABLE bc (n int PRIMARY KEY, id text NOT NULL, path text COLLATE "C" NOT NULL)`)
  await c.query(`INSERT INTO bc SELECT * FROM unnest($1::int[], $2::text[], $3::text[])`, [ids.map((_, i) => i + 1), ids, paths])
  await c.query('ANALYZE bc')
}

// --- expressions shared by several tables (need i ↔ service item/order/task t = i for i ≤ T) --------
const N = '(SELECT count(*) FROM bc)'
const communityOf = (i: string, n: string) => `(1 + ${h(i, 11, n)})`
/** the need's recording moment: a day of 2025-01-01 … 2026-12-01, 09:00–17:00 China time */
const d0 = (i: string) => `(timestamptz '2025-01-01 09:00:00+08' + ${h(i, 12, 700)} * interval '1 day' + ${h(i, 13, 480)} * interval '1 minute')`
const CHAIN = `ARRAY['OPEN','MATCHED','DISPATCHED','IN_SERVICE','RESOLVED','CLOSED','REJECTED']`
const OFFSET = `ARRAY[interval '0', interval '1 day', interval '2 days', interval '3 days', interval '5 days', interval '7 days']`
/** status index of need i: served needs (i ≤ T) are IN_SERVICE/RESOLVED/CLOSED; others OPEN/MATCHED/DISPATCHED/REJECTED(6) */
const statusIx = (i: string) => `(CASE WHEN ${i} <= ${T} THEN (ARRAY[3,3,3,4,4,4,4,5,5,5,5,5,5])[1 + ${h(i, 14, 13)}]
  ELSE (ARRAY[0,0,0,0,0,0,0,1,1,1,1,1,2,2,2,2,6,6,6,6])[1 + ${h(i, 14, 20)}] END)`

async function main() {
  console.log(`bench:data scale ${scale} → ${url.replace(/\/\/[^@]*@/, '//')}`)
  console.log(`  ${V.toLocaleString('en')} volunteers, ${NEEDS.toLocaleString('en')} needs, ${T.toLocaleString('en')} tasks × ${SIGNUPS_PER_TASK} = ${S.toLocaleString('en')} service records`)
  await step('drop, create and migrate the database', () => recreate(url))
  const c = await connect()
  const c2 = await connect()

  // --- the hierarchy ------------------------------------------------------------------------------
  const vil = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'prisma/data/nm-villages.json'), 'utf8')) as Villages
  const nm = (JSON.parse(fs.readFileSync(path.join(process.cwd(), 'prisma/data/divisions.json'), 'utf8')) as { tenants: Division[] }).tenants.find((t) => t.code === '150000')!
  type U = { id: string; parentId: string | null; level: string; name: string; code: string; sub: string | null; subCode: string | null; path: string; depth: number; pilot: boolean }
  const units: U[] = []
  const byCode = new Map<string, U>()
  let k = 0
  const add = (parent: U | null, level: string, code: string, name: string, depth: number, street: string | null = null, pilot = false) => {
    const id = benchId(PREFIX.unit, ++k)
    const u: U = { id, parentId: parent?.id ?? null, level, name, code, sub: street ? vil.streets[street] ?? null : null, subCode: street, path: `${parent?.path ?? '/'}${id}/`, depth, pilot }
    units.push(u)
    byCode.set(code, u)
    return u
  }
  const region = add(null, 'REGION', nm.code, nm.name, 0)
  for (const l of nm.children) {
    const league = add(region, 'LEAGUE_CITY', l.code, l.name, 1)
    for (const county of l.children) add(league, 'BANNER_COUNTY', county.code, county.name, 2)
  }
  // ~100 pilot communities (102), spread evenly over the code order, plus 小街社区, which the source names
  const pilotEvery = Math.floor(vil.units.length / 100)
  vil.units.forEach(([code, name, countyCode, street], i) => add(byCode.get(countyCode)!, 'COMMUNITY', code, name, 3, street, i % pilotEvery === 0 || code === '150502006005'))
  const communities = units.filter((u) => u.level === 'COMMUNITY')
  const counts = { leagues: units.filter((u) => u.level === 'LEAGUE_CITY').length, counties: units.filter((u) => u.level === 'BANNER_COUNTY').length, communities: communities.length }

  await step('tenant, categories, 14,708 org units, teams, staff', async () => {
    await c.query(`INSERT INTO "Tenant" (id, code, name) VALUES ($1, '150000', '内蒙古自治区')`, [TENANT_ID])
    await c.query(`INSERT INTO "ServiceCategory" (id, "tenantId", code, name, "sortOrder") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])`, [
      DEFAULT_CATEGORIES.map((_, i) => benchId(PREFIX.category, i + 1)), DEFAULT_CATEGORIES.map(() => TENANT_ID), DEFAULT_CATEGORIES.map(([code]) => code), DEFAULT_CATEGORIES.map(([, name]) => name), DEFAULT_CATEGORIES.map((_, i) => i),
    ])
    const col = <K extends keyof U>(key: K) => units.map((u) => u[key])
    await c.query(`INSERT INTO "OrgUnit" (id, "tenantId", "parentId", level, name, code, "subDistrict", "subDistrictCode", path, depth, "pilotBatch", "pilotStart", "pilotEnd", "createdAt", "updatedAt")
      SELECT id, $11, parent, level::"OrgLevel", name, code, sub, subcode, path, depth, CASE WHEN pilot THEN '2026年第一批' END, CASE WHEN pilot THEN date '2026-03-01' END, CASE WHEN pilot THEN date '2027-02-28' END, timestamp '2024-12-01', timestamp '2024-12-01'
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::bool[]) AS x(id, parent, level, name, code, sub, subcode, path, depth, pilot)`,
    [col('id'), col('parentId'), col('level'), col('name'), col('code'), col('sub'), col('subCode'), col('path'), col('depth'), col('pilot'), TENANT_ID])
    for (const cl of [c, c2]) await communityTable(cl, communities.map((u) => u.id), communities.map((u) => u.path))
    await c.query(`INSERT INTO "Team" (id, "tenantId", "orgUnitId", "orgPath", name, kind, description, "createdAt")
      SELECT ${bid(PREFIX.team, 'n')}, $1, id, path, '志愿服务队', 'VOLUNTEER_TEAM', '基准数据', timestamp '2024-12-01' FROM bc`, [TENANT_ID])
    const hash = await hashPassword('Ronghe@2026')
    for (const s of STAFF) {
      const u = byCode.get(s.unitCode)!
      await c.query(`INSERT INTO "User" (id, "tenantId", phone, name, "passwordHash", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, timestamp '2024-12-01', timestamp '2024-12-01')`, [staffId(s.n), TENANT_ID, s.phone, s.name, hash])
      await c.query(`INSERT INTO "RoleAssignment" (id, "userId", "orgUnitId", "orgPath", role, "createdAt") VALUES ($1, $1, $2, $3, $4::"Role", timestamp '2024-12-01')`, [staffId(s.n), u.id, u.path, s.role])
    }
  })
  const admin = staffId(4)

  // --- volunteers: user + VOLUNTEER role + profile; volunteer v lives in community ⌊(v−1)·N/V⌋+1 ------
  const vHash = await hashPassword('Ronghe@2026')
  const volCommunity = `(((v - 1) * ${N}) / ${V} + 1)`
  const volCreated = `(timestamptz '2025-01-01 08:00:00+08' + ${h('v', 1, 700)} * interval '1 day' + ${h('v', 2, 720)} * interval '1 minute')`
  for (const [name, sql] of [
    ['volunteers: User', `INSERT INTO "User" (id, "tenantId", phone, name, "passwordHash", "createdAt", "updatedAt")
      SELECT ${bid(PREFIX.user, 'v')}, $1, '17' || lpad(v::text, 9, '0'), '志愿者' || v, $2, ${volCreated}, ${volCreated} FROM generate_series($3::bigint, $4::bigint) v`],
    ['volunteers: RoleAssignment VOLUNTEER', `INSERT INTO "RoleAssignment" (id, "userId", "orgUnitId", "orgPath", role, "createdAt")
      SELECT ${bid(PREFIX.role, 'v')}, ${bid(PREFIX.user, 'v')}, bc.id, bc.path, 'VOLUNTEER', ${volCreated} FROM generate_series($3::bigint, $4::bigint) v JOIN bc ON bc.n = ${volCommunity} WHERE $1::text IS NOT NULL AND $2::text IS NOT NULL`],
    ['volunteers: VolunteerProfile', `INSERT INTO "VolunteerProfile" ("userId", "tenantId", "orgUnitId", "orgPath", "realName", gender, "birthYear", kind, skills, availability, "createdAt", "updatedAt")
      SELECT ${bid(PREFIX.user, 'v')}, $1, bc.id, bc.path, '志愿者' || v, (ARRAY['MALE','FEMALE'])[1 + ${h('v', 3, 2)}]::"Gender", 1950 + ${h('v', 4, 56)}::int,
        (ARRAY['PARTY_MEMBER','PARTY_MEMBER','YOUTH','YOUTH','YOUTH','VETERAN','ELDERLY','ELDERLY','OTHER','OTHER'])[1 + ${h('v', 5, 10)}]::"VolunteerKind", '{}', '{}', ${volCreated}, ${volCreated}
      FROM generate_series($3::bigint, $4::bigint) v JOIN bc ON bc.n = ${volCommunity} WHERE $2::text IS NOT NULL`],
  ] as const) {
    await step(name, async () => {
      for (let a = 1; a <= V; a += CHUNK) await c.query(sql, [TENANT_ID, vHash, a, Math.min(V, a + CHUNK - 1)])
    }, V)
  }

  // --- needs and their history; service items, claimed orders, tasks for the served ones -----------
  const cat = (i: string) => `('${PREFIX.category}-0000-4000-8000-' || lpad(to_hex(1 + ${h(i, 15, DEFAULT_CATEGORIES.length)}), 12, '0'))`
  await step('needs', () => c.query(`INSERT INTO "Need" (id, "tenantId", "orgUnitId", "orgPath", title, description, "categoryId", "targetGroup", source, urgency, "peopleAffected", status,
      "rejectReason", outcome, satisfaction, "resolvedAt", "createdById", "createdAt", "updatedAt")
    SELECT ${bid(PREFIX.need, 'i')}, $1, bc.id, bc.path, '需求 ' || i, '基准数据：居民需求 ' || i, ${cat('i')},
      (ARRAY['ELDERLY','CHILDREN','DISABLED','IN_DIFFICULTY','NEW_EMPLOYMENT','ALL_RESIDENTS'])[1 + ${h('i', 16, 6)}]::"TargetGroup",
      (ARRAY['VISIT','SURVEY','GRID_PATROL','HOTLINE','WALK_IN'])[1 + ${h('i', 17, 5)}]::"NeedSource",
      (ARRAY['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + ${h('i', 18, 5)}]::"Urgency",
      1 + ${h('i', 19, 20)}::int, (${CHAIN})[1 + s]::"NeedStatus",
      CASE WHEN s = 6 THEN '不属于服务范围' END, CASE WHEN s IN (4, 5) THEN '已解决' END, CASE WHEN s IN (4, 5) THEN 3 + ${h('i', 20, 3)}::int END,
      CASE WHEN s IN (4, 5) THEN t0 + interval '5 days' END, $2, t0, t0 + CASE WHEN s = 6 THEN interval '1 day' ELSE (${OFFSET})[1 + s] END
    FROM (SELECT i, ${statusIx('i')} AS s, ${d0('i')} AS t0 FROM generate_series(1, ${NEEDS}) i) x JOIN bc ON bc.n = ${communityOf('i', N)}`, [TENANT_ID, admin]), NEEDS)

  await step('needs: StatusChange history', async () => {
    const r = await c.query(`INSERT INTO "StatusChange" (id, "tenantId", "orgPath", entity, "entityId", "from", "to", "byUserId", at)
      SELECT ${bid(PREFIX.change, 'i * 8 + k')}, $1, bc.path, 'Need', ${bid(PREFIX.need, 'i')},
        CASE WHEN k = 0 THEN NULL WHEN s = 6 THEN 'OPEN' ELSE (${CHAIN})[k] END, CASE WHEN s = 6 AND k = 1 THEN 'REJECTED' ELSE (${CHAIN})[1 + k] END, $2,
        t0 + CASE WHEN s = 6 AND k = 1 THEN interval '1 day' ELSE (${OFFSET})[1 + k] END
      FROM (SELECT i, ${statusIx('i')} AS s, ${d0('i')} AS t0 FROM generate_series(1, ${NEEDS}) i) x
      CROSS JOIN LATERAL generate_series(0, CASE WHEN s = 6 THEN 1 ELSE s END) k JOIN bc ON bc.n = ${communityOf('i', N)}`, [TENANT_ID, admin])
    return r.rowCount
  })

  await step('service items, claimed orders, tasks (+ their StatusChange)', async () => {
    const base = `FROM (SELECT t, ${d0('t')} AS t0 FROM generate_series(1, ${T}) t) x JOIN bc ON bc.n = ${communityOf('t', N)}`
    await c.query(`INSERT INTO "ServiceItem" (id, "tenantId", "orgUnitId", "orgPath", "needId", "categoryId", title, description, status, "createdById", "createdAt")
      SELECT ${bid(PREFIX.item, 't')}, $1, bc.id, bc.path, ${bid(PREFIX.need, 't')}, ${cat('t')}, '服务 ' || t, '基准数据：服务 ' || t, 'PUBLISHED', $2, t0 + interval '1 day' ${base}`, [TENANT_ID, admin])
    await c.query(`INSERT INTO "Order" (id, "tenantId", "orgUnitId", "orgPath", "serviceItemId", status, "claimedByTeamId", "dispatchedById", "claimedById", "dispatchedAt", "claimedAt")
      SELECT ${bid(PREFIX.order, 't')}, $1, bc.id, bc.path, ${bid(PREFIX.item, 't')}, 'CLAIMED', ${bid(PREFIX.team, 'bc.n')}, $2, $2, t0 + interval '2 days', t0 + interval '2 days 1 hour' ${base}`, [TENANT_ID, admin])
    await c.query(`INSERT INTO "Task" (id, "tenantId", "orgUnitId", "orgPath", "orderId", title, "startsAt", "endsAt", place, slots, taken, "signupDeadline", "checkinCode", status, "createdById", "createdAt", "updatedAt")
      SELECT ${bid(PREFIX.task, 't')}, $1, bc.id, bc.path, ${bid(PREFIX.order, 't')}, '志愿任务 ' || t, t0 + interval '3 days', t0 + interval '3 days 5 hours', '社区党群服务中心',
        ${SIGNUPS_PER_TASK}, ${SIGNUPS_PER_TASK}, t0 + interval '3 days' - interval '1 hour', lpad(${h('t', 30, 1_000_000)}::text, 6, '0'), 'DONE', $2, t0 + interval '2 days 2 hours', t0 + interval '3 days 5 hours' ${base}`, [TENANT_ID, admin])
    await c.query(`INSERT INTO "StatusChange" (id, "tenantId", "orgPath", entity, "entityId", "from", "to", "byUserId", at)
      SELECT ${bid(PREFIX.change, '3000000 + t * 2 + k')}, $1, bc.path, 'Order', ${bid(PREFIX.order, 't')}, CASE WHEN k = 1 THEN 'DISPATCHED' END, (ARRAY['DISPATCHED','CLAIMED'])[1 + k], $2,
        t0 + interval '2 days' + k * interval '1 hour' ${base} CROSS JOIN generate_series(0, 1) k
      UNION ALL
      SELECT ${bid(PREFIX.change, '4000000 + t * 2 + k')}, $1, bc.path, 'Task', ${bid(PREFIX.task, 't')}, CASE WHEN k = 1 THEN 'OPEN' END, (ARRAY['OPEN','DONE'])[1 + k], $2,
        t0 + CASE WHEN k = 0 THEN interval '2 days 2 hours' ELSE interval '3 days 5 hours' END ${base} CROSS JOIN generate_series(0, 1) k`, [TENANT_ID, admin])
  }, T)

  // --- 10 M service records: checked-out sign-ups, and the CHECKED_OUT status change of each ----------
  // sign-up j: task t = ⌈j/50⌉, place k; volunteers from the task's community when it has ≥ 50, else any
  const sub = `SELECT j, t, k, c, ${d0('t')} + interval '3 days' + ${h('j', 22, 20)} * interval '1 minute' AS cin, 30 + ${h('j', 23, 211)} AS m,
      CASE WHEN cnt >= ${SIGNUPS_PER_TASK} THEN vs + (${h('t', 21, 'greatest(cnt, 1)')} + k) % greatest(cnt, 1) ELSE 1 + (${h('t', 21, V)} + k) % ${V} END AS u
    FROM (SELECT j, t, k, c, ((c - 1) * ${V}) / n + 1 AS vs, (c * ${V}) / n - ((c - 1) * ${V}) / n AS cnt
      FROM (SELECT j, (j - 1) / ${SIGNUPS_PER_TASK} + 1 AS t, (j - 1) % ${SIGNUPS_PER_TASK} AS k, n FROM generate_series($2::bigint, $3::bigint) j, (SELECT ${N}::bigint AS n) nn) a,
      LATERAL (SELECT ${communityOf('a.t', 'a.n')} AS c) cc) b`
  const signupSql = `INSERT INTO "TaskSignup" (id, "taskId", "userId", status, "createdAt", "updatedAt", "checkInAt", "checkOutAt", minutes)
    SELECT ${bid(PREFIX.signup, 'j')}, ${bid(PREFIX.task, 't')}, ${bid(PREFIX.user, 'u')}, 'CONFIRMED', cin - interval '20 hours', cin + m * interval '1 minute', cin, cin + m * interval '1 minute', m
    FROM (${sub}) s WHERE $1::text IS NOT NULL`
  const changeSql = `INSERT INTO "StatusChange" (id, "tenantId", "orgPath", entity, "entityId", "from", "to", "byUserId", note, at)
    SELECT ${bid(PREFIX.change, '10000000 + j')}, $1, bc.path, 'TaskSignup', ${bid(PREFIX.signup, 'j')}, 'CHECKED_IN', 'CHECKED_OUT', ${bid(PREFIX.user, 'u')}, m::text, cin + m * interval '1 minute'
    FROM (${sub}) s JOIN bc ON bc.n = s.c`
  await step(`service records: TaskSignup ∥ StatusChange CHECKED_OUT (2 connections, ${CHUNK.toLocaleString('en')} per statement)`, async () => {
    const run = async (cl: pg.Client, sql: string, label: string) => {
      for (let a = 1; a <= S; a += CHUNK) {
        const t0 = performance.now()
        const b = Math.min(S, a + CHUNK - 1)
        await cl.query(sql, [TENANT_ID, a, b])
        console.log(`    ${label} ${b.toLocaleString('en')}/${S.toLocaleString('en')} (${fmtMs(ms(t0))})`)
      }
    }
    await Promise.all([run(c, signupSql, 'TaskSignup'), run(c2, changeSql, 'StatusChange')])
  }, S)

  // --- roll-up counters from the records, then statistics ------------------------------------------
  await step('roll-up counters (UnitCounter) from the records', async () => {
    await c.query(`SET work_mem = '1GB'`)
    for (const sql of countersSql()) await c.query(sql, [TENANT_ID])
    return (await c.query(`SELECT count(*)::int AS n FROM "UnitCounter"`)).rows[0].n
  })
  await step('month roll-ups (UnitCounterMonth) from the daily rows', async () => {
    for (const sql of monthsSql()) await c.query(sql, [TENANT_ID])
    return (await c.query(`SELECT count(*)::int AS n FROM "UnitCounterMonth"`)).rows[0].n
  })
  await step('ANALYZE', () => c.query('ANALYZE'))

  const sizes = (await c.query(`SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "TaskSignup")::int AS signups, (SELECT count(*) FROM "StatusChange")::int AS changes,
    (SELECT count(*) FROM "Need")::int AS needs, (SELECT count(*) FROM "Task")::int AS tasks, (SELECT count(*) FROM "UnitCounter")::int AS counters, (SELECT count(*) FROM "UnitCounterMonth")::int AS "counterMonths", pg_size_pretty(pg_database_size(current_database())) AS size`)).rows[0]
  await c.end()
  await c2.end()
  const total = ms(started)
  console.log(`\nunits: 1 region, ${counts.leagues} leagues, ${counts.counties} banners/counties, ${counts.communities} communities/villages`)
  console.log(`rows: ${JSON.stringify(sizes)}`)
  console.log(`total ${fmtMs(total)}`)
  const out = path.join(process.cwd(), 'reports')
  fs.mkdirSync(out, { recursive: true })
  fs.writeFileSync(path.join(out, `bench-data-${scale}.json`), JSON.stringify({ scale, url: url.replace(/\/\/[^@]*@/, '//'), at: new Date().toISOString(), units: counts, sizes, steps, totalMs: total }, null, 2))
}

await main()
process.exit(0)
