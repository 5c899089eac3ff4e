// What the HTTP load test (tests/load/load.ts) and the page benchmark (tests/bench/pages.ts) share: the
// throw-away database (drop, create, migrate, seed), the load data made through the real data layer
// (communities with a load admin, a team leader and a team; volunteers; open tasks), the production build,
// one `next start` in its own process group, an HTTP client over loopback with cookie jars and the
// next-auth credentials sign-in, the CPU of the server's process tree, and latency statistics.
// Nothing here imports lib/server at module load: the caller sets DATABASE_URL (and the data key) first,
// the data-layer functions are imported when first used.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import zlib from 'node:zlib'
import pg from 'pg'
import type { Db } from '@/lib/server/db'
import { recreate } from '../bench/common'

export const HOST = '127.0.0.1'
export const PASSWORD = 'Ronghe@2026'
export const COUNTY_CODE = '150502' // 科尔沁区: the load communities
export const FIRST_COMMUNITY = '150502006005' // 小街社区

// ───────────────────────── options, log ─────────────────────────
export function cli(argv: string[]) {
  const arg = (flag: string) => {
    const i = argv.indexOf(flag)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const num = (flag: string, dflt: number) => {
    const v = Number(arg(flag) ?? dflt)
    if (!Number.isFinite(v) || v < 0) throw new Error(`${flag} must be a non-negative number`)
    return v
  }
  return { arg, num, has: (flag: string) => argv.includes(flag) }
}

/** A timestamped log and named setup steps whose durations are kept (ms) in `setup`. */
export function stepLog() {
  const started = performance.now()
  const setup: Record<string, number | string> = {}
  const log = (s: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${s}`)
  const setupStep = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now()
    const r = await f()
    setup[name] = Math.round(performance.now() - t0)
    log(`✓ ${name} (${((setup[name] as number) / 1000).toFixed(1)} s)`)
    return r
  }
  return { log, setup, setupStep }
}

// ───────────────────────── database ─────────────────────────
export async function databaseExists(url: string): Promise<boolean> {
  const u = new URL(url)
  const name = u.pathname.slice(1)
  u.pathname = '/postgres'
  const c = new pg.Client({ connectionString: u.toString() })
  await c.connect()
  const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
  await c.end()
  return r.rowCount === 1
}

export function migrate(url: string) {
  const r = spawnSync(process.execPath, ['prisma/migrator.mjs', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`migrate failed: ${r.stderr || r.stdout}`)
}

/**
 * The throw-away database: dropped, created and migrated, or with `reuse` (when it exists) only migrated.
 * Only names matching `allowed` are touched. Returns whether it is fresh.
 */
export async function prepareDatabase(url: string, allowed: RegExp, reuse: boolean, setupStep: ReturnType<typeof stepLog>['setupStep']): Promise<boolean> {
  const name = new URL(url).pathname.slice(1)
  if (!allowed.test(name)) throw new Error(`refusing to use database "${name}": only ${allowed} databases`)
  const fresh = !reuse || !(await databaseExists(url))
  if (fresh) await setupStep(`drop, create, migrate ${name}`, () => recreate(url, allowed))
  else await setupStep(`migrate ${name} (--reuse)`, async () => migrate(url))
  return fresh
}

/** The seed (prisma/seed.ts) on an empty database. */
export async function seedIfEmpty(prisma: Db, setupStep: ReturnType<typeof stepLog>['setupStep']) {
  const { seed, isEmpty } = await import('@/prisma/seed')
  if (await isEmpty(prisma)) await setupStep('seed (prisma/seed.ts)', () => seed(prisma, () => {}))
}

// ───────────────────────── load data, through the data layer ─────────────────────────
export type LoadCommunity = { id: string; path: string; name: string; tenantId: string; level: 'COMMUNITY'; adminId: string; leaderId: string; teamId: string }
export type LoadVolunteer = { phone: string; id: string; community: LoadCommunity }

/** The seed's demo password hash (reused for every load user: hashing 300 passwords would take a while). */
export async function demoPasswordHash(prisma: Db) {
  return (await prisma.user.findUniqueOrThrow({ where: { phone: '13900000009' }, select: { passwordHash: true } })).passwordHash
}

/** The load communities: 小街社区 and the next communities of 科尔沁区 by code, each with a load admin (1360000<i>01), a team leader (…02) and a team. */
export async function loadCommunities(prisma: Db, count: number, passwordHash: string): Promise<LoadCommunity[]> {
  const { createUser } = await import('@/tests/factories/org')
  const { createTeam } = await import('@/tests/factories/workflow')
  const county = await prisma.orgUnit.findFirstOrThrow({ where: { code: COUNTY_CODE }, select: { id: true } })
  const units = await prisma.orgUnit.findMany({ where: { parentId: county.id, level: 'COMMUNITY' }, select: { id: true, path: true, name: true, tenantId: true, code: true }, orderBy: { code: 'asc' } })
  const chosen = [units.find((u) => u.code === FIRST_COMMUNITY)!, ...units.filter((u) => u.code !== FIRST_COMMUNITY)].slice(0, count)
  const out: LoadCommunity[] = []
  for (const [i, u] of chosen.entries()) {
    const unit = { id: u.id, path: u.path, name: u.name, tenantId: u.tenantId, level: 'COMMUNITY' as const }
    const staff = async (suffix: string, role: 'COMMUNITY_ADMIN' | 'TEAM_LEADER', name: string) => {
      const phone = `1360000${String(i + 1).padStart(2, '0')}${suffix}`
      const found = await prisma.user.findUnique({ where: { phone }, select: { id: true } })
      return found?.id ?? (await createUser(prisma, { tenantId: u.tenantId, name, phone, passwordHash, roles: [{ unit, role }] })).id
    }
    const adminId = await staff('01', 'COMMUNITY_ADMIN', `压测书记${i + 1}`)
    const leaderId = await staff('02', 'TEAM_LEADER', `压测队长${i + 1}`)
    const team = (await prisma.team.findFirst({ where: { orgUnitId: u.id, name: '压测志愿服务队' }, select: { id: true } })) ??
      (await createTeam(prisma, { unit, name: '压测志愿服务队', leaderId, description: '负载测试' }))
    out.push({ ...unit, adminId, leaderId, teamId: team.id })
  }
  return out
}

/** Volunteers 13700000001…: VOLUNTEER at community (n − 1) mod C, the demo password; made like self-registered ones. */
export async function loadVolunteers(prisma: Db, communities: LoadCommunity[], count: number, passwordHash: string): Promise<{ volunteers: LoadVolunteer[]; created: number }> {
  const { createUser } = await import('@/tests/factories/org')
  const volunteers: LoadVolunteer[] = []
  let created = 0
  for (let n = 1; n <= count; n++) {
    const phone = `137${String(n).padStart(8, '0')}`
    const community = communities[(n - 1) % communities.length]
    let user = await prisma.user.findUnique({ where: { phone }, select: { id: true, roles: { select: { orgUnitId: true, role: true } } } })
    if (user && !user.roles.some((r) => r.role === 'VOLUNTEER' && r.orgUnitId === community.id)) throw new Error(`${phone} exists but is not a volunteer of ${community.name}: use a fresh database (no --reuse)`)
    if (!user) {
      await createUser(prisma, { tenantId: community.tenantId, name: `压测志愿者${String(n).padStart(3, '0')}`, phone, passwordHash, roles: [{ unit: community, role: 'VOLUNTEER' }] })
      user = await prisma.user.findUniqueOrThrow({ where: { phone }, select: { id: true, roles: { select: { orgUnitId: true, role: true } } } })
      created++
    }
    volunteers.push({ phone, id: user.id, community })
  }
  return { volunteers, created }
}

/**
 * Open tasks per community (deadline after `horizon`), so that every volunteer of it has ≥ `need` tasks left
 * to sign up for; when short, a need → service item → dispatched, claimed order → `need − left + 5` tasks
 * (5/10/20/40 slots), all through the data layer. Returns the open tasks per community id, soonest first.
 */
export async function ensureTasks(prisma: Db, communities: LoadCommunity[], volunteers: LoadVolunteer[], need: number, horizon: Date): Promise<{ tasksOf: Map<string, string[]>; created: number }> {
  const { resolveScope } = await import('@/lib/server/authz/scope')
  const { createNeed } = await import('@/lib/server/workflow/needs')
  const { createServiceItem } = await import('@/lib/server/workflow/services')
  const { claimOrder, dispatchOrder } = await import('@/lib/server/workflow/orders')
  const { createTask } = await import('@/lib/server/workflow/tasks')
  const { ensureCategories } = await import('@/tests/factories/workflow')
  const cat = await ensureCategories(prisma, communities[0].tenantId)
  let created = 0
  const tasksOf = new Map<string, string[]>()
  for (const c of communities) {
    const open = async () => (await prisma.task.findMany({ where: { orgUnitId: c.id, status: 'OPEN', signupDeadline: { gt: horizon } }, select: { id: true }, orderBy: { startsAt: 'asc' } })).map((t) => t.id)
    let tasks = await open()
    const mine = volunteers.filter((v) => v.community.id === c.id)
    const rows = await prisma.taskSignup.findMany({ where: { taskId: { in: tasks }, userId: { in: mine.map((v) => v.id) }, status: { not: 'CANCELLED' } }, select: { userId: true, taskId: true } })
    const signedBy = new Map<string, number>()
    for (const r of rows) signedBy.set(r.userId, (signedBy.get(r.userId) ?? 0) + 1)
    const left = mine.length ? Math.min(...mine.map((v) => tasks.length - (signedBy.get(v.id) ?? 0))) : tasks.length
    if (left < need) {
      const admin = (await resolveScope(c.adminId))!
      const leader = (await resolveScope(c.leaderId))!
      const batch = Date.now().toString(36)
      const n = await createNeed(admin, { orgUnitId: c.id, title: `压测需求 ${batch}`, description: '负载测试的志愿服务需求', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'NORMAL', peopleAffected: '20' })
      if (!n.ok) throw new Error(`createNeed: ${JSON.stringify(n)}`)
      const s = await createServiceItem(admin, { needId: n.value.id, title: `压测服务 ${batch}`, description: '负载测试', resourceIds: [] })
      if (!s.ok) throw new Error(`createServiceItem: ${JSON.stringify(s)}`)
      const o = await dispatchOrder(admin, { serviceItemId: s.value.id, teamId: c.teamId })
      if (!o.ok) throw new Error(`dispatchOrder: ${JSON.stringify(o)}`)
      const claimed = await claimOrder(leader, o.value.id, c.teamId)
      if (!claimed.ok) throw new Error(`claimOrder: ${JSON.stringify(claimed)}`)
      const slotsCycle = [5, 10, 20, 40] // some fill up (later sign-ups waitlisted), some do not
      for (let k = 0; k < need - left + 5; k++) {
        const start = Date.now() + 3 * 86_400_000 + k * 3_600_000
        const t = await createTask(leader, {
          orderId: o.value.id, title: `压测任务 ${batch}-${k + 1}`, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 7_200_000).toISOString(),
          place: `${c.name}党群服务中心`, slots: String(slotsCycle[k % slotsCycle.length]), signupDeadline: new Date(start - 86_400_000).toISOString(),
        })
        if (!t.ok) throw new Error(`createTask: ${JSON.stringify(t)}`)
        created++
      }
      tasks = await open()
    }
    tasksOf.set(c.id, tasks)
  }
  return { tasksOf, created }
}

// ───────────────────────── build ─────────────────────────
export function nextBuild(env: Record<string, string> = {}, cwd = process.cwd()) {
  const r = spawnSync('nice', ['-n', '10', process.execPath, 'node_modules/next/dist/bin/next', 'build'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } })
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`)
  return r.stdout
}
export const buildId = () => fs.readFileSync('.next/BUILD_ID', 'utf8').trim()

// ───────────────────────── HTTP over loopback ─────────────────────────
export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number; wireBytes: number; error?: string }
export type Jar = Map<string, string>

export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
export function keepCookies(jar: Jar, r: Pick<Reply, 'headers'>) {
  for (const c of r.headers['set-cookie'] ?? []) {
    const [pair] = c.split(';')
    const i = pair.indexOf('=')
    const [k, v] = [pair.slice(0, i).trim(), pair.slice(i + 1).trim()]
    if (v === '' || /max-age=0\b/i.test(c)) jar.delete(k)
    else jar.set(k, v)
  }
}

/** One keep-alive agent to the server; bodies are decompressed (gzip), `wireBytes` is what came over the wire. */
export function httpClient(port: number, opts: { maxSockets: number; timeoutMs: number; userAgent: string }) {
  const origin = `http://${HOST}:${port}`
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets, keepAliveMsecs: 10_000 })
  function send(method: 'GET' | 'POST', urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
    return new Promise((resolve) => {
      const t0 = performance.now()
      let done = false
      const finish = (r: Omit<Reply, 'ms'>) => {
        if (done) return
        done = true
        resolve({ ...r, ms: performance.now() - t0 })
      }
      const req = http.request({ host: HOST, port, method, path: urlPath, agent, headers: { 'accept-encoding': 'gzip', 'user-agent': opts.userAgent, ...headers, ...(body != null ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const wire = Buffer.concat(chunks)
          let buf = wire
          try {
            if (res.headers['content-encoding'] === 'gzip') buf = zlib.gunzipSync(wire)
          } catch (e) {
            return finish({ status: res.statusCode ?? 0, headers: res.headers, body: '', wireBytes: wire.length, error: `gunzip: ${(e as Error).message}` })
          }
          finish({ status: res.statusCode ?? 0, headers: res.headers, body: buf.toString('utf8'), wireBytes: wire.length })
        })
        res.on('error', (e) => finish({ status: res.statusCode ?? 0, headers: res.headers, body: '', wireBytes: 0, error: e.message }))
      })
      req.setTimeout(opts.timeoutMs, () => req.destroy(new Error(`timeout ${opts.timeoutMs / 1000} s`)))
      req.on('error', (e) => finish({ status: 0, headers: {}, body: '', wireBytes: 0, error: e.message }))
      if (body != null) req.write(body)
      req.end()
    })
  }

  async function health(): Promise<boolean> {
    const r = await send('GET', '/api/health')
    return r.status === 200 && /"ok":true/.test(r.body)
  }

  /** next-auth credentials over HTTP: csrf, then the callback; the session cookie lands in `jar`. */
  async function signIn(phone: string, jar: Jar, password = PASSWORD): Promise<{ ms: number; problem: string | null }> {
    const csrf = await send('GET', '/api/auth/csrf')
    keepCookies(jar, csrf)
    let problem: string | null = csrf.status !== 200 ? `csrf status ${csrf.status} ${csrf.error ?? ''}` : null
    let total = csrf.ms
    if (!problem) {
      const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string }
      const form = new URLSearchParams({ csrfToken, phone, password, callbackUrl: `${origin}/`, json: 'true' }).toString()
      const r = await send('POST', '/api/auth/callback/credentials', { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded', origin }, form)
      keepCookies(jar, r)
      total += r.ms
      if (r.error || (r.status !== 200 && r.status !== 302)) problem = `callback status ${r.status} ${r.error ?? r.body.slice(0, 200)}`
      else if (!jar.has('next-auth.session-token')) problem = `no session cookie (${r.body.slice(0, 200)})`
    }
    return { ms: total, problem }
  }

  return { origin, agent, send, health, signIn, destroy: () => agent.destroy() }
}

export async function inParallel<T>(items: T[], n: number, f: (x: T) => Promise<void>) {
  let i = 0
  await Promise.all(Array.from({ length: n }, async () => { while (i < items.length) await f(items[i++]) }))
}

// ───────────────────────── the server ─────────────────────────
/**
 * `next start` in its own process group (detached), so stopping it stops whatever it spawned and nothing
 * else; waits for /api/health. `nodeArgs` go before Next's bin (e.g. --cpu-prof); `cwd` is the app (its .next).
 */
export async function startNextServer(o: { port: number; env: NodeJS.ProcessEnv; logFd: number; logFile: string; health: () => Promise<boolean>; nodeArgs?: string[]; cwd?: string }) {
  let child: ChildProcess | null = spawn(process.execPath, [...(o.nodeArgs ?? []), 'node_modules/next/dist/bin/next', 'start', '-p', String(o.port), '-H', HOST], { cwd: o.cwd, env: o.env, stdio: ['ignore', o.logFd, o.logFd], detached: true })
  const stop = async () => {
    const s = child
    child = null
    if (!s || s.exitCode !== null || s.pid == null) return
    const exited = new Promise<void>((r) => s.once('exit', () => r()))
    try { process.kill(-s.pid, 'SIGTERM') } catch { /* gone already */ }
    const t = setTimeout(() => { try { process.kill(-s.pid!, 'SIGKILL') } catch { /* gone */ } }, 10_000)
    await exited
    clearTimeout(t)
  }
  const spawned = child
  const deadline = Date.now() + 120_000
  while (!(await o.health().catch(() => false))) {
    if (spawned.exitCode !== null) throw new Error(`next start exited (${spawned.exitCode}); see ${o.logFile}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`no /api/health after 120 s; see ${o.logFile}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return { pid: spawned.pid!, stop }
}

/** The pid and every live descendant (from /proc/<pid>/stat's ppid). */
export function processTree(root: number): number[] {
  const parent = new Map<number, number>()
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8')
      parent.set(Number(d), Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]))
    } catch { /* gone */ }
  }
  const out = [root]
  for (let i = 0; i < out.length; i++) for (const [p, pp] of parent) if (pp === out[i] && !out.includes(p)) out.push(p)
  return out.filter((p) => fs.existsSync(`/proc/${p}`))
}

export const TICK_MS = 10 // USER_HZ = 100 on Linux

/** CPU ticks of one process: utime + stime, and cutime + cstime (its reaped children). */
export function processTicks(pid: number): { own: number; children: number } {
  try {
    const st = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const rest = st.slice(st.lastIndexOf(')') + 2).split(' ')
    return { own: Number(rest[11]) + Number(rest[12]), children: Number(rest[13]) + Number(rest[14]) }
  } catch {
    return { own: 0, children: 0 }
  }
}

/** Machine-wide CPU (/proc/stat) and the server's: every live process of its tree plus the leader's reaped children. */
export function cpuSnapshot(serverPid: number) {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const v = f.map(Number)
  const idle = v[3] + (v[4] ?? 0)
  const total = v.reduce((a, b) => a + b, 0)
  const pids = processTree(serverPid)
  let server = processTicks(serverPid).children
  for (const p of pids) server += processTicks(p).own
  return { idle, total, server, pids, self: process.cpuUsage() }
}

// ───────────────────────── statistics ─────────────────────────
export class Stats {
  ms: number[] = []
  bytes = 0
  errors = 0
  reasons = new Map<string, number>()
  samples: { reason: string; status: number; path: string; body: string }[] = []
  add(ms: number, bytes: number, problem: string | null, sample: () => { status: number; path: string; body: string }) {
    this.ms.push(ms)
    this.bytes += bytes
    if (problem) {
      this.errors++
      this.reasons.set(problem, (this.reasons.get(problem) ?? 0) + 1)
      if (this.samples.length < 5) this.samples.push({ reason: problem, ...sample() })
    }
  }
}

export const r1 = (x: number) => Math.round(x * 10) / 10

export function summarize(s: Stats, seconds: number) {
  const xs = [...s.ms].sort((a, b) => a - b)
  const q = (p: number) => (xs.length ? r1(xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]) : null)
  return {
    requests: xs.length,
    rps: r1(xs.length / seconds),
    p50: q(0.5), p95: q(0.95), p99: q(0.99), max: xs.length ? r1(xs[xs.length - 1]) : null,
    mean: xs.length ? r1(xs.reduce((a, b) => a + b, 0) / xs.length) : null,
    meanKiB: xs.length ? r1(s.bytes / xs.length / 1024) : null, // decompressed body
    errors: s.errors,
    errorRate: xs.length ? s.errors / xs.length : 0,
    reasons: Object.fromEntries(s.reasons),
    samples: s.samples,
  }
}
