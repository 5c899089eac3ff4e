// The page benchmark's world (tests/bench/pages.ts, tests/bench/lighthouse.ts): a database, a busy
// community, a production build, one `next start` with the driver-level SQL counter, and the signed-in
// users. See pages.ts for what is measured.
//
//   database  ronghe_pages (--db; only ronghe_pages* names): dropped, created, migrated and seeded
//             (prisma/seed.ts) unless --reuse finds it;
//   小街社区   a load admin, a team leader and a team (tests/load/harness.ts), 200 volunteers
//             (13700000001…13700000200, the demo password) and 30 open tasks, made through the data layer;
//             each volunteer signed up for two of the open tasks through the data layer (signUp);
//             a year of service before today — 156 done tasks (three a week), each with its need
//             (OPEN → … → CLOSED), service item and claimed order, 8–20 checked-out sign-ups of those
//             volunteers (60–180 min) with their CHECKED_OUT status change, and the points those minutes earn
//             (PointsEntry SERVICE per check-out on the running total, PointsBalance) — as set-based SQL,
//             then the counters rebuilt from the records (lib/server/stats/rebuild.ts) and ANALYZE;
//   server    `next build` (nice -n 10; skipped with --no-build), then `next start` on --port (3500) with
//             BENCH_FLOOR=1 (the floor pages exist), RATE_LIMIT_IP_FACTOR=1000 and
//             NODE_OPTIONS=--require tests/bench/server-probe.cjs (SQL statements counted at pg's
//             Client#query; statement capture; CPU profile on demand; nothing in the app's code);
//   users     signed in over HTTP (next-auth credentials): volunteers 13700000001…08 (one per connection),
//             the demo community admin of 小街社区 (13900000005) and the region official (13900000001).
import { execSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import {
  buildId, demoPasswordHash, r1, ensureTasks, httpClient, loadCommunities, loadVolunteers, nextBuild, prepareDatabase, processTree, seedIfEmpty, startNextServer, stepLog, type Jar,
} from '../load/harness'

export const PAGES_DB = 'postgresql://postgres@127.0.0.1:5432/ronghe_pages'
const ALLOWED_DB = /^ronghe_pages\w*$/
export const BUSY_VOLUNTEERS = 200
export const OPEN_TASKS = 30
export const HISTORY_TASKS = 156 // three a week for a year
export const ADMIN_PHONE = '13900000005' // 刘秀英, 小街社区 党组织书记
export const REGION_PHONE = '13900000001' // 乌云其其格, 内蒙古自治区

export type PagesEnvOptions = { port: number; reuse: boolean; build: boolean; dbUrl?: string; signedInVolunteers: number; maxSockets: number; logFile: string }

export async function startPagesEnv(o: PagesEnvOptions) {
  const dbUrl = o.dbUrl ?? process.env.PAGES_DATABASE_URL ?? PAGES_DB
  const dbName = new URL(dbUrl).pathname.slice(1)
  if (!ALLOWED_DB.test(dbName)) throw new Error(`refusing to use database "${dbName}": only ronghe_pages* databases`)
  const dataKey = process.env.DATA_ENCRYPTION_KEY ?? createHash('sha256').update(`ronghe-pages-bench:${dbName}`).digest('base64')
  process.env.DATABASE_URL = dbUrl
  process.env.DATA_ENCRYPTION_KEY = dataKey
  const { log, setup, setupStep } = stepLog()

  // ───────────── database and the busy community ─────────────
  const fresh = await prepareDatabase(dbUrl, ALLOWED_DB, o.reuse, setupStep)
  const { db, disconnectDb } = await import('@/lib/server/db')
  const prisma = await db()
  await seedIfEmpty(prisma, setupStep)
  const hash = await demoPasswordHash(prisma)
  const [community] = await setupStep('小街社区: load admin, team leader, team', () => loadCommunities(prisma, 1, hash))
  const { volunteers } = await setupStep(`${BUSY_VOLUNTEERS} volunteers of 小街社区`, () => loadVolunteers(prisma, [community], BUSY_VOLUNTEERS, hash))
  // ensureTasks tops up to (need + 5) when fewer than `need` are left to any volunteer: 25 → 30 open tasks
  const { tasksOf } = await setupStep(`${OPEN_TASKS} open tasks`, () => ensureTasks(prisma, [community], volunteers, OPEN_TASKS - 5, new Date(Date.now() + 6 * 3_600_000)))
  const openTasks = tasksOf.get(community.id)!
  await setupStep('sign-ups to the open tasks (data layer: signUp)', async () => {
    const { resolveScope } = await import('@/lib/server/authz/scope')
    const { signUp } = await import('@/lib/server/workflow/tasks')
    const have = new Set((await prisma.taskSignup.findMany({ where: { taskId: { in: openTasks } }, select: { taskId: true, userId: true } })).map((s) => `${s.taskId} ${s.userId}`))
    for (const [i, v] of volunteers.entries()) {
      const scope = (await resolveScope(v.id))!
      for (const t of new Set([openTasks[i % openTasks.length], openTasks[(i * 7 + 3) % openTasks.length]])) {
        if (have.has(`${t} ${v.id}`)) continue
        const r = await signUp(scope, t)
        if (!r.ok && r.error !== 'ALREADY') throw new Error(`signUp: ${JSON.stringify(r)}`)
      }
    }
  })
  const history = await setupStep(`a year of service: ${HISTORY_TASKS} done tasks, check-outs, points (SQL), counters rebuilt`, () => addHistory(dbUrl, community, volunteers.map((v) => v.id)))
  if (history.added) {
    const { rebuildCounters } = await import('@/lib/server/stats/rebuild')
    await prisma.$transaction((tx) => rebuildCounters(tx, community.tenantId), { timeout: 120_000 })
  }
  await setupStep('ANALYZE', async () => { await prisma.$executeRawUnsafe('ANALYZE') })
  const firstTask = await prisma.task.findUniqueOrThrow({ where: { id: openTasks[0] }, select: { id: true, title: true } })
  const data = {
    community: community.name,
    volunteers: volunteers.length,
    openTasks: openTasks.length,
    openTaskSignups: await prisma.taskSignup.count({ where: { taskId: { in: openTasks } } }),
    doneTasks: await prisma.task.count({ where: { orgUnitId: community.id, status: 'DONE' } }),
    checkedOut: await prisma.taskSignup.count({ where: { task: { orgUnitId: community.id }, checkOutAt: { not: null } } }),
    pointsEntries: await prisma.pointsEntry.count({ where: { userId: { in: volunteers.map((v) => v.id) } } }),
    unitCounters: await prisma.unitCounter.count(),
    reused: !fresh,
  }
  log(`小街社区: ${data.volunteers} volunteers, ${data.openTasks} open tasks (${data.openTaskSignups} sign-ups), ${data.doneTasks} done tasks, ${data.checkedOut} check-outs, ${data.pointsEntries} points entries`)

  // ───────────── build and server ─────────────
  if (o.build) await setupStep('next build (nice -n 10)', async () => { nextBuild() })
  const build = buildId()
  const client = httpClient(o.port, { maxSockets: o.maxSockets, timeoutMs: 30_000, userAgent: 'ronghe-pages-bench/1' })
  if (await client.health().catch(() => false)) throw new Error(`something already answers on ${client.origin}: stop it or pass --port`)
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ronghe-probe-'))
  fs.mkdirSync(path.dirname(o.logFile), { recursive: true })
  const logFd = fs.openSync(o.logFile, 'w')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: dbUrl,
    DATA_ENCRYPTION_KEY: dataKey,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: client.origin,
    AUTH_TRUST_HOST: 'true',
    RATE_LIMIT_IP_FACTOR: '1000', // all requests come from one IP (loopback); per-user limits unchanged
    BENCH_FLOOR: '1',
    BENCH_PROBE_DIR: probeDir,
    NODE_OPTIONS: `--require ${path.resolve('tests/bench/server-probe.cjs')}`,
  }
  const server = await setupStep(`next start on ${client.origin}`, () => startNextServer({ port: o.port, env, logFd, logFile: o.logFile, health: client.health }))
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await server.stop()
    fs.closeSync(logFd)
    fs.rmSync(probeDir, { recursive: true, force: true })
  }
  process.on('SIGINT', () => { void stop().then(() => process.exit(130)) })

  // ───────────── the probe in the server's processes ─────────────
  const probeCall = (pid: number, method: 'GET' | 'POST', p: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = http.request({ socketPath: path.join(probeDir, `probe-${pid}.sock`), method, path: p }, (res) => {
        let b = ''
        res.on('data', (c) => (b += c))
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(b)) : reject(new Error(`probe ${p}: ${res.statusCode} ${b}`))))
      })
      req.on('error', reject)
      req.end()
    })
  const probed = () => processTree(server.pid).filter((p) => fs.existsSync(path.join(probeDir, `probe-${p}.sock`)))
  /** Statements so far, summed over the server's processes. */
  const sqlCount = async () => {
    let n = 0
    for (const p of probed()) n += Number((await probeCall(p, 'GET', '/sql')).count)
    return n
  }
  /** The processes, whether pg was patched in each and how many statements each has sent. */
  const probeStatus = async () => Promise.all(probed().map(async (p) => ({ ...((await probeCall(p, 'GET', '/sql')) as { count: number; pg: boolean }), pid: p })))
  const captureStart = async () => { for (const p of probed()) await probeCall(p, 'POST', '/capture/start') }
  const captureStop = async () => {
    const out: string[] = []
    for (const p of probed()) out.push(...((await probeCall(p, 'POST', '/capture/stop')).statements as string[]))
    return out
  }
  /** The process that runs the app: the one that has sent statements (the only one, when next start does not fork). */
  const workerPid = async () => {
    const s = await probeStatus()
    const busy = s.filter((x) => Number(x.count) > 0)
    if (busy.length !== 1) throw new Error(`expected one process sending SQL, found ${JSON.stringify(s)}`)
    return busy[0].pid
  }
  const profileStart = async (pid: number) => { await probeCall(pid, 'POST', '/profile/start') }
  const profileStop = async (pid: number, file: string) => probeCall(pid, 'POST', `/profile/stop?file=${encodeURIComponent(path.resolve(file))}`)

  // ───────────── sign in ─────────────
  const signIn = async (phone: string) => {
    const jar: Jar = new Map()
    const r = await client.signIn(phone, jar)
    if (r.problem) throw new Error(`sign-in of ${phone}: ${r.problem}`)
    return jar
  }
  const users = await setupStep(`sign in ${o.signedInVolunteers} volunteers, the community admin, the region official`, async () => ({
    volunteers: await Promise.all(volunteers.slice(0, o.signedInVolunteers).map(async (v) => ({ phone: v.phone, jar: await signIn(v.phone) }))),
    admin: { phone: ADMIN_PHONE, jar: await signIn(ADMIN_PHONE) },
    region: { phone: REGION_PHONE, jar: await signIn(REGION_PHONE) },
  }))

  return {
    client, users, openTask: firstTask, server: { pid: server.pid, stop }, logFile: o.logFile, log, setup, data, build, dbName,
    sqlCount, probeStatus, captureStart, captureStop, workerPid, profileStart, profileStop,
    close: async () => { await stop(); client.destroy(); await disconnectDb() },
  }
}
export type PagesEnv = Awaited<ReturnType<typeof startPagesEnv>>

/**
 * A year of 小街社区's service before today, as set-based SQL with deterministic ids (md5 of a name):
 * HISTORY_TASKS done tasks, each with its need (OPEN → MATCHED → DISPATCHED → IN_SERVICE → RESOLVED →
 * CLOSED), service item, order (DISPATCHED → CLAIMED by the load team) and task (OPEN → DONE), and 8–20
 * checked-out sign-ups of the busy volunteers with their CHECKED_OUT change; then each volunteer's service
 * points on the running total of minutes (what creditMinutes would have appended, one SERVICE entry per
 * check-out that changes floor(minutes × rate / 60)) and their balance. Skipped when already there.
 */
async function addHistory(url: string, c: { id: string; path: string; tenantId: string; adminId: string; leaderId: string; teamId: string }, volunteerIds: string[]) {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  try {
    const id = (kind: string, expr: string) => `md5('pages-${kind}-' || ${expr})::uuid::text`
    if ((await db.query(`SELECT 1 FROM "Need" WHERE "id" = ${id('need', '1')}`)).rowCount) return { added: false }
    const cat = (await db.query(`SELECT "id" FROM "ServiceCategory" WHERE "tenantId" = $1 ORDER BY "sortOrder" LIMIT 1`, [c.tenantId])).rows[0].id as string
    const V = volunteerIds.length
    await db.query('BEGIN')
    await db.query(`CREATE TEMP TABLE hv (n int PRIMARY KEY, id text NOT NULL) ON COMMIT DROP`)
    await db.query(`INSERT INTO hv SELECT * FROM unnest($1::int[], $2::text[])`, [volunteerIds.map((_, i) => i), volunteerIds])
    // task t: starts at 09:00 China time, every 56 hours back from a week ago; 2 hours long
    await db.query(`CREATE TEMP TABLE ht ON COMMIT DROP AS
      SELECT t, date_trunc('day', now() - interval '7 days') + interval '1 hour' - (t - 1) * interval '56 hours' AS s, 8 + (t * 7) % 13 AS n FROM generate_series(1, ${HISTORY_TASKS}) t`)
    const p = [c.tenantId, c.id, c.path, cat, c.adminId, c.leaderId, c.teamId]
    await db.query(`INSERT INTO "Need" ("id", "tenantId", "orgUnitId", "orgPath", "title", "description", "categoryId", "targetGroup", "source", "urgency", "peopleAffected", "status", "outcome", "satisfaction", "resolvedAt", "createdById", "createdAt", "updatedAt")
      SELECT ${id('need', 't')}, $1, $2, $3, '历史需求 ' || t, '页面基准：过去一年的居民需求 ' || t, $4, 'ELDERLY', 'VISIT', 'NORMAL', 3 + t % 10, 'CLOSED', '已解决', 3 + t % 3, s + interval '1 day', $5, s - interval '5 days', s + interval '2 days'
      FROM ht WHERE $6::text IS NOT NULL AND $7::text IS NOT NULL`, p)
    await db.query(`INSERT INTO "ServiceItem" ("id", "tenantId", "orgUnitId", "orgPath", "needId", "categoryId", "title", "description", "status", "createdById", "createdAt")
      SELECT ${id('item', 't')}, $1, $2, $3, ${id('need', 't')}, $4, '历史服务 ' || t, '页面基准', 'PUBLISHED', $5, s - interval '4 days' FROM ht WHERE $6::text IS NOT NULL AND $7::text IS NOT NULL`, p)
    await db.query(`INSERT INTO "Order" ("id", "tenantId", "orgUnitId", "orgPath", "serviceItemId", "teamId", "status", "claimedByTeamId", "dispatchedById", "claimedById", "dispatchedAt", "claimedAt")
      SELECT ${id('order', 't')}, $1, $2, $3, ${id('item', 't')}, $7, 'CLAIMED', $7, $5, $6, s - interval '3 days', s - interval '3 days' + interval '1 hour' FROM ht WHERE $4::text IS NOT NULL`, p)
    await db.query(`INSERT INTO "Task" ("id", "tenantId", "orgUnitId", "orgPath", "orderId", "title", "startsAt", "endsAt", "place", "slots", "taken", "signupDeadline", "checkinCode", "status", "createdById", "createdAt", "updatedAt")
      SELECT ${id('task', 't')}, $1, $2, $3, ${id('order', 't')}, '历史任务 ' || t, s, s + interval '2 hours', '小街社区党群服务中心', 20, n, s - interval '1 day', lpad(((t * 7919) % 1000000)::text, 6, '0'), 'DONE', $6, s - interval '3 days', s + interval '2 hours'
      FROM ht WHERE $4::text IS NOT NULL AND $5::text IS NOT NULL AND $7::text IS NOT NULL`, p)
    // sign-up j of task t: volunteer (37 t + 13 j) mod V (13 is prime to 200: distinct within a task)
    await db.query(`CREATE TEMP TABLE hs ON COMMIT DROP AS
      SELECT t, j, hv.id AS u, s + ((t + j) % 15) * interval '1 minute' AS cin, 60 + ((t * 31 + j * 17) % 121) AS m
      FROM ht CROSS JOIN LATERAL generate_series(0, n - 1) j JOIN hv ON hv.n = (37 * t + 13 * j) % ${V}`)
    await db.query(`INSERT INTO "TaskSignup" ("id", "taskId", "userId", "status", "createdAt", "updatedAt", "checkInAt", "checkOutAt", "minutes")
      SELECT ${id('signup', "t || '-' || j")}, ${id('task', 't')}, u, 'CONFIRMED', cin - interval '3 days', cin + m * interval '1 minute', cin, cin + m * interval '1 minute', m FROM hs`)
    const CHAIN = ['OPEN', 'MATCHED', 'DISPATCHED', 'IN_SERVICE', 'RESOLVED', 'CLOSED']
    await db.query(`INSERT INTO "StatusChange" ("id", "tenantId", "orgPath", "entity", "entityId", "from", "to", "byUserId", "at")
      SELECT ${id('change', "'need-' || t || '-' || k")}, $1, $2, 'Need', ${id('need', 't')}, (ARRAY[NULL, ${CHAIN.map((x) => `'${x}'`).join(', ')}])[k], (ARRAY[${CHAIN.map((x) => `'${x}'`).join(', ')}])[k], $3,
        s - interval '5 days' + (ARRAY[interval '0', interval '1 day', interval '2 days', interval '5 days', interval '6 days', interval '6 days 1 hour'])[k]
      FROM ht CROSS JOIN generate_series(1, 6) k
      UNION ALL SELECT ${id('change', "'order-' || t || '-' || k")}, $1, $2, 'Order', ${id('order', 't')}, (ARRAY[NULL, 'DISPATCHED'])[k], (ARRAY['DISPATCHED', 'CLAIMED'])[k], $3, s - interval '3 days' + (k - 1) * interval '1 hour' FROM ht CROSS JOIN generate_series(1, 2) k
      UNION ALL SELECT ${id('change', "'task-' || t || '-' || k")}, $1, $2, 'Task', ${id('task', 't')}, (ARRAY[NULL, 'OPEN'])[k], (ARRAY['OPEN', 'DONE'])[k], $3, CASE WHEN k = 1 THEN s - interval '3 days' ELSE s + interval '2 hours' END FROM ht CROSS JOIN generate_series(1, 2) k
      UNION ALL SELECT ${id('change', "'signup-' || t || '-' || j")}, $1, $2, 'TaskSignup', ${id('signup', "t || '-' || j")}, 'CHECKED_IN', 'CHECKED_OUT', u, cin + m * interval '1 minute' FROM hs`, [c.tenantId, c.path, c.adminId])
    // the points: per volunteer, in check-out order, floor(running minutes × rate / 60) minus what the entries before hold
    await db.query(`INSERT INTO "PointsEntry" ("id", "tenantId", "userId", "amount", "kind", "reason", "refId", "createdById", "createdAt")
      SELECT ${id('points', "t || '-' || j")}, $1, u, amount, 'SERVICE', '历史任务 ' || t, ${id('signup', "t || '-' || j")}, $2, cin + m * interval '1 minute'
      FROM (SELECT t, j, u, cin, m, floor(sum(m) OVER w * r / 60.0) - floor((sum(m) OVER w - m) * r / 60.0) AS amount
              FROM hs, (SELECT "pointsPerHour" AS r FROM "Tenant" WHERE "id" = $1) rate
            WINDOW w AS (PARTITION BY u ORDER BY cin, t, j)) x
      WHERE amount <> 0`, [c.tenantId, c.adminId])
    await db.query(`INSERT INTO "PointsBalance" ("userId", "balance", "pointMinutes")
      SELECT u, floor(sum(m) * r / 60.0), sum(m) * r FROM hs, (SELECT "pointsPerHour" AS r FROM "Tenant" WHERE "id" = $1) rate GROUP BY u, r
      ON CONFLICT ("userId") DO UPDATE SET "balance" = "PointsBalance"."balance" + EXCLUDED."balance", "pointMinutes" = EXCLUDED."pointMinutes"`, [c.tenantId])
    await db.query('COMMIT')
    return { added: true }
  } catch (e) {
    await db.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    await db.end()
  }
}

// ───────────── reports ─────────────
/** Replaces what is between <!-- name:start --> and <!-- name:end --> in `file`. */
export function replaceBetween(file: string, name: string, block: string) {
  const src = fs.readFileSync(file, 'utf8')
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const i = src.indexOf(start)
  const j = src.indexOf(end)
  if (i < 0 || j < i) throw new Error(`${file}: no ${start} … ${end} markers`)
  fs.writeFileSync(file, src.slice(0, i + start.length) + '\n' + block.trim() + '\n' + src.slice(j))
}

export function provenance() {
  const sh = (c: string) => { try { return execSync(c, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() } catch { return '' } }
  const commit = sh('git rev-parse --short HEAD')
  const dirty = sh('git status --porcelain --untracked-files=no').split('\n').filter(Boolean).length
  const cpus = os.cpus()
  // BENCH_COMMIT: a copy without .git (e.g. `git archive HEAD`) says what it is
  return { commit: process.env.BENCH_COMMIT ?? (commit ? `${commit}${dirty ? ` + ${dirty} changed files` : ''}` : 'unknown'), machine: `${cpus.length} × ${cpus[0]?.model ?? '?'}, ${r1(os.totalmem() / 2 ** 30)} GiB`, node: process.version }
}
