// `npm run load [-- --duration 300 --connections 40 --reuse --no-build]` — a load test over HTTP on
// loopback: `next start` (production build) on PostgreSQL, mixed traffic of volunteers browsing and
// signing up and officials opening dashboards, for --duration seconds. Not part of `npm test` or CI.
//
//   1. database `ronghe_load` (or --db / LOAD_DATABASE_URL; only ronghe_load* names): dropped, created,
//      migrated (prisma/migrator.mjs) and seeded (prisma/seed.ts), unless --reuse finds it; then load data
//      through the real data layer: per community (小街社区 and the next communities of 科尔沁区) a load
//      admin, a team leader with a team, volunteers (VOLUNTEER role at the community, the demo password),
//      and enough open tasks (need → service item → order claimed → tasks) that no volunteer runs out of
//      tasks to sign up for during the run;
//   2. `next build` (nice -n 10; skipped with --no-build), then `next start` on --port (3400) with
//      DATABASE_URL → the load database and RATE_LIMIT_IP_FACTOR=1000 (every request comes from one IP);
//   3. every virtual user signs in over HTTP (next-auth credentials: csrf, then callback) and keeps its cookie;
//   4. --warmup seconds (not recorded), then --duration seconds of closed-loop traffic on --connections
//      connections, no think time: each connection sends its next request when the previous reply is in.
//      Volunteer connections (each owns a disjoint set of volunteers: one user never has two requests in
//      flight) cycle through their volunteers; a visit is GET /, GET /tasks, GET /tasks/<id>, and — when
//      that volunteer's last sign-up is at least --signup-every seconds ago — a POST of the sign-up server
//      action for a task they have not signed up for. Official connections (--official-share of them, one
//      official each) open GET /dashboard, GET /dashboard?period=…, and GET /dashboard?unit=<child>&period=….
//   5. Error = network error, timeout, a status other than 200, a page without its marker (a 200 that is
//      not the expected page, e.g. an error boundary), a sign-up reply other than {ok:true,
//      message: tasks.confirmed | tasks.waitlisted} (tasks.already is counted apart, as expected; the
//      harness avoids it). After the run the database is checked: taken = confirmed ≤ slots per task, a
//      waitlist only on a full task, and one sign-up row per accepted reply. The server's log is scanned
//      for errors.
// Prints a table per request kind and overall (count, req/s, p50/p95/p99/max ms, errors), writes
// reports/load.json (--out), and exits 1 on any error, inconsistency or server error line.
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  cli, cookieHeader, cpuSnapshot, buildId, demoPasswordHash, ensureTasks, httpClient, inParallel, keepCookies, loadCommunities, loadVolunteers,
  nextBuild, prepareDatabase, r1, seedIfEmpty, startNextServer, Stats, stepLog, summarize, TICK_MS, type Jar, type LoadCommunity, type Reply,
} from './harness'

// ───────────────────────── options ─────────────────────────
const argv = process.argv.slice(2)
const { arg, num, has } = cli(argv)
const DURATION_S = num('--duration', 300)
const WARMUP_S = num('--warmup', 15)
const CONNECTIONS = Math.max(2, Math.round(num('--connections', 40)))
const OFFICIAL_SHARE = num('--official-share', 0.125)
const VOLUNTEERS = Math.round(num('--volunteers', 300))
const COMMUNITIES = Math.max(1, Math.round(num('--communities', 6)))
const SIGNUP_EVERY_S = num('--signup-every', 20) // one volunteer signs up at most this often (3 a minute)
const PORT = Math.round(num('--port', 3400))
const SEED = Math.round(num('--seed', 1))
const TIMEOUT_MS = 30_000
const REUSE = has('--reuse')
const BUILD = !has('--no-build')
const OUT = arg('--out') ?? 'reports/load.json'
const OFFICIAL_PHONES = ['13900000001' /* region */, '13900000002' /* 通辽市 */, '13900000004' /* 科尔沁区 */, '13900000003' /* 兴安盟 */, '13900000010' /* 乌兰浩特市 */]
const DB_URL = arg('--db') ?? process.env.LOAD_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/ronghe_load'
const DB_NAME = new URL(DB_URL).pathname.slice(1)
const ALLOWED_DB = /^ronghe_load\w*$/
if (!ALLOWED_DB.test(DB_NAME)) throw new Error(`refusing to use database "${DB_NAME}": only ronghe_load* databases`)

// the load database's own secrets: the data key is derived from its name so a --reuse run reads the seed's
// encrypted fields; the session secret is new each run (every run signs in afresh)
const DATA_KEY = process.env.DATA_ENCRYPTION_KEY ?? createHash('sha256').update(`ronghe-load-test:${DB_NAME}`).digest('base64')
process.env.DATABASE_URL = DB_URL
process.env.DATA_ENCRYPTION_KEY = DATA_KEY

const { log, setup, setupStep } = stepLog()

// deterministic choices (mulberry32)
let rngState = SEED >>> 0
function rand() {
  rngState = (rngState + 0x6d2b79f5) >>> 0
  let t = rngState
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]

// ───────────────────────── 1. database ─────────────────────────
const fresh = await prepareDatabase(DB_URL, ALLOWED_DB, REUSE, setupStep)
const { db, disconnectDb } = await import('@/lib/server/db')
const prisma = await db()
await seedIfEmpty(prisma, setupStep)

type Community = LoadCommunity
type Volunteer = { phone: string; id: string; community: Community; cookies: Jar; signed: Set<string>; lastSignup: number }
type Official = { phone: string; name: string; unitName: string; children: string[]; cookies: Jar }

const demoHash = await demoPasswordHash(prisma)
const communities = await setupStep('load communities (admin, team leader, team)', () => loadCommunities(prisma, COMMUNITIES, demoHash))
const volunteers: Volunteer[] = await setupStep(`${VOLUNTEERS} volunteers`, async () => {
  const r = await loadVolunteers(prisma, communities, VOLUNTEERS, demoHash)
  setup.volunteersCreated = r.created
  return r.volunteers.map((v) => ({ ...v, cookies: new Map(), signed: new Set<string>(), lastSignup: -Infinity }))
})
const signupsPerUser = Math.ceil((WARMUP_S + DURATION_S) / Math.max(1, SIGNUP_EVERY_S)) + 1
// deadlines beyond the run (and then some), so no task closes under the test
const horizon = new Date(Date.now() + (WARMUP_S + DURATION_S) * 1000 + 6 * 3_600_000)
const tasksOf = await setupStep(`open tasks (≥ ${signupsPerUser} left per volunteer)`, async () => {
  const r = await ensureTasks(prisma, communities, volunteers, signupsPerUser, horizon)
  setup.tasksCreated = r.created
  // what each volunteer has already signed up for (a --reuse run, or the tasks above are new)
  const byId = new Map(volunteers.map((v) => [v.id, v]))
  for (const s of await prisma.taskSignup.findMany({ where: { taskId: { in: [...r.tasksOf.values()].flat() }, userId: { in: volunteers.map((v) => v.id) }, status: { not: 'CANCELLED' } }, select: { userId: true, taskId: true } })) {
    byId.get(s.userId)!.signed.add(s.taskId)
  }
  return r.tasksOf
})
const loadTaskIds = [...tasksOf.values()].flat()
const taskSlots = await prisma.task.aggregate({ where: { id: { in: loadTaskIds } }, _sum: { slots: true, taken: true } })

const officials: Official[] = []
for (const phone of OFFICIAL_PHONES) {
  const u = await prisma.user.findUniqueOrThrow({ where: { phone }, select: { name: true, roles: { select: { orgUnit: { select: { id: true, name: true } } } } } })
  const unit = u.roles[0].orgUnit
  const children = (await prisma.orgUnit.findMany({ where: { parentId: unit.id }, select: { id: true }, orderBy: { code: 'asc' } })).map((c) => c.id)
  officials.push({ phone, name: u.name, unitName: unit.name, children, cookies: new Map() })
}
await setupStep('ANALYZE', async () => { await prisma.$executeRawUnsafe('ANALYZE') })
log(`${communities.length} communities (${communities.map((c) => c.name).join('、')}), ${volunteers.length} volunteers, ${loadTaskIds.length} open tasks (${taskSlots._sum.slots} slots, ${taskSlots._sum.taken} taken), ${officials.length} officials`)

// ───────────────────────── 2. build and start the server ─────────────────────────
if (BUILD) await setupStep('next build (nice -n 10)', async () => { nextBuild() })
const BUILD_ID = buildId()

function signUpActionId(): string {
  const m = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, { filename?: string; exportedName?: string }> }
  const hit = Object.entries(m.node).find(([, v]) => v.filename === 'app/(app)/tasks/actions.ts' && v.exportedName === 'signUpAction')
  if (!hit) throw new Error('signUpAction of app/(app)/tasks/actions.ts not in .next/server/server-reference-manifest.json')
  return hit[0]
}
const ACTION_ID = signUpActionId()

const client = httpClient(PORT, { maxSockets: CONNECTIONS + 8, timeoutMs: TIMEOUT_MS, userAgent: 'ronghe-load/1' })
const { origin: ORIGIN, send, health, agent } = client

if (await health().catch(() => false)) throw new Error(`something already answers on ${ORIGIN}: stop it or pass --port`)
fs.mkdirSync(path.dirname(OUT), { recursive: true })
const SERVER_LOG = OUT.replace(/\.json$/, '') + '-server.log'
const serverLog = fs.openSync(SERVER_LOG, 'w')
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: DB_URL,
  DATA_ENCRYPTION_KEY: DATA_KEY,
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  NEXTAUTH_URL: ORIGIN,
  AUTH_TRUST_HOST: 'true',
  // all load comes from one IP (loopback): per-IP rate limits × 1000; per-user limits unchanged
  RATE_LIMIT_IP_FACTOR: '1000',
}
let stopServer: () => Promise<void> = async () => {}
process.on('SIGINT', () => { void stopServer().then(() => process.exit(130)) })

const server = await setupStep(`next start on ${ORIGIN}`, () => startNextServer({ port: PORT, env: serverEnv, logFd: serverLog, logFile: SERVER_LOG, health }))
stopServer = server.stop
const serverPid = server.pid

// ───────────────────────── measurement ─────────────────────────
type Kind = string
let recording: Map<Kind, Stats> = new Map()
const outcomes = { confirmed: 0, waitlisted: 0, already: 0 }

function record(kind: Kind, r: Pick<Reply, 'status' | 'body' | 'ms'>, reqPath: string, problem: string | null) {
  let s = recording.get(kind)
  if (!s) recording.set(kind, (s = new Stats()))
  s.add(r.ms, Buffer.byteLength(r.body), problem, () => ({ status: r.status, path: reqPath, body: r.body.slice(0, 400) }))
}

/** A page: 200 and its marker; anything else is an error. */
async function page(kind: Kind, jar: Jar, reqPath: string, marker: string) {
  const r = await send('GET', reqPath, { cookie: cookieHeader(jar), accept: 'text/html' })
  keepCookies(jar, r)
  const problem = r.error ? `network: ${r.error}` : r.status !== 200 ? `status ${r.status}${r.headers.location ? ` → ${r.headers.location}` : ''}` : !r.body.includes(marker) ? `200 without ${marker}` : null
  record(kind, r, reqPath, problem)
  return r
}

/** The sign-up server action, as the browser posts it from the task page. */
async function signUpHttp(v: Volunteer, taskId: string) {
  const reqPath = `/tasks/${taskId}`
  const r = await send('POST', reqPath, { cookie: cookieHeader(v.cookies), 'next-action': ACTION_ID, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: ORIGIN }, JSON.stringify([taskId]))
  keepCookies(v.cookies, r)
  let problem: string | null = null
  if (r.error) problem = `network: ${r.error}`
  else if (r.status !== 200) problem = `status ${r.status}`
  else {
    // the action's result is a row of the RSC reply: `1:{"ok":true,"message":"tasks.confirmed",…}` (it may
    // carry nested objects, e.g. the translated text)
    const row = r.body.split('\n').map((l) => /^[0-9a-f]+:(\{"ok":(?:true|false).*\})$/.exec(l)?.[1]).find(Boolean)
    let state: { ok: boolean; message?: string; error?: string } | null = null
    try { state = row ? JSON.parse(row) : null } catch { state = null }
    if (!state) problem = 'no action result in reply'
    else if (state.ok && state.message === 'tasks.confirmed') outcomes.confirmed++
    else if (state.ok && state.message === 'tasks.waitlisted') outcomes.waitlisted++
    else if (!state.ok && state.error === 'tasks.already') outcomes.already++ // expected outcome, not an error (the harness avoids it)
    else problem = `action ${row}`
  }
  record('POST sign-up (server action)', r, reqPath, problem)
}

// ───────────────────────── 3. sign in ─────────────────────────
async function signIn(phone: string, jar: Jar) {
  const { ms, problem } = await client.signIn(phone, jar)
  record('sign-in (csrf + credentials)', { status: problem ? 0 : 200, body: '', ms }, '/api/auth/callback/credentials', problem)
  if (problem) throw new Error(`sign-in of ${phone} failed: ${problem}`)
}

const SIGNIN_STEP = `sign in ${volunteers.length + officials.length} users over HTTP (8 at a time)`
const signinStats = await setupStep(SIGNIN_STEP, async () => {
  recording = new Map()
  await inParallel([...officials.map((o) => ({ phone: o.phone, jar: o.cookies })), ...volunteers.map((v) => ({ phone: v.phone, jar: v.cookies }))], 8, (u) => signIn(u.phone, u.jar))
  return recording
})

// ───────────────────────── 4. traffic ─────────────────────────
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) // China day
const PERIOD_QUERIES = ['period=month', 'period=quarter', 'period=pilot', `period=custom&from=${today.slice(0, 4)}-01-01&to=${today}`, `period=custom&from=${Number(today.slice(0, 4)) - 1}-01-01&to=${today}`]

async function volunteerVisit(v: Volunteer, deadline: number) {
  const tasks = tasksOf.get(v.community.id)!
  if (performance.now() >= deadline) return
  await page('volunteer GET /', v.cookies, '/', 'data-testid="volunteer-greeting"')
  if (performance.now() >= deadline) return
  await page('volunteer GET /tasks', v.cookies, '/tasks', 'data-testid="my-hours"')
  if (performance.now() >= deadline) return
  const open = tasks.filter((t) => !v.signed.has(t))
  const signNow = performance.now() - v.lastSignup >= SIGNUP_EVERY_S * 1000 && open.length > 0
  const task = signNow ? pick(open) : pick(tasks)
  await page('volunteer GET /tasks/[id]', v.cookies, `/tasks/${task}`, 'data-testid="task-title"')
  if (!signNow || performance.now() >= deadline) return
  v.lastSignup = performance.now()
  v.signed.add(task)
  await signUpHttp(v, task)
}

async function officialVisit(o: Official, deadline: number) {
  if (performance.now() >= deadline) return
  await page('official GET /dashboard', o.cookies, '/dashboard', 'data-testid="dashboard-title"')
  if (performance.now() >= deadline) return
  await page('official GET /dashboard?period=…', o.cookies, `/dashboard?${pick(PERIOD_QUERIES)}`, 'data-testid="dashboard-title"')
  if (performance.now() >= deadline || !o.children.length) return
  await page('official GET /dashboard?unit=<child>&period=…', o.cookies, `/dashboard?unit=${pick(o.children)}&${pick(['period=year', ...PERIOD_QUERIES])}`, 'data-testid="dashboard-title"')
}

const officialConns = Math.max(1, Math.round(CONNECTIONS * OFFICIAL_SHARE))
const volunteerConns = CONNECTIONS - officialConns

async function traffic(seconds: number) {
  const deadline = performance.now() + seconds * 1000
  const conns: Promise<void>[] = []
  for (let c = 0; c < volunteerConns; c++) {
    const mine = volunteers.filter((_, j) => j % volunteerConns === c)
    conns.push((async () => {
      for (let k = 0; performance.now() < deadline && mine.length; k++) await volunteerVisit(mine[k % mine.length], deadline)
    })())
  }
  for (let c = 0; c < officialConns; c++) {
    const o = officials[c % officials.length]
    conns.push((async () => { while (performance.now() < deadline) await officialVisit(o, deadline) })())
  }
  await Promise.all(conns)
}

const TICK = 1000 / TICK_MS // ticks per second (USER_HZ)

const signupsBefore = await prisma.taskSignup.count({ where: { taskId: { in: loadTaskIds }, status: { not: 'CANCELLED' } } })

let warmupStats: Map<Kind, Stats> = new Map()
const warmupOutcomes = { confirmed: 0, waitlisted: 0, already: 0 }
if (WARMUP_S > 0) {
  warmupStats = await setupStep(`warm-up ${WARMUP_S} s (not recorded)`, async () => {
    recording = new Map()
    await traffic(WARMUP_S)
    return recording
  })
  Object.assign(warmupOutcomes, outcomes)
  outcomes.confirmed = outcomes.waitlisted = outcomes.already = 0
}

log(`traffic: ${DURATION_S} s on ${CONNECTIONS} connections (${volunteerConns} volunteer, ${officialConns} official), closed loop, no think time`)
recording = new Map()
const load: number[][] = []
const loadTimer = setInterval(() => load.push(os.loadavg()), 5_000)
const cpu0 = cpuSnapshot(serverPid)
const t0 = performance.now()
await traffic(DURATION_S)
const elapsed = (performance.now() - t0) / 1000
const cpu1 = cpuSnapshot(serverPid)
clearInterval(loadTimer)
const measured = recording

// ───────────────────────── 5. results ─────────────────────────
const ORDER = ['volunteer GET /', 'volunteer GET /tasks', 'volunteer GET /tasks/[id]', 'POST sign-up (server action)', 'official GET /dashboard', 'official GET /dashboard?period=…', 'official GET /dashboard?unit=<child>&period=…']
const kinds = [...ORDER.filter((k) => measured.has(k)), ...[...measured.keys()].filter((k) => !ORDER.includes(k))]
const all = new Stats()
for (const k of kinds) {
  const s = measured.get(k)!
  all.ms.push(...s.ms)
  all.bytes += s.bytes
  all.errors += s.errors
  for (const [r, n] of s.reasons) all.reasons.set(r, (all.reasons.get(r) ?? 0) + n)
  all.samples.push(...s.samples.slice(0, Math.max(0, 5 - all.samples.length)))
}
const perKind = Object.fromEntries(kinds.map((k) => [k, summarize(measured.get(k)!, elapsed)]))
const overall = summarize(all, elapsed)

// the database after the run: never overbooked, waitlists only on full tasks, one row per accepted reply
const check = (await prisma.$queryRaw<{ id: string; slots: number; taken: number; confirmed: bigint; waitlisted: bigint }[]>`
  SELECT t."id", t."slots", t."taken",
         count(s."id") FILTER (WHERE s."status" = 'CONFIRMED') AS "confirmed",
         count(s."id") FILTER (WHERE s."status" = 'WAITLISTED') AS "waitlisted"
    FROM "Task" t LEFT JOIN "TaskSignup" s ON s."taskId" = t."id"
   WHERE t."id" = ANY(${loadTaskIds})
   GROUP BY t."id", t."slots", t."taken"`)
const signupsAfter = await prisma.taskSignup.count({ where: { taskId: { in: loadTaskIds }, status: { not: 'CANCELLED' } } })
const accepted = warmupOutcomes.confirmed + warmupOutcomes.waitlisted + outcomes.confirmed + outcomes.waitlisted
const problems: string[] = []
for (const t of check) {
  if (t.taken !== Number(t.confirmed)) problems.push(`task ${t.id}: taken ${t.taken} ≠ ${t.confirmed} confirmed`)
  if (t.taken > t.slots) problems.push(`task ${t.id}: taken ${t.taken} > slots ${t.slots}`)
  if (Number(t.waitlisted) > 0 && t.taken < t.slots) problems.push(`task ${t.id}: ${t.waitlisted} waitlisted with ${t.slots - t.taken} slots free`)
}
if (signupsAfter - signupsBefore !== accepted) problems.push(`sign-up rows +${signupsAfter - signupsBefore}, accepted replies ${accepted}`)
const consistency = { tasks: check.length, confirmed: check.reduce((a, t) => a + Number(t.confirmed), 0), waitlisted: check.reduce((a, t) => a + Number(t.waitlisted), 0), fullTasks: check.filter((t) => t.taken >= t.slots).length, signupRowsAdded: signupsAfter - signupsBefore, acceptedReplies: accepted, problems }

await stopServer()
fs.closeSync(serverLog)
const serverLines = fs.readFileSync(SERVER_LOG, 'utf8').split('\n')
const serverErrors = serverLines.filter((l) => /⨯|\berror\b|unhandled|ECONN|timed? ?out/i.test(l))

const busy = (cpu1.total - cpu0.total - (cpu1.idle - cpu0.idle)) / (cpu1.total - cpu0.total)
const cpus = os.cpus()
const report = {
  date: new Date().toISOString(),
  command: `npm run load -- ${argv.join(' ')}`.trim(),
  config: { durationS: DURATION_S, warmupS: WARMUP_S, connections: CONNECTIONS, volunteerConnections: volunteerConns, officialConnections: officialConns, volunteers: volunteers.length, communities: communities.map((c) => c.name), officials: officials.map((o) => `${o.phone} ${o.name} (${o.unitName}, ${o.children.length} child units)`), openTasks: loadTaskIds.length, slots: taskSlots._sum.slots, takenBefore: taskSlots._sum.taken, signupEveryS: SIGNUP_EVERY_S, model: 'closed loop, no think time', database: DB_NAME, reused: !fresh, serverPoolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10), rateLimitIpFactor: 1000, actionId: ACTION_ID, buildId: BUILD_ID, seed: SEED },
  machine: { cpus: cpus.length, cpuModel: cpus[0]?.model, memGiB: r1(os.totalmem() / 2 ** 30), node: process.version, postgres: (await prisma.$queryRaw<{ v: string }[]>`SELECT version() AS v`)[0].v.split(',')[0], loadAverage1mDuringRun: load.map((l) => r1(l[0])), machineCpuBusy: r1(busy * 100), serverCpuS: r1((cpu1.server - cpu0.server) / TICK), loadGeneratorCpuS: r1((cpu1.self.user + cpu1.self.system - cpu0.self.user - cpu0.self.system) / 1e6) },
  setupMs: setup,
  elapsedS: r1(elapsed),
  overall,
  perKind,
  signupOutcomes: outcomes,
  warmup: { outcomes: warmupOutcomes, requests: [...warmupStats.values()].reduce((a, s) => a + s.ms.length, 0), errors: [...warmupStats.values()].reduce((a, s) => a + s.errors, 0), perKind: Object.fromEntries([...warmupStats].map(([k, s]) => [k, summarize(s, WARMUP_S)])) },
  signIn: Object.fromEntries([...signinStats].map(([k, s]) => [k, summarize(s, Number(setup[SIGNIN_STEP]) / 1000)])),
  consistency,
  serverLog: { file: SERVER_LOG, lines: serverLines.length, errorLines: serverErrors.length, sample: serverErrors.slice(0, 20) },
}
fs.writeFileSync(OUT, JSON.stringify(report, null, 2))

const fmt = (x: number | null) => (x == null ? '—' : x.toFixed(1))
const row = (name: string, s: ReturnType<typeof summarize>) =>
  `${name.padEnd(46)} ${String(s.requests).padStart(8)} ${s.rps.toFixed(1).padStart(8)} ${fmt(s.p50).padStart(8)} ${fmt(s.p95).padStart(8)} ${fmt(s.p99).padStart(8)} ${fmt(s.max).padStart(8)} ${String(s.errors).padStart(7)} ${fmt(s.meanKiB).padStart(7)}`
console.log(`\n${'kind'.padEnd(46)} ${'requests'.padStart(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'errors'.padStart(7)} ${'KiB'.padStart(7)}`)
for (const k of kinds) console.log(row(k, perKind[k]))
console.log(row('overall', overall))
console.log(`\nelapsed ${r1(elapsed)} s · sign-ups: ${outcomes.confirmed} confirmed, ${outcomes.waitlisted} waitlisted, ${outcomes.already} already (warm-up: ${warmupOutcomes.confirmed}/${warmupOutcomes.waitlisted}/${warmupOutcomes.already})`)
const si = report.signIn['sign-in (csrf + credentials)']
if (si) console.log(`sign-in (setup, 8 at a time): ${si.requests} users, p50 ${fmt(si.p50)} ms, p95 ${fmt(si.p95)} ms, errors ${si.errors}`)
console.log(`warm-up: ${report.warmup.requests} requests, ${report.warmup.errors} errors`)
console.log(`machine: ${cpus.length} × ${cpus[0]?.model}; CPU busy ${r1(busy * 100)} % during the run; server ${report.machine.serverCpuS} CPU-s (${r1(report.machine.serverCpuS / elapsed)} cores), load generator ${report.machine.loadGeneratorCpuS} CPU-s; load average (1 min) ${Math.min(...report.machine.loadAverage1mDuringRun)}–${Math.max(...report.machine.loadAverage1mDuringRun)}`)
console.log(`database: ${consistency.tasks} tasks, ${consistency.confirmed} confirmed + ${consistency.waitlisted} waitlisted, ${consistency.fullTasks} full; +${consistency.signupRowsAdded} sign-up rows for ${accepted} accepted replies: ${problems.length ? `FAIL\n  ${problems.slice(0, 10).join('\n  ')}` : 'PASS'}`)
console.log(`server log ${SERVER_LOG}: ${serverErrors.length} error lines${serverErrors.length ? `\n  ${serverErrors.slice(0, 10).join('\n  ')}` : ''}`)
for (const k of kinds) for (const smp of perKind[k].samples) console.log(`  error sample [${k}] ${smp.reason} ${smp.path} ${smp.body.replace(/\s+/g, ' ').slice(0, 200)}`)
console.log(`report: ${OUT}`)

const failed = overall.errors > 0 || report.warmup.errors > 0 || problems.length > 0 || serverErrors.length > 0
console.log(failed ? `FAIL: ${overall.errors} errors (rate ${(overall.errorRate * 100).toFixed(3)} %), ${report.warmup.errors} in warm-up, ${problems.length} inconsistencies, ${serverErrors.length} server error lines` : 'PASS: error rate 0')
agent.destroy()
await disconnectDb()
process.exit(failed ? 1 : 0)
