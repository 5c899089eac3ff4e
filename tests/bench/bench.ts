// `npm run bench [-- --db URL --small URL --runs 30]` — measures the real data layer against the bench
// databases filled by `npm run bench:data` (full) and `npm run bench:data -- --scale 0.01` (small):
//   • dashboard(scope, query) for the region, a league (通辽市) and a community (小街社区), period 'year'
//     and a two-year custom period, through resolveScope of real bench users; and, for each, the very
//     SQL statements the DAL sent (captured at the pg driver), replayed raw on a pg pool with the same
//     concurrency: the "floor" (DAL p95 / raw p95);
//   • listNeeds with filters, as a county official and as the region official;
//   • sign-up throughput: 1,000 concurrent signUp(scope, taskId) on a 50-slot task from 1,000 volunteers;
//   • the region dashboard p95 at ~100 k service records (small database), for p95(10 M) / p95(100 k).
//   • over HTTP (tests/bench/http.ts), after the sign-ups: the region, league (通辽市) and county (科尔沁区)
//     officials' GET /dashboard from a production `next start` on the bench database, signed in through
//     next-auth, --http-connections (10) closed-loop connections for --http-seconds (30) each: requests,
//     req/s, p50/p95/p99, timeouts (--http-timeout 10 s); then EXPLAIN (ANALYZE, BUFFERS) of each official's
//     dashboard statements, slowest first, and the visibility map of the counter tables (relallvisible).
//     The server: `next start` of the build in --app DIR (default: here; --build builds it first, nice -n 10),
//     or --server URL of one already running; --no-http skips it. --http-only measures only this part (no
//     sign-ups added, so it can run right after bench:data; writes reports/bench-http.json unless --out).
// Prints a table and writes reports/bench.json (reports/ is gitignored).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { argValue, benchUrl, DEFAULT_URL, fmtMs, ms, PREFIX, benchId, STAFF, staffId, TENANT_ID } from './common'
import { hammer, startServer } from './http'

const argv = process.argv.slice(2)
const URL_FULL = benchUrl(argv, 1)
const URL_SMALL = argValue(argv, '--small') ?? `${DEFAULT_URL}_small`
const RUNS = Number(argValue(argv, '--runs') ?? 30)
const WARMUP = 3
const HTTP_ONLY = argv.includes('--http-only')
const NO_HTTP = argv.includes('--no-http')
if (HTTP_ONLY && NO_HTTP) throw new Error('--http-only and --no-http exclude each other')
const OUT = argValue(argv, '--out') ?? (HTTP_ONLY ? 'reports/bench-http.json' : 'reports/bench.json') // e.g. reports/bench-with-index.json for a what-if run
const HTTP = {
  server: argValue(argv, '--server'),
  app: argValue(argv, '--app') ?? process.cwd(),
  build: argv.includes('--build'),
  port: Number(argValue(argv, '--port') ?? 3410),
  seconds: Number(argValue(argv, '--http-seconds') ?? 30),
  connections: Number(argValue(argv, '--http-connections') ?? 10),
  warmup: Number(argValue(argv, '--http-warmup') ?? 5),
  single: Number(argValue(argv, '--http-single') ?? 5),
  timeoutMs: Number(argValue(argv, '--http-timeout') ?? 10) * 1000,
}
const SIGNUPS = 1000
const SLOTS = 50

process.env.DATABASE_URL = URL_FULL
const { db, disconnectDb } = await import('@/lib/server/db')
const { resolveScope } = await import('@/lib/server/authz/scope')
const dashboardModule = await import('@/lib/server/stats/dashboard')
const { dashboard } = dashboardModule
// the DAL's short-lived per-unit cache, when it has one: emptied before each measured call (the data-layer
// rows measure computing a dashboard; HTTP measures what the server does, cache included)
const dashboardCache = (dashboardModule as { dashboardCache?: { clear(): void } }).dashboardCache
const { listNeeds } = await import('@/lib/server/workflow/needs')
const { signUp } = await import('@/lib/server/workflow/tasks')
const { bump, volunteerMetric, transitionDeltas } = await import('@/lib/server/stats/counters')
const { ZNeedListQuery } = await import('@/lib/schemas/workflow')

// --- capture of the SQL the DAL sends, at the pg driver ---------------------------------------------
type Stmt = { text: string; values: unknown[] }
let capture: Stmt[][] | null = null
let inflight = 0
const origQuery = pg.Client.prototype.query
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (capture) {
    const a = args[0] as string | { text: string; values?: unknown[] }
    const stmt = typeof a === 'string' ? { text: a, values: (args[1] as unknown[]) ?? [] } : { text: a.text, values: a.values ?? [] }
    if (inflight === 0 || !capture.length) capture.push([])
    capture[capture.length - 1].push(stmt) // statements issued while another is running form one concurrent group
    inflight++
    const r = (origQuery as (...x: unknown[]) => unknown).apply(this, args)
    if (r && typeof (r as Promise<unknown>).then === 'function') return (r as Promise<unknown>).finally(() => { inflight-- })
    inflight--
    return r
  }
  return (origQuery as (...x: unknown[]) => unknown).apply(this, args)
} as typeof pg.Client.prototype.query

type Stat = { n: number; mean: number; p50: number; p95: number; min: number; max: number }
function stats(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]
  const r = (x: number) => Math.round(x * 10) / 10
  return { n: s.length, mean: r(s.reduce((a, b) => a + b, 0) / s.length), p50: r(q(0.5)), p95: r(q(0.95)), min: r(s[0]), max: r(s[s.length - 1]) }
}
async function timed(f: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < WARMUP; i++) await f()
  const xs: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await f()
    xs.push(performance.now() - t0)
  }
  return stats(xs)
}

const rows: { case: string; dal: Stat; raw?: Stat; floor?: number; statements?: number }[] = []
const line = (name: string, s: Stat, extra = '') => console.log(`${name.padEnd(48)} n=${s.n}  p50 ${String(s.p50).padStart(7)} ms  p95 ${String(s.p95).padStart(7)} ms  mean ${String(s.mean).padStart(7)} ms${extra}`)

async function scopeOf(n: number) {
  const s = await resolveScope(staffId(n))
  if (!s) throw new Error(`bench user ${n} missing: run npm run bench:data first`)
  return s
}

const TWO_YEARS = { period: 'custom', from: '2025-01-01', to: '2026-12-31' }
const raw = new pg.Pool({ connectionString: URL_FULL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })

async function benchDashboard(label: string, scopeN: number, query: object) {
  const scope = await scopeOf(scopeN)
  const once = async () => {
    fresh()
    const r = await dashboard(scope, query)
    if (!r.ok) throw new Error(`${label}: ${r.error}`)
    return r.value
  }
  const v = await once()
  const dal = await timed(once)
  capture = []
  await once()
  const groups = capture
  capture = null
  const replay = async () => {
    for (const g of groups) await Promise.all(g.map((s) => raw.query(s.text, s.values)))
  }
  const rawStat = await timed(replay)
  const floor = Math.round((dal.p95 / rawStat.p95) * 100) / 100
  rows.push({ case: label, dal, raw: rawStat, floor, statements: groups.flat().length })
  line(`${label} — DAL`, dal, `  (${v.unit.name}, ${v.children.length} children, ${v.figures.serviceRecords.toLocaleString('en')} service records in period)`)
  line(`${label} — raw SQL (${groups.flat().length} statements)`, rawStat, `  floor ×${floor}`)
  return { dal, groups }
}

async function benchList(label: string, scopeN: number, query: object) {
  const scope = await scopeOf(scopeN)
  const q = ZNeedListQuery.parse(query)
  const once = () => listNeeds(scope, q)
  const r = await once()
  const dal = await timed(once)
  capture = []
  await once()
  const groups = capture
  capture = null
  const rawStat = await timed(async () => { for (const g of groups) await Promise.all(g.map((s) => raw.query(s.text, s.values))) })
  const floor = Math.round((dal.p95 / rawStat.p95) * 100) / 100
  rows.push({ case: label, dal, raw: rawStat, floor, statements: groups.flat().length })
  line(`${label} — DAL`, dal, `  (${r.total.toLocaleString('en')} matching, page of ${r.rows.length})`)
  line(`${label} — raw SQL`, rawStat, `  floor ×${floor}`)
  return groups
}

/** A new 50-slot task in the community of order 1, and VOLUNTEER roles there for volunteers 1…1000 (counted in the roll-ups). */
async function signupBench() {
  const prisma = await db()
  const order = await prisma.order.findUniqueOrThrow({ where: { id: benchId(PREFIX.order, 1) }, select: { id: true, orgUnitId: true, orgPath: true } })
  const now = new Date()
  const volunteers = Array.from({ length: SIGNUPS }, (_, i) => benchId(PREFIX.user, i + 1))
  await prisma.$transaction(async (tx) => {
    const added = await tx.$queryRawUnsafe<{ kind: string | null }[]>(`INSERT INTO "RoleAssignment" (id, "userId", "orgUnitId", "orgPath", role)
      SELECT gen_random_uuid()::text, u, $1, $2, 'VOLUNTEER' FROM unnest($3::text[]) u ON CONFLICT ("userId", "orgUnitId", role) DO NOTHING RETURNING (SELECT kind::text FROM "VolunteerProfile" WHERE "userId" = "RoleAssignment"."userId") AS kind`,
    order.orgUnitId, order.orgPath, volunteers)
    const deltas: Record<string, number> = {}
    for (const a of added) deltas[volunteerMetric(a.kind)] = (deltas[volunteerMetric(a.kind)] ?? 0) + 1
    await bump(tx, TENANT_ID, order.orgPath, deltas, now)
  }, { timeout: 120_000 })
  const task = await prisma.$transaction(async (tx) => {
    const t = await tx.task.create({
      data: { tenantId: TENANT_ID, orgUnitId: order.orgUnitId, orgPath: order.orgPath, orderId: order.id, title: `基准报名压测 ${now.toISOString()}`, startsAt: new Date(now.getTime() + 86_400_000),
        endsAt: new Date(now.getTime() + 90_000_000), place: '社区党群服务中心', slots: SLOTS, signupDeadline: new Date(now.getTime() + 43_200_000), checkinCode: '123456', createdById: staffId(4) },
      select: { id: true },
    })
    await tx.statusChange.create({ data: { tenantId: TENANT_ID, orgPath: order.orgPath, entity: 'Task', entityId: t.id, from: null, to: 'OPEN', byUserId: staffId(4), at: now } })
    await bump(tx, TENANT_ID, order.orgPath, transitionDeltas('Task', null, 'OPEN'), now)
    return t
  })
  // one uncontended sign-up on a second task, captured: its statements and latency (what the burst serializes on)
  const probe = await prisma.task.create({ data: { tenantId: TENANT_ID, orgUnitId: order.orgUnitId, orgPath: order.orgPath, orderId: order.id, title: `基准报名探针 ${now.toISOString()}`, startsAt: new Date(now.getTime() + 86_400_000),
    endsAt: new Date(now.getTime() + 90_000_000), place: '社区党群服务中心', slots: SLOTS, signupDeadline: new Date(now.getTime() + 43_200_000), checkinCode: '123456', createdById: staffId(4) }, select: { id: true } })
  await prisma.statusChange.create({ data: { tenantId: TENANT_ID, orgPath: order.orgPath, entity: 'Task', entityId: probe.id, from: null, to: 'OPEN', byUserId: staffId(4), at: now } })
  await bump(prisma, TENANT_ID, order.orgPath, transitionDeltas('Task', null, 'OPEN'), now)
  const probeScope = (await resolveScope(volunteers[0]))!
  capture = []
  const p0 = performance.now()
  await signUp(probeScope, probe.id)
  const probeMs = Math.round((performance.now() - p0) * 10) / 10
  const probeStmts = capture.flat().map((s) => s.text.replace(/\s+/g, ' ').slice(0, 90))
  capture = null
  const lockAt = probeStmts.findIndex((t) => /FOR UPDATE/.test(t))
  const underLock = probeStmts.length - lockAt
  console.log(`one uncontended signUp: ${probeMs} ms, ${probeStmts.length} statements, ${underLock} of them from the task row lock to COMMIT:`)
  for (const t of probeStmts) console.log(`    ${t}`)
  const scopes = await Promise.all(volunteers.map((id) => resolveScope(id)))
  if (scopes.some((s) => !s)) throw new Error('volunteer scope missing')
  const t0 = performance.now()
  const results = await Promise.all(scopes.map((s) => signUp(s!, task.id).catch((e: Error) => ({ ok: false as const, error: e.message }))))
  const wall = ms(t0)
  const outcome = (r: (typeof results)[number]) => (r.ok ? r.value.status : `ERR ${'error' in r ? r.error : ''}`)
  const byOutcome: Record<string, number> = {}
  for (const r of results) byOutcome[outcome(r)] = (byOutcome[outcome(r)] ?? 0) + 1
  const inDb = await prisma.taskSignup.groupBy({ by: ['status'], where: { taskId: task.id }, _count: { _all: true } })
  const dbCount = Object.fromEntries(inDb.map((r) => [r.status, r._count._all]))
  const taken = (await prisma.task.findUniqueOrThrow({ where: { id: task.id }, select: { taken: true } })).taken
  const pass = byOutcome.CONFIRMED === SLOTS && byOutcome.WAITLISTED === SIGNUPS - SLOTS && dbCount.CONFIRMED === SLOTS && dbCount.WAITLISTED === SIGNUPS - SLOTS && taken === SLOTS
  const perSec = Math.round((SIGNUPS / wall) * 1000)
  console.log(`sign-up burst: ${SIGNUPS} concurrent signUp on a ${SLOTS}-slot task, pool ${process.env.DATABASE_POOL_SIZE ?? 10}: ${fmtMs(wall)} wall, ${perSec} sign-ups/s; results ${JSON.stringify(byOutcome)}, rows ${JSON.stringify(dbCount)}, taken ${taken} → ${pass ? 'PASS' : 'FAIL'}`)
  return { probe: { ms: probeMs, statements: probeStmts, underLock }, signups: SIGNUPS, slots: SLOTS, pool: Number(process.env.DATABASE_POOL_SIZE ?? 10), wallMs: wall, perSecond: perSec, results: byOutcome, rows: dbCount, taken, pass, taskId: task.id }
}

const started = performance.now()
const sizes = (await raw.query(`SELECT (SELECT count(*) FROM "TaskSignup" WHERE "checkOutAt" IS NOT NULL)::int AS "serviceRecords", (SELECT count(*) FROM "VolunteerProfile")::int AS volunteers,
  (SELECT count(*) FROM "Need")::int AS needs, (SELECT count(*) FROM "OrgUnit")::int AS units, (SELECT count(*) FROM "UnitCounter")::int AS counters`)).rows[0]
console.log(`bench on ${URL_FULL.replace(/\/\/[^@]*@/, '//')}: ${JSON.stringify(sizes)}; ${os.cpus().length} cores; ${HTTP_ONLY ? 'HTTP only' : `${RUNS} runs after ${WARMUP} warm-ups`}\n`)

/** The visibility map and dead rows of the counter tables: the state the dashboard reads in. */
async function counterTables() {
  const r = await raw.query(`SELECT c.relname AS "table", c.relpages::int AS pages, c.relallvisible::int AS "allVisible", s.n_live_tup::int AS live, s.n_dead_tup::int AS dead,
      s.last_vacuum AS "lastVacuum", s.last_autovacuum AS "lastAutovacuum", current_setting('autovacuum') AS autovacuum
    FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname LIKE 'UnitCounter%' ORDER BY 1`)
  return r.rows
}

/** Every statement of one dashboard call (computed: the cache emptied), timed raw (best of 3), slowest first, with EXPLAIN (ANALYZE, BUFFERS) of the slowest `top`. */
async function explainDashboard(scopeN: number, query: object, top = 4) {
  const scope = await scopeOf(scopeN)
  fresh()
  capture = []
  const r = await dashboard(scope, query)
  const groups = capture
  capture = null
  if (!r.ok) throw new Error(`dashboard ${scopeN}: ${r.error}`)
  const timedStmts: { ms: number; text: string; values: unknown[] }[] = []
  for (const s of groups.flat()) {
    if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.text.trim())) continue
    let best = Infinity // the best of three: the statement's cost, not the first read of its pages
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now()
      await raw.query(s.text, s.values)
      best = Math.min(best, performance.now() - t0)
    }
    timedStmts.push({ ms: Math.round(best * 10) / 10, text: s.text, values: s.values })
  }
  timedStmts.sort((a, b) => b.ms - a.ms)
  const out = []
  for (const [i, s] of timedStmts.entries()) {
    // long id lists in the plan are shortened to their length (a county passes 569 ids)
    const plan = i < top ? (await raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values)).rows.map((x) => String(x['QUERY PLAN']).replace(/'\{([^}]{300,})\}'/g, (_m: string, l: string) => `'{… ${l.split(',').length} values}'`)).join('\n') : undefined
    out.push({ ms: s.ms, sql: s.text.replace(/\s+/g, ' ').trim(), plan })
  }
  return { unit: r.value.unit.name, children: r.value.children.length, statements: timedStmts.length, totalMs: Math.round(timedStmts.reduce((a, s) => a + s.ms, 0) * 10) / 10, byStatement: out }
}

/** The dashboard's in-process cache (if the DAL keeps one) emptied, so a call computes. */
function fresh() {
  dashboardCache?.clear()
}

let region: Awaited<ReturnType<typeof benchDashboard>> | null = null
const explain: Record<string, string> = {}
let signup: Awaited<ReturnType<typeof signupBench>> | null = null
let small: Stat | null = null
let smallRecords = 0
let ratio = 0
if (!HTTP_ONLY) {
  region = await benchDashboard('dashboard region, year', 1, { period: 'year' })
  await benchDashboard('dashboard region, 2 years', 1, TWO_YEARS)
  await benchDashboard('dashboard league 通辽市, year', 2, { period: 'year' })
  await benchDashboard('dashboard league 通辽市, 2 years', 2, TWO_YEARS)
  await benchDashboard('dashboard county 科尔沁区, year', 3, { period: 'year' })
  await benchDashboard('dashboard community 小街社区, year', 4, { period: 'year' })
  await benchDashboard('dashboard community 小街社区, 2 years', 4, TWO_YEARS)
  const cat = benchId(PREFIX.category, 1)
  const listGroups = await benchList('needs list county 科尔沁区: RESOLVED + category', 3, { status: 'RESOLVED', categoryId: cat })
  await benchList('needs list region: OPEN + 2026 H1', 1, { status: 'OPEN', from: '2026-01-01', to: '2026-06-30' })
  const regionListGroups = await benchList('needs list region: RESOLVED + category', 1, { status: 'RESOLVED', categoryId: cat })

  // EXPLAIN ANALYZE of the slowest statement of the region dashboard and of the region needs list
  for (const [name, groups] of [['dashboard region, year', region.groups], ['needs list region', regionListGroups], ['needs list county', listGroups]] as const) {
    let slow = { ms: -1, stmt: null as Stmt | null }
    for (const s of groups.flat()) {
      const t0 = performance.now()
      await raw.query(s.text, s.values)
      const t = performance.now() - t0
      if (t > slow.ms) slow = { ms: t, stmt: s }
    }
    const plan = await raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${slow.stmt!.text}`, slow.stmt!.values)
    explain[name] = `-- ${Math.round(slow.ms)} ms\n${slow.stmt!.text}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`
  }

  signup = await signupBench()
}

// the officials' dashboards over HTTP (after the sign-ups unless --http-only), then their statements explained
const OFFICIALS = STAFF.filter((s) => s.n <= 3)
const counterTablesBefore = await counterTables()
let httpResult: { server: string; startMs?: number; cases: (Awaited<ReturnType<typeof hammer>> & { case: string; phone: string })[] } | null = null
if (!NO_HTTP) {
  const t0 = performance.now()
  const srv = HTTP.server ? null : await startServer({ dir: HTTP.app, port: HTTP.port, databaseUrl: URL_FULL, logFile: OUT.replace(/\.json$/, '') + '-server.log', build: HTTP.build })
  const origin = HTTP.server ?? srv!.origin
  httpResult = { server: HTTP.server ? origin : `next start (${path.resolve(HTTP.app)}) on ${origin}`, startMs: srv ? ms(t0) : undefined, cases: [] }
  try {
    for (const o of OFFICIALS) {
      const label = `HTTP GET /dashboard ${o.name.replace('基准 ', '')}`
      const h = await hammer({ origin, phone: o.phone, connections: HTTP.connections, seconds: HTTP.seconds, warmup: HTTP.warmup, single: HTTP.single, timeoutMs: HTTP.timeoutMs, serverPid: srv?.pid ?? null })
      httpResult.cases.push({ case: label, phone: o.phone, ...h })
      console.log(`${label.padEnd(48)} single ${h.single.join(' / ')} ms; ${h.connections} conns × ${h.seconds} s: ${h.requests} req, ${h.rps} req/s, p50 ${h.p50} p95 ${h.p95} p99 ${h.p99} max ${h.max} ms, ${h.timeouts} timeouts, ${h.errors} errors${h.serverCpuMsPerRequest != null ? `, server CPU ${h.serverCpuMsPerRequest} ms/req` : ''}, machine ${Math.round(h.machineBusy * 100)} % busy`)
      if (h.errors) console.log(`    errors: ${JSON.stringify(h.reasons)}`)
    }
  } finally {
    await srv?.stop()
  }
}
const explainDashboards: Record<string, Awaited<ReturnType<typeof explainDashboard>>> = {}
for (const o of OFFICIALS) explainDashboards[o.name.replace('基准 ', '')] = await explainDashboard(o.n, { period: 'year' })
const counterTablesAfter = await counterTables()
await raw.end()

if (!HTTP_ONLY) {
  // the same region dashboard at ~100 k service records
  await disconnectDb()
  process.env.DATABASE_URL = URL_SMALL
  const smallScope = await scopeOf(1)
  small = await timed(async () => { fresh(); const r = await dashboard(smallScope, { period: 'year' }); if (!r.ok) throw new Error(r.error) })
  smallRecords = Number((await (await db()).$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "TaskSignup" WHERE "checkOutAt" IS NOT NULL`))[0].n)
  ratio = Math.round((region!.dal.p95 / small.p95) * 100) / 100
  line(`dashboard region, year @ ${smallRecords.toLocaleString('en')} records`, small, `  p95(${(sizes.serviceRecords / 1e6).toFixed(0)} M)/p95(100 k) = ${ratio}`)
}
await disconnectDb()

const HTTP_P95 = 200
const targets: Record<string, { target: string; measured: number | string | null; met: boolean }> = {}
if (region && signup && small) {
  targets.regionDashboardP95 = { target: '≤ 150 ms', measured: region.dal.p95, met: region.dal.p95 <= 150 }
  targets.scaling = { target: 'p95(10 M) ≤ 2 × p95(100 k)', measured: ratio, met: ratio <= 2 }
  targets.signups = { target: '≥ 500 sign-ups/s, exactly 50 accepted', measured: signup.perSecond, met: signup.perSecond >= 500 && signup.pass }
}
for (const c of httpResult?.cases ?? []) targets[c.case] = { target: `p95 ≤ ${HTTP_P95} ms at ${c.connections} connections, no timeouts or errors`, measured: c.p95, met: c.p95 != null && c.p95 <= HTTP_P95 && c.errors === 0 }

// the table: data layer and HTTP side by side
console.log('\n| case | p50 ms | **p95 ms** | p99 ms | mean ms | req/s | timeouts |\n|---|---|---|---|---|---|---|')
for (const r of rows) console.log(`| ${r.case} (DAL, ${r.dal.n} runs) | ${r.dal.p50} | **${r.dal.p95}** | | ${r.dal.mean} | | |`)
for (const c of httpResult?.cases ?? []) console.log(`| ${c.case} (${c.connections} conns × ${c.seconds} s, ${c.requests} req) | ${c.p50} | **${c.p95}** | ${c.p99} | ${c.mean} | ${c.rps} | ${c.timeouts} |`)
console.log('\nTargets:')
for (const [k, t] of Object.entries(targets)) console.log(`  ${k}: ${t.target} — measured ${t.measured} → ${t.met ? 'MET' : 'NOT MET'}`)
for (const [k, v] of Object.entries(explain)) console.log(`\nEXPLAIN ANALYZE, slowest statement of ${k}:\n${v}`)
for (const [k, v] of Object.entries(explainDashboards)) {
  console.log(`\nDashboard of ${k} (${v.unit}, ${v.children} children): ${v.statements} statements, ${v.totalMs} ms raw in sequence; slowest:`)
  for (const s of v.byStatement.slice(0, 6)) console.log(`  ${String(s.ms).padStart(7)} ms  ${s.sql.slice(0, 150)}`)
  for (const s of v.byStatement.filter((x) => x.plan)) console.log(`\n-- ${s.ms} ms: ${s.sql.slice(0, 200)}\n${s.plan}`)
}
console.log(`\ncounter tables before HTTP: ${JSON.stringify(counterTablesBefore)}\nafter: ${JSON.stringify(counterTablesAfter)}`)
const idxPool = new pg.Pool({ connectionString: URL_FULL, max: 1 })
const indexes = (await idxPool.query(`SELECT tablename || '.' || indexname AS i FROM pg_indexes WHERE tablename LIKE 'UnitCounter%' ORDER BY 1`)).rows.map((r) => r.i)
await idxPool.end()
fs.mkdirSync(path.dirname(path.resolve(OUT)), { recursive: true })
fs.writeFileSync(path.resolve(OUT), JSON.stringify({ mode: HTTP_ONLY ? 'http-only' : NO_HTTP ? 'no-http' : 'full', unitCounterIndexes: indexes,
  at: new Date().toISOString(), machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavg: os.loadavg() },
  database: { full: URL_FULL.replace(/\/\/[^@]*@/, '//'), small: URL_SMALL.replace(/\/\/[^@]*@/, '//'), sizes, smallServiceRecords: smallRecords },
  runs: RUNS, warmup: WARMUP, rows, regionSmall: small, ratio, signup, http: httpResult ? { ...httpResult, settings: HTTP } : null, counterTables: { beforeHttp: counterTablesBefore, after: counterTablesAfter },
  targets, explain, explainDashboards,
}, (_, v) => (typeof v === 'bigint' ? Number(v) : v), 2))
console.log(`\nUnitCounter indexes: ${indexes.join(', ')}\nwrote ${OUT} [${fmtMs(ms(started))}]`)
process.exit(0)
