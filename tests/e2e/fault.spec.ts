import { expect, test } from './fixtures'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { createRequire } from 'node:module'
import { createMigratedDatabase } from '../setup/throwaway-db'

// Fault injection against the production build on real PostgreSQL, with this spec's OWN server (not the
// config's PGlite webServer): `npm run start` on a throw-away database, reached through a TCP proxy
// owned by the test so the database connection can be cut.
//   1. a burst of concurrent sign-ups and check-outs (server-action POSTs over HTTP), the server killed
//      with SIGKILL mid-burst: every acknowledged write is in the database, nothing is overbooked,
//      duplicated or half-written, and the restarted server answers the retries consistently;
//   2. the database connection dropped under a running server: a server action answers
//      {ok:false, error:'error.retryable'} (not a 500), a page shows the error page or a 5xx, nothing
//      partial is written, and after the connection is back the same sign-up succeeds exactly once.

const ROOT = process.cwd()
// React's reply encoder as bundled by Next (what a browser does to the arguments of a server action)
const { encodeReply } = createRequire(path.join(ROOT, 'package.json'))('next/dist/compiled/react-server-dom-turbopack/client.node') as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>
}
const BASE_DB = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
const PASSWORD = 'Ronghe@2026'
const XIAOJIE = '150502006005' // 小街社区
const VOLUNTEERS = 42 // 0–39 burst, 40 signs up after the restart, 41 during the connection drop
const BURST_SIGNUPS = 40
const SLOTS = 10
const SELF_OUT = 10 // volunteers 0–9 check themselves out of task B with the code
const STAFF_OUT = 10 // the social worker checks volunteers 10–19 out of task B
const DROP_OUT = 10 // volunteers 20–29 are checked out of task D while the connection drops
const KILL_AFTER_ACKS = 15 // SIGKILL once this many burst requests were acknowledged
const STAGGER_MS = 12
const CODE = '246810' // the check-in code of every task here
const RETRYABLE = { ok: false, error: 'error.retryable' }
const NOW = `(now() AT TIME ZONE 'UTC')` // Prisma keeps timestamp(3) columns in UTC

type ActionState = { ok: boolean; error?: string; message?: string; fieldErrors?: Record<string, string> }
type Reply = { status: number; state: ActionState | null; redirect: string | null; netError: string | null; text: string }
type Vol = { id: string; phone: string; cookie: string }

// ───────────────────────── HTTP without connection reuse (a killed server leaves no stale sockets) ─────

type Raw = { status: number; headers: http.IncomingHttpHeaders; text: string }

function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string; timeoutMs?: number } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.setTimeout(opts.timeoutMs ?? 20_000, () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(opts.body)
  })
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message

/** The action's return value from an RSC flight reply: row 0 is {a: value or "$@<row>"}, rows are `<hex>:<json>`. */
function parseFlight(text: string): ActionState | null {
  const rows = new Map<string, unknown>()
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line)
    if (!m) continue
    try {
      rows.set(m[1], JSON.parse(m[2]))
    } catch {
      /* a text or module row */
    }
  }
  const root = rows.get('0') as { a?: unknown } | undefined
  let a = root?.a
  if (typeof a === 'string' && a.startsWith('$@')) a = rows.get(a.slice(2))
  return a && typeof a === 'object' && typeof (a as ActionState).ok === 'boolean' ? keysOnly(revive(a) as ActionState & { text?: Record<string, unknown> }) : null
}

/**
 * The answer as its keys: runAction adds `text`, the same error / message in the reader's words, checked
 * here once (present and non-empty wherever there is a key to translate) so each test compares the keys.
 */
function keysOnly(state: ActionState & { text?: Record<string, unknown> }): ActionState {
  const { text, ...keys } = state
  const want = !keys.ok && keys.error ? 'error' : keys.ok && keys.message ? 'message' : null
  if (want && !(typeof text?.[want] === 'string' && (text[want] as string).length > 0))
    throw new Error(`the answer's ${want} came without its translated text: ${JSON.stringify(state)}`)
  return keys
}

/** Flight's encoding of plain values: "$undefined" is an absent field, "$$…" an escaped "$…". */
function revive(v: unknown): unknown {
  if (typeof v === 'string') return v.startsWith('$$') ? v.slice(1) : v
  if (Array.isArray(v)) return v.map(revive)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '$undefined').map(([k, x]) => [k, revive(x)]))
  return v
}

const acknowledged = (r: Reply | undefined) => !!r && r.status === 200 && r.state?.ok === true

// ───────────────────────── the app server, its own process group ─────────────────────────

class AppServer {
  proc: ChildProcess | null = null
  private exited: Promise<void> = Promise.resolve()
  private log: string[] = []
  constructor(
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
  ) {}
  get origin() {
    return `http://127.0.0.1:${this.port}`
  }
  tail() {
    return this.log.join('').split('\n').slice(-40).join('\n')
  }
  async start(timeoutMs = 120_000) {
    const t0 = Date.now()
    const proc = spawn('npm', ['run', 'start', '--', '-p', String(this.port), '-H', '127.0.0.1'], { cwd: ROOT, env: this.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    this.proc = proc
    const keep = (d: Buffer) => {
      this.log.push(d.toString())
      if (this.log.length > 400) this.log.splice(0, 200)
    }
    proc.stdout!.on('data', keep)
    proc.stderr!.on('data', keep)
    this.exited = new Promise((r) => proc.once('exit', () => r()))
    while (Date.now() - t0 < timeoutMs) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server exited during start:\n${this.tail()}`)
      try {
        if ((await request(`${this.origin}/api/health`, { timeoutMs: 5_000 })).status === 200) return Date.now() - t0
      } catch {
        /* not listening yet */
      }
      await sleep(250)
    }
    throw new Error(`server not healthy after ${timeoutMs} ms:\n${this.tail()}`)
  }
  /** SIGKILL to the whole process group (npm, sh, next-server). */
  killNow() {
    const p = this.proc
    if (p?.pid && p.exitCode === null && p.signalCode === null) {
      try {
        process.kill(-p.pid, 'SIGKILL')
      } catch {
        /* already gone */
      }
    }
  }
  async kill() {
    this.killNow()
    await this.exited
    this.proc = null
  }
}

// ───────────────────────── a TCP proxy between the server and PostgreSQL ─────────────────────────

class PgProxy {
  private server = net.createServer((client) => this.accept(client))
  private sockets = new Set<net.Socket>()
  refusing = false
  port = 0
  constructor(private readonly target: { host: string; port: number }) {}
  async listen() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    this.port = (this.server.address() as net.AddressInfo).port
    return this.port
  }
  private accept(client: net.Socket) {
    if (this.refusing) return void client.resetAndDestroy()
    const upstream = net.connect(this.target.port, this.target.host)
    const pair = [client, upstream]
    for (const s of pair) {
      this.sockets.add(s)
      s.on('error', () => {})
      s.on('close', () => {
        this.sockets.delete(s)
        for (const o of pair) o.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  }
  /** Drops every proxied connection (TCP reset) and resets new ones until restore(). Returns the connections cut. */
  cut() {
    this.refusing = true
    const n = this.sockets.size / 2
    for (const s of this.sockets) s.resetAndDestroy()
    return n
  }
  restore() {
    this.refusing = false
  }
  async close() {
    this.cut()
    await new Promise((r) => this.server.close(r))
  }
}

// ───────────────────────── helpers ─────────────────────────

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function freePort() {
  const s = net.createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as net.AddressInfo).port
  await new Promise((r) => s.close(r))
  return port
}

async function inBatches<T, R>(items: T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  }))
  return out
}

/** next-auth credentials sign-in over HTTP → the Cookie header of the session. */
async function signIn(origin: string, phone: string): Promise<string> {
  const jar = new Map<string, string>()
  const absorb = (h: http.IncomingHttpHeaders) => {
    for (const c of h['set-cookie'] ?? []) {
      const kv = c.split(';')[0]
      const i = kv.indexOf('=')
      jar.set(kv.slice(0, i), kv.slice(i + 1))
    }
  }
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const csrf = await request(`${origin}/api/auth/csrf`)
  absorb(csrf.headers)
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string }
  const r = await request(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, phone, password: PASSWORD, json: 'true' }).toString(),
  })
  absorb(r.headers)
  const token = jar.get('next-auth.session-token')
  if (!token) throw new Error(`sign-in of ${phone} failed: ${r.status} ${r.text.slice(0, 200)}`)
  return `next-auth.session-token=${token}`
}

/** Server-action ids by exported name, and a page path whose worker holds them, from the build's manifest. */
function actionIds(names: string[]) {
  const file = path.join(ROOT, '.next/server/server-reference-manifest.json')
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> }
  const out: Record<string, { id: string; route: string }> = {}
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename !== 'app/(app)/tasks/actions.ts' || !entry.exportedName || !names.includes(entry.exportedName)) continue
    const worker = Object.keys(entry.workers).find((w) => !w.includes('['))!
    const route = worker.replace(/^app/, '').replace(/\/\([^)]*\)/g, '').replace(/\/page$/, '') || '/'
    out[entry.exportedName] = { id, route }
  }
  for (const n of names) if (!out[n]) throw new Error(`server action ${n} not in ${file}`)
  return out
}

// ───────────────────────── the suite ─────────────────────────

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const ctx = {} as {
  drop: () => Promise<void>
  dbUrl: string
  client: pg.Client
  proxy: PgProxy
  server: AppServer
  actions: ReturnType<typeof actionIds>
  unit: { id: string; path: string; tenantId: string }
  pointsPerHour: number
  vols: Vol[]
  worker: Vol
  tasks: { A: string; B: string; C: string; D: string; P: string }
}

async function q<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []) {
  return (await ctx.client.query<T>(sql, params)).rows
}

async function callAction(name: string, cookie: string, args: unknown[] | FormData, timeoutMs = 30_000): Promise<Reply> {
  const { id, route } = ctx.actions[name]
  const origin = ctx.server.origin
  const headers: Record<string, string> = { 'Next-Action': id, Origin: origin, Cookie: cookie, Accept: 'text/x-component' }
  let body: Buffer | string
  if (args instanceof FormData) {
    const req = new Request(origin, { method: 'POST', body: args }) // multipart encoding with its boundary
    headers['Content-Type'] = req.headers.get('content-type')!
    body = Buffer.from(await req.arrayBuffer())
  } else {
    headers['Content-Type'] = 'text/plain;charset=UTF-8'
    body = JSON.stringify(args)
  }
  try {
    const r = await request(`${origin}${route}`, { method: 'POST', headers, body, timeoutMs })
    const redirect = typeof r.headers['x-action-redirect'] === 'string' ? r.headers['x-action-redirect'] : null
    return { status: r.status, state: redirect ? null : parseFlight(r.text), redirect, netError: null, text: r.text }
  } catch (e) {
    return { status: 0, state: null, redirect: null, netError: errCode(e), text: '' }
  }
}

const signUpCall = (v: Vol, taskId: string) => callAction('signUpAction', v.cookie, [taskId])
async function selfOutCall(v: Vol, taskId: string, code: string) {
  // a FormData argument: encoded by the same React encoder the browser uses (a multipart body)
  const fd = new FormData()
  fd.append('code', code)
  const body = await encodeReply([taskId, 'out', null, fd]) // (…bound, previous state, form): useActionState's call
  return callAction('selfCheckAction', v.cookie, body instanceof FormData ? body : JSON.parse(body))
}
const staffOutCall = (volunteerId: string, taskId: string) => callAction('staffCheckAction', ctx.worker.cookie, [taskId, volunteerId, 'out'])

/** Invariants that hold at every moment, whatever crashed: returns the violations (expected: none). */
async function violations(): Promise<string[]> {
  const { A, B, C, D, P } = ctx.tasks
  const ours = [A, B, C, D, P]
  const bad: string[] = []
  for (const t of await q<{ id: string; slots: number; taken: number; confirmed: number; waitlisted: number }>(
    `SELECT t.id, t.slots, t.taken,
            count(s.id) FILTER (WHERE s.status = 'CONFIRMED')::int AS confirmed,
            count(s.id) FILTER (WHERE s.status = 'WAITLISTED')::int AS waitlisted
       FROM "Task" t LEFT JOIN "TaskSignup" s ON s."taskId" = t.id WHERE t.id = ANY($1) GROUP BY t.id`,
    [ours],
  )) {
    if (t.confirmed > t.slots) bad.push(`task ${t.id}: ${t.confirmed} confirmed > ${t.slots} slots`)
    if (t.taken !== t.confirmed) bad.push(`task ${t.id}: taken ${t.taken} ≠ ${t.confirmed} confirmed`)
    if (t.waitlisted > 0 && t.confirmed < t.slots) bad.push(`task ${t.id}: ${t.waitlisted} waitlisted while ${t.slots - t.confirmed} slots are free`)
  }
  for (const d of await q(`SELECT "taskId", "userId", count(*)::int AS n FROM "TaskSignup" GROUP BY 1, 2 HAVING count(*) > 1`)) bad.push(`duplicate sign-up ${JSON.stringify(d)}`)
  // a sign-up made by the action: its history row and its message, once each, in its status
  for (const s of await q<{ id: string; status: string; changes: string[]; notes: string[] }>(
    `SELECT s.id, s.status::text AS status,
            ARRAY(SELECT c."to" FROM "StatusChange" c WHERE c.entity = 'TaskSignup' AND c."entityId" = s.id AND c."from" IS NULL) AS changes,
            ARRAY(SELECT n.kind FROM "Notification" n WHERE n."userId" = s."userId" AND n.link = '/tasks/' || s."taskId") AS notes
       FROM "TaskSignup" s WHERE s."taskId" = ANY($1)`,
    [[A, C, P]],
  )) {
    const kind = s.status === 'CONFIRMED' ? 'notify.signupConfirmed' : 'notify.signupWaitlisted'
    if (s.changes.length !== 1 || s.changes[0] !== s.status) bad.push(`sign-up ${s.id} (${s.status}): history ${JSON.stringify(s.changes)}`)
    if (s.notes.length !== 1 || s.notes[0] !== kind) bad.push(`sign-up ${s.id} (${s.status}): messages ${JSON.stringify(s.notes)}`)
  }
  // a check-out is all or nothing: minutes, one history row, one points credit — or none of them
  for (const s of await q<{ id: string; out: boolean; minutes: number | null; expected: number | null; changes: string[]; points: number[] }>(
    `SELECT s.id, s."checkOutAt" IS NOT NULL AS out, s.minutes,
            floor(extract(epoch FROM s."checkOutAt" - s."checkInAt") / 60)::int AS expected,
            ARRAY(SELECT coalesce(c.note, '') FROM "StatusChange" c WHERE c.entity = 'TaskSignup' AND c."entityId" = s.id AND c."to" = 'CHECKED_OUT') AS changes,
            ARRAY(SELECT p.amount FROM "PointsEntry" p WHERE p.kind = 'SERVICE' AND p."refId" = s.id AND p."userId" = s."userId") AS points
       FROM "TaskSignup" s WHERE s."taskId" = ANY($1)`,
    [[B, D]],
  )) {
    if (s.out) {
      const pts = Math.floor(((s.minutes ?? 0) * ctx.pointsPerHour) / 60)
      if (s.minutes === null || s.minutes !== s.expected) bad.push(`check-out ${s.id}: minutes ${s.minutes}, clock says ${s.expected}`)
      if (s.changes.length !== 1 || s.changes[0] !== String(s.minutes)) bad.push(`check-out ${s.id}: history ${JSON.stringify(s.changes)}`)
      if (s.points.length !== 1 || s.points[0] !== pts) bad.push(`check-out ${s.id}: points ${JSON.stringify(s.points)}, expected [${pts}]`)
    } else if (s.minutes !== null || s.changes.length || s.points.length) {
      bad.push(`not checked out ${s.id} but minutes ${s.minutes}, history ${JSON.stringify(s.changes)}, points ${JSON.stringify(s.points)}`)
    }
  }
  for (const b of await q(
    `SELECT coalesce(b."userId", l."userId") AS "userId", b.balance, l.sum FROM "PointsBalance" b
       FULL JOIN (SELECT "userId", sum(amount)::int AS sum FROM "PointsEntry" GROUP BY 1) l ON l."userId" = b."userId"
      WHERE b.balance IS DISTINCT FROM l.sum`,
  )) bad.push(`points balance ≠ ledger ${JSON.stringify(b)}`)
  // the dashboards' roll-up: every unit up the path holds exactly the minutes and records of the check-outs
  const [served] = await q<{ minutes: number; n: number }>(`SELECT coalesce(sum(minutes), 0)::int AS minutes, count(*)::int AS n FROM "TaskSignup" WHERE "checkOutAt" IS NOT NULL`)
  for (const unitId of ctx.unit.path.split('/').filter(Boolean)) {
    const [c] = await q<{ minutes: number; n: number }>(
      `SELECT coalesce(sum(value) FILTER (WHERE metric = 'service:minutes'), 0)::int AS minutes,
              coalesce(sum(value) FILTER (WHERE metric = 'flow:TaskSignup:CHECKED_OUT'), 0)::int AS n
         FROM "UnitCounter" WHERE "orgUnitId" = $1`,
      [unitId],
    )
    if (c.minutes !== served.minutes || c.n !== served.n) bad.push(`unit ${unitId} counters ${JSON.stringify(c)} ≠ check-outs ${JSON.stringify(served)}`)
  }
  // and each month row is the sum of its days (UnitCounterMonth is written in the same statement)
  for (const m of await q(
    `SELECT coalesce(m."orgUnitId", d."orgUnitId") AS unit, coalesce(m.metric, d.metric) AS metric, m.value::int AS month, d.sum::int AS days
       FROM "UnitCounterMonth" m
       FULL JOIN (SELECT "orgUnitId", metric, date_trunc('month', day::timestamp)::date AS month, sum(value) AS sum FROM "UnitCounter" GROUP BY 1, 2, 3) d
         ON d."orgUnitId" = m."orgUnitId" AND d.metric = m.metric AND d.month = m.month
      WHERE coalesce(m.value, 0) <> coalesce(d.sum, 0)`,
  )) bad.push(`month roll-up ≠ its days ${JSON.stringify(m)}`)
  return bad
}

async function signupRows(taskId: string) {
  return new Map((await q<{ userId: string; status: string }>(`SELECT "userId", status::text AS status FROM "TaskSignup" WHERE "taskId" = $1`, [taskId])).map((r) => [r.userId, r.status]))
}
async function checkedOut(taskId: string) {
  return new Set((await q<{ userId: string }>(`SELECT "userId" FROM "TaskSignup" WHERE "taskId" = $1 AND "checkOutAt" IS NOT NULL`, [taskId])).map((r) => r.userId))
}

test.beforeAll(async () => {
  const t0 = Date.now()
  ctx.actions = actionIds(['signUpAction', 'selfCheckAction', 'staffCheckAction'])
  const { url, drop } = await createMigratedDatabase(BASE_DB, 'ronghe_fault')
  ctx.drop = drop
  ctx.dbUrl = url
  ctx.client = new pg.Client({ connectionString: url }) // direct, never through the proxy
  await ctx.client.connect()
  const db = new URL(url)
  ctx.proxy = new PgProxy({ host: db.hostname, port: Number(db.port || 5432) })
  const proxied = new URL(url)
  proxied.port = String(await ctx.proxy.listen())
  const port = await freePort()
  // the same secrets for the first and the restarted server (cookies signed before the crash stay valid)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: proxied.toString(),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
  }
  ctx.server = new AppServer(port, env)
  process.once('exit', () => ctx.server?.killNow()) // never leave a detached server behind
  const startMs = await ctx.server.start() // prepare.ts seeds the demo data into the empty database

  // 42 volunteers of 小街社区 (the demo volunteer's password), a task of SLOTS slots (A), a task with
  // 20 checked-in volunteers (B), a 5-slot task (C) and a task with 10 checked-in volunteers (D), and a probe
  const [unit] = await q<{ id: string; path: string; tenantId: string }>(`SELECT id, path, "tenantId" FROM "OrgUnit" WHERE code = $1`, [XIAOJIE])
  ctx.unit = unit
  ;[{ pointsPerHour: ctx.pointsPerHour }] = await q<{ pointsPerHour: number }>(`SELECT "pointsPerHour" FROM "Tenant" WHERE id = $1`, [unit.tenantId])
  const [demo] = await q<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE phone = '13900000009'`)
  const [worker] = await q<{ id: string }>(`SELECT id FROM "User" WHERE phone = '13900000006'`)
  const [leader] = await q<{ id: string }>(`SELECT id FROM "User" WHERE phone = '13900000008'`)
  const [team] = await q<{ id: string }>(`SELECT id FROM "Team" WHERE "orgUnitId" = $1 AND name = '党旗红志愿服务队'`, [unit.id])
  const [cat] = await q<{ id: string }>(`SELECT id FROM "ServiceCategory" WHERE "tenantId" = $1 ORDER BY "sortOrder" LIMIT 1`, [unit.tenantId])
  const users = await q<{ id: string; phone: string }>(
    `INSERT INTO "User" (id, "tenantId", phone, name, "passwordHash", "updatedAt")
     SELECT gen_random_uuid()::text, $1, '1370000' || lpad(i::text, 4, '0'), '演练志愿者' || i, $2, now() FROM generate_series(1, $3::int) i
     RETURNING id, phone`,
    [unit.tenantId, demo.passwordHash, VOLUNTEERS],
  )
  users.sort((a, b) => a.phone.localeCompare(b.phone))
  await q(`INSERT INTO "RoleAssignment" (id, "userId", "orgUnitId", "orgPath", role) SELECT gen_random_uuid()::text, id, $2, $3, 'VOLUNTEER' FROM unnest($1::text[]) id`, [users.map((u) => u.id), unit.id, unit.path])
  const [item] = await q<{ id: string }>(
    `INSERT INTO "ServiceItem" (id, "tenantId", "orgUnitId", "orgPath", "categoryId", title, description, "createdById")
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4, '故障演练', '服务器崩溃与断库演练', $5) RETURNING id`,
    [unit.tenantId, unit.id, unit.path, cat.id, worker.id],
  )
  const [order] = await q<{ id: string }>(
    `INSERT INTO "Order" (id, "tenantId", "orgUnitId", "orgPath", "serviceItemId", status, "claimedByTeamId", "dispatchedById", "claimedById", "claimedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4, 'CLAIMED', $5, $6, $7, ${NOW}) RETURNING id`,
    [unit.tenantId, unit.id, unit.path, item.id, team.id, worker.id, leader.id],
  )
  const task = async (title: string, slots: number, open: boolean) =>
    (
      await q<{ id: string }>(
        `INSERT INTO "Task" (id, "tenantId", "orgUnitId", "orgPath", "orderId", title, "startsAt", "endsAt", place, slots, "signupDeadline", "checkinCode", "createdById", "updatedAt")
         VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, ${NOW} + $6::interval, ${NOW} + $6::interval + interval '3 hours', '小街社区党群服务中心', $7, ${NOW} + $8::interval, $9, $10, now())
         RETURNING id`,
        [unit.tenantId, unit.id, unit.path, order.id, title, open ? '1 day' : '-2 hours', slots, open ? '12 hours' : '-3 hours', CODE, worker.id],
      )
    )[0].id
  ctx.tasks = { A: await task('演练：报名', SLOTS, true), B: await task('演练：签退', 30, false), C: await task('演练：断库报名', 5, true), D: await task('演练：断库签退', 30, false), P: await task('演练：探针', 1, true) }
  const checkedIn = async (taskId: string, ids: string[]) => {
    await q(
      `INSERT INTO "TaskSignup" (id, "taskId", "userId", status, "checkInAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, id, 'CONFIRMED', ${NOW} - interval '90 minutes', now() FROM unnest($2::text[]) id`,
      [taskId, ids],
    )
    await q(`UPDATE "Task" SET taken = $2 WHERE id = $1`, [taskId, ids.length])
  }
  await checkedIn(ctx.tasks.B, users.slice(0, SELF_OUT + STAFF_OUT).map((u) => u.id))
  await checkedIn(ctx.tasks.D, users.slice(20, 20 + DROP_OUT).map((u) => u.id))

  const s0 = Date.now()
  const origin = ctx.server.origin
  const cookies = await inBatches(users, 4, (u) => signIn(origin, u.phone))
  ctx.vols = users.map((u, i) => ({ ...u, cookie: cookies[i] }))
  ctx.worker = { id: worker.id, phone: '13900000006', cookie: await signIn(origin, '13900000006') }
  console.log(`[fault] setup: server up in ${startMs} ms (migrate + seed), ${VOLUNTEERS + 1} HTTP sign-ins in ${Date.now() - s0} ms, total ${Date.now() - t0} ms`)
})

test.afterAll(async () => {
  await ctx.server?.kill().catch(() => {})
  await ctx.proxy?.close().catch(() => {})
  await ctx.client?.end().catch(() => {})
  await ctx.drop?.()
})

test('the request format works on a healthy server', async () => {
  const [demo] = await q<{ id: string }>(`SELECT id FROM "User" WHERE phone = '13900000009'`)
  const demoVol = { id: demo.id, phone: '13900000009', cookie: await signIn(ctx.server.origin, '13900000009') }
  const r = await signUpCall(demoVol, ctx.tasks.P)
  expect(r.status).toBe(200)
  expect(r.state).toEqual({ ok: true, message: 'tasks.confirmed' })
  expect(await signupRows(ctx.tasks.P)).toEqual(new Map([[demo.id, 'CONFIRMED']]))
  // the FormData argument reaches the code check (a wrong code is refused, the right one passes it and
  // meets a sign-up not checked in); the staff action reaches the sign-up's state
  expect((await selfOutCall(demoVol, ctx.tasks.P, '000000')).state).toMatchObject({ ok: false, error: 'form.fixErrors', fieldErrors: { code: 'validation.checkinCode.wrong' } })
  expect((await selfOutCall(demoVol, ctx.tasks.P, CODE)).state).toMatchObject({ ok: false, error: 'error.state' })
  expect((await staffOutCall(demo.id, ctx.tasks.P)).state).toMatchObject({ ok: false, error: 'error.state' })
  // signed out: redirected to the sign-in page, nothing written
  expect((await callAction('signUpAction', '', [ctx.tasks.P])).redirect).toMatch(/^\/login/)
  expect(await violations()).toEqual([])
})

test('SIGKILL mid-burst: acknowledged writes survive, nothing overbooked, duplicated or half-written', async () => {
  const { A, B } = ctx.tasks
  type Op = { kind: 'signup' | 'selfOut' | 'staffOut'; vol: Vol; reply?: Reply; sent: boolean; done: boolean }
  const signups: Op[] = ctx.vols.slice(0, BURST_SIGNUPS).map((vol) => ({ kind: 'signup', vol, sent: false, done: false }))
  const outs: Op[] = ctx.vols.slice(0, SELF_OUT + STAFF_OUT).map((vol, i) => ({ kind: i < SELF_OUT ? 'selfOut' : 'staffOut', vol, sent: false, done: false }))
  // interleaved: two sign-ups, one check-out
  const ops: Op[] = []
  for (let i = 0; i < signups.length; i++) {
    ops.push(signups[i])
    if (i % 2 === 1 && outs.length) ops.push(outs.shift()!)
  }
  ops.push(...outs.splice(0))
  const allOuts = ops.filter((o) => o.kind !== 'signup')

  const run = (op: Op) => (op.kind === 'signup' ? signUpCall(op.vol, A) : op.kind === 'selfOut' ? selfOutCall(op.vol, B, CODE) : staffOutCall(op.vol.id, B))
  let acks = 0
  let killed = false
  let inFlightAtKill = 0
  const t0 = Date.now()
  const pending: Promise<void>[] = []
  for (const op of ops) {
    if (killed) break
    op.sent = true
    pending.push(
      run(op).then((reply) => {
        op.reply = reply
        op.done = true
        if (acknowledged(reply) && ++acks >= KILL_AFTER_ACKS && !killed) {
          killed = true
          inFlightAtKill = ops.filter((o) => o.sent && !o.done).length
          ctx.server.killNow()
        }
      }),
    )
    await sleep(STAGGER_MS)
  }
  await Promise.all(pending)
  const burstMs = Date.now() - t0
  await ctx.server.kill()

  const sent = ops.filter((o) => o.sent)
  const acked = ops.filter((o) => acknowledged(o.reply))
  const failedReplies = sent.filter((o) => !acknowledged(o.reply))
  const why = new Map<string, number>()
  for (const o of failedReplies) {
    const k = o.reply?.netError ?? `HTTP ${o.reply?.status} ${JSON.stringify(o.reply?.state)}`
    why.set(k, (why.get(k) ?? 0) + 1)
  }
  expect(killed, 'the kill happened mid-burst').toBe(true)
  expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)
  expect(ops.length - acked.length, 'some requests were cut off by the kill (in flight or never sent)').toBeGreaterThan(0)
  // before the kill every answer was a success: sign-ups confirmed or waitlisted, check-outs done
  for (const o of acked) expect(o.reply!.state).toEqual(o.kind === 'signup' ? { ok: true, message: expect.stringMatching(/^tasks\.(confirmed|waitlisted)$/) } : { ok: true })

  // the database as the crash left it, read directly once PostgreSQL has ended the dead server's sessions
  // (a COMMIT already on the wire may still land until then), before any restart
  const t1 = Date.now()
  while ((await q<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`))[0].n > 0) {
    expect(Date.now() - t1, 'the dead server\'s database sessions end').toBeLessThan(15_000)
    await sleep(100)
  }
  const rowsA = await signupRows(A)
  const outB = await checkedOut(B)
  const lost = acked.filter((o) => (o.kind === 'signup' ? rowsA.get(o.vol.id) !== (o.reply!.state!.message === 'tasks.confirmed' ? 'CONFIRMED' : 'WAITLISTED') : !outB.has(o.vol.id)))
  const ackedSignups = acked.filter((o) => o.kind === 'signup')
  const ackedOuts = acked.filter((o) => o.kind !== 'signup')
  const confirmedA = [...rowsA.values()].filter((s) => s === 'CONFIRMED').length
  console.log(
    `[fault] burst: ${ops.length} planned, ${sent.length} sent over ${burstMs} ms (stagger ${STAGGER_MS} ms), ${acked.length} acknowledged ` +
      `(${ackedSignups.length} sign-ups, ${ackedOuts.length} check-outs); SIGKILL with ${inFlightAtKill} in flight; ${ops.length - sent.length} not sent; ` +
      `failures ${JSON.stringify(Object.fromEntries(why))}`,
  )
  console.log(
    `[fault] after SIGKILL: task A ${rowsA.size} sign-ups present (${ackedSignups.length} acknowledged, ${rowsA.size - ackedSignups.length} committed but unacknowledged), ` +
      `confirmed ${confirmedA} / ${SLOTS} slots; task B ${outB.size} check-outs present (${ackedOuts.length} acknowledged); acknowledged but missing: ${lost.length}`,
  )
  expect(lost.map((o) => `${o.kind} ${o.vol.phone}`), 'acknowledged writes missing after the crash').toEqual([])
  expect(confirmedA).toBeLessThanOrEqual(SLOTS)
  expect(rowsA.size).toBeLessThanOrEqual(sent.filter((o) => o.kind === 'signup').length)
  expect(await violations()).toEqual([])

  // restart on the same database; cookies from before the crash still work
  const restartMs = await ctx.server.start()
  expect(await signupRows(A), 'the restart (prepare.ts) leaves the sign-ups as the crash left them').toEqual(rowsA)
  expect(await checkedOut(B)).toEqual(outB)
  // every volunteer whose request was not acknowledged retries: a committed one is told "already"
  // (no second row), a lost one now succeeds; a check-out done before the crash is refused, not re-credited
  const retries = ops.filter((o) => !acknowledged(o.reply))
  const t2 = Date.now()
  const again = await Promise.all(retries.map((o) => run(o)))
  const retryMs = Date.now() - t2
  let already = 0
  retries.forEach((o, i) => {
    const r = again[i]
    const committed = o.kind === 'signup' ? rowsA.has(o.vol.id) : outB.has(o.vol.id)
    if (committed) already++
    const expected = o.kind === 'signup' ? (committed ? { ok: false, error: 'tasks.already' } : { ok: true, message: expect.stringMatching(/^tasks\.(confirmed|waitlisted)$/) }) : committed ? { ok: false, error: 'error.state' } : { ok: true }
    expect.soft(r.status, `retry of ${o.kind} ${o.vol.phone}`).toBe(200)
    expect(r.state, `retry of ${o.kind} ${o.vol.phone} (committed before the crash: ${committed})`).toMatchObject(expected)
  })
  // the restarted server serves new work: a volunteer who was not in the burst signs up (task A is full now)
  const fresh = await signUpCall(ctx.vols[40], A)
  expect(fresh.state).toEqual({ ok: true, message: 'tasks.waitlisted' })

  const finalA = await signupRows(A)
  const finalOut = await checkedOut(B)
  const finalConfirmed = [...finalA.values()].filter((s) => s === 'CONFIRMED').length
  console.log(
    `[fault] restart: healthy in ${restartMs} ms; ${retries.length} retries in ${retryMs} ms (${already} already done before the crash); ` +
      `task A ${finalA.size} sign-ups, confirmed ${finalConfirmed} / ${SLOTS} slots, waitlisted ${finalA.size - finalConfirmed}; task B ${finalOut.size} / ${allOuts.length} checked out`,
  )
  expect(finalA.size).toBe(BURST_SIGNUPS + 1)
  expect(finalConfirmed).toBe(SLOTS)
  expect(finalOut.size).toBe(allOuts.length)
  expect(await violations()).toEqual([])
})

test('dropped database connection: a retryable answer, an error page, nothing partial; then exactly once', async ({ browser }) => {
  const { C, D } = ctx.tasks
  const vol = ctx.vols[41]
  const origin = ctx.server.origin
  // the volunteer's browser, with the session signed in over HTTP
  const context = await browser.newContext()
  await context.addCookies([{ name: 'next-auth.session-token', value: vol.cookie.slice(vol.cookie.indexOf('=') + 1), url: origin }])
  const tab = await context.newPage()
  expect((await request(`${origin}/api/health`)).status).toBe(200) // the pool holds live connections now
  const cutConnections = ctx.proxy.cut()
  expect(cutConnections, 'live database connections were cut').toBeGreaterThan(0)

  const health = await request(`${origin}/api/health`)
  const attempt = await signUpCall(vol, C)
  const raw = await request(`${origin}/tasks`, { headers: { Cookie: vol.cookie } })
  const shown = await tab.goto(`${origin}/tasks`)
  const retryShown = await tab
    .getByRole('button', { name: '重试' })
    .waitFor({ state: 'visible', timeout: 10_000 })
    .then(() => true, () => false)
  const nothing = await q<{ signups: number; notes: number; changes: number; taken: number }>(
    `SELECT (SELECT count(*) FROM "TaskSignup" WHERE "taskId" = $1)::int AS signups,
            (SELECT count(*) FROM "Notification" WHERE "userId" = $2)::int AS notes,
            (SELECT count(*) FROM "StatusChange" WHERE "byUserId" = $2)::int AS changes,
            (SELECT taken FROM "Task" WHERE id = $1) AS taken`,
    [C, vol.id],
  )
  console.log(
    `[fault] connection drop: ${cutConnections} connections cut; health ${health.status}; sign-up answered HTTP ${attempt.status} ${JSON.stringify(attempt.state)}${attempt.netError ? ` (${attempt.netError})` : ''}; ` +
      `GET /tasks HTTP ${raw.status}, in the browser HTTP ${shown?.status()} with the error page's 重试 button: ${retryShown}`,
  )
  expect(health.status).toBe(503)
  expect(acknowledged(attempt), 'a sign-up without a database is not acknowledged').toBe(false)
  // THE CONTRACT (pending on main): a retryable answer, not a 500. Soft, so every other assertion still runs.
  expect.soft({ status: attempt.status, state: attempt.state }, 'a sign-up while the database is unreachable answers error.retryable').toEqual({ status: 200, state: RETRYABLE })
  // a page: the app's error page (app/error.tsx) or a 5xx, never the task list half-rendered
  expect(raw.status >= 500 || retryShown, `GET /tasks during the outage: HTTP ${raw.status}, error page ${retryShown}`).toBe(true)
  expect(raw.text).not.toContain('演练：断库报名')
  await expect(tab.getByText('演练：断库报名')).toHaveCount(0)
  expect(nothing).toEqual([{ signups: 0, notes: 0, changes: 0, taken: 0 }])

  ctx.proxy.restore()
  const t0 = Date.now()
  while ((await request(`${origin}/api/health`).catch(() => null))?.status !== 200) {
    expect(Date.now() - t0, 'healthy again after the connection is back').toBeLessThan(15_000)
    await sleep(200)
  }
  const ok = await signUpCall(vol, C)
  const twice = await signUpCall(vol, C)
  expect(ok.state).toEqual({ ok: true, message: 'tasks.confirmed' })
  expect(twice.state).toEqual({ ok: false, error: 'tasks.already' })
  expect(await signupRows(C)).toEqual(new Map([[vol.id, 'CONFIRMED']]))
  expect(await violations()).toEqual([])
  // the same browser tab, reloaded, shows the task list again
  await tab.reload()
  await expect(tab.getByTestId('task-card').filter({ hasText: '演练：断库报名' })).toBeVisible()
  await context.close()

  // the connection drops while check-out transactions are in flight: each is all or nothing
  const outVols = ctx.vols.slice(20, 20 + DROP_OUT)
  let cutAt = -1
  let inFlight = 0
  const done = new Set<string>()
  const replies = await Promise.all(
    outVols.map(async (v, i) => {
      await sleep(i * 5)
      const r = await staffOutCall(v.id, D)
      done.add(v.id)
      if (cutAt < 0) {
        cutAt = ctx.proxy.cut()
        inFlight = DROP_OUT - done.size
        setTimeout(() => ctx.proxy.restore(), 1_000)
      }
      return r
    }),
  )
  await sleep(1_100)
  ctx.proxy.restore()
  const outD = await checkedOut(D)
  const ackedD = outVols.filter((v, i) => acknowledged(replies[i]))
  const failedD = replies.filter((r) => !acknowledged(r))
  console.log(
    `[fault] drop during check-outs: ${DROP_OUT} sent, ${ackedD.length} acknowledged, cut with ${inFlight} in flight (${cutAt} connections), ` +
      `${outD.size} present; failures answered ${JSON.stringify(failedD.map((r) => r.netError ?? `${r.status} ${JSON.stringify(r.state)}`))}`,
  )
  expect(ackedD.filter((v) => !outD.has(v.id)).map((v) => v.phone), 'acknowledged check-outs missing').toEqual([])
  expect(await violations()).toEqual([])
  // THE CONTRACT (pending on main), soft as above
  expect
    .soft(failedD.map((r) => ({ status: r.status, state: r.state })), 'check-outs cut off from the database answer error.retryable')
    .toEqual(failedD.map(() => ({ status: 200, state: RETRYABLE })))
  // the retries finish the job exactly once
  const retry = await Promise.all(outVols.map((v, i) => (acknowledged(replies[i]) ? null : staffOutCall(v.id, D))))
  retry.forEach((r, i) => {
    if (r) expect(r.state, `retry of check-out ${outVols[i].phone}`).toMatchObject(outD.has(outVols[i].id) ? { ok: false, error: 'error.state' } : { ok: true })
  })
  expect((await checkedOut(D)).size).toBe(DROP_OUT)
  expect(await violations()).toEqual([])
})
