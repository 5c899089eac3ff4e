// The HTTP half of `npm run bench`: the officials' /dashboard over loopback from a production `next start`
// on the bench database, as an official's browser asks for it (signed in through next-auth credentials,
// gzip, the whole page read). Closed loop: each of --http-connections connections sends its next request
// as soon as the previous reply is in, for --http-seconds, per official. No lib/server; the server is
// started as the load test's (tests/load/harness.ts).
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { cookieHeader, keepCookies, nextBuild, startNextServer, type Jar } from '../load/harness'

export const BENCH_PASSWORD = 'Ronghe@2026' // tests/bench/data.ts

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number; error?: string; timedOut?: boolean }

export type HttpStat = {
  requests: number
  rps: number
  p50: number | null
  p95: number | null
  p99: number | null
  max: number | null
  mean: number | null
  timeouts: number
  errors: number
  reasons: Record<string, number>
  meanKiB: number | null
  /** the server's CPU (its process and children) per request, when the bench started the server */
  serverCpuMsPerRequest: number | null
  /** the machine's CPU busy share over the run (both cores) */
  machineBusy: number
}

const r1 = (x: number) => Math.round(x * 10) / 10

function quantiles(ms: number[]) {
  const xs = [...ms].sort((a, b) => a - b)
  const q = (p: number) => (xs.length ? r1(xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]) : null)
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: xs.length ? r1(xs[xs.length - 1]) : null, mean: xs.length ? r1(xs.reduce((a, b) => a + b, 0) / xs.length) : null }
}

export function httpClient(origin: string, timeoutMs: number, maxSockets: number) {
  const u = new URL(origin)
  const agent = new http.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 10_000 })
  function send(method: 'GET' | 'POST', urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
    return new Promise((resolve) => {
      const t0 = performance.now()
      let done = false
      let timedOut = false
      const finish = (r: Omit<Reply, 'ms'>) => {
        if (done) return
        done = true
        resolve({ ...r, ms: performance.now() - t0, timedOut })
      }
      const req = http.request({ host: u.hostname, port: Number(u.port || 80), method, path: urlPath, agent, headers: { 'accept-encoding': 'gzip', 'user-agent': 'ronghe-bench/1', ...headers, ...(body != null ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          let buf = Buffer.concat(chunks)
          try {
            if (res.headers['content-encoding'] === 'gzip') buf = zlib.gunzipSync(buf)
          } catch (e) {
            return finish({ status: res.statusCode ?? 0, headers: res.headers, body: '', error: `gunzip: ${(e as Error).message}` })
          }
          finish({ status: res.statusCode ?? 0, headers: res.headers, body: buf.toString('utf8') })
        })
        res.on('error', (e) => finish({ status: res.statusCode ?? 0, headers: res.headers, body: '', error: e.message }))
      })
      req.setTimeout(timeoutMs, () => {
        timedOut = true
        req.destroy(new Error(`timeout ${timeoutMs / 1000} s`))
      })
      req.on('error', (e) => finish({ status: 0, headers: {}, body: '', error: e.message }))
      if (body != null) req.write(body)
      req.end()
    })
  }
  async function health() {
    const r = await send('GET', '/api/health')
    return r.status === 200 && /"ok":true/.test(r.body)
  }
  /** next-auth credentials: csrf, then the callback; the session cookie lands in the returned jar. */
  async function signIn(phone: string, password = BENCH_PASSWORD): Promise<Jar> {
    const jar: Jar = new Map()
    const csrf = await send('GET', '/api/auth/csrf')
    keepCookies(jar, csrf)
    if (csrf.status !== 200) throw new Error(`sign-in ${phone}: csrf status ${csrf.status} ${csrf.error ?? ''}`)
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string }
    const form = new URLSearchParams({ csrfToken, phone, password, callbackUrl: `${origin}/`, json: 'true' }).toString()
    const r = await send('POST', '/api/auth/callback/credentials', { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded', origin }, form)
    keepCookies(jar, r)
    if (r.error || (r.status !== 200 && r.status !== 302) || !jar.has('next-auth.session-token')) throw new Error(`sign-in ${phone}: status ${r.status} ${r.error ?? r.body.slice(0, 200)}`)
    return jar
  }
  return { send, health, signIn, destroy: () => agent.destroy() }
}

/** CPU ticks (1/100 s) of a process and its reaped children, and the machine's busy/total ticks. */
function cpu(pid: number | null) {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const v = f.map(Number)
  const total = v.reduce((a, b) => a + b, 0)
  const idle = v[3] + (v[4] ?? 0)
  let proc = 0
  if (pid != null) {
    try {
      const st = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const rest = st.slice(st.lastIndexOf(')') + 2).split(' ')
      proc = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14])
    } catch { /* gone */ }
  }
  return { total, idle, proc }
}

/**
 * `next start` of the build in `dir` (its .next) on `port`, in its own process group, pointed at the bench
 * database; resolves when /api/health answers. Fresh session secret each run; per-IP limits × 1000 (all
 * requests come from loopback).
 */
export async function startServer(o: { dir: string; port: number; databaseUrl: string; logFile: string; build: boolean }) {
  const dir = path.resolve(o.dir)
  if (o.build) {
    console.log(`next build in ${dir} (nice -n 10) …`)
    nextBuild({}, dir)
  }
  if (!fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) throw new Error(`no production build in ${dir}/.next: pass --build (or --app DIR of a built copy), --server URL of a running server, or --no-http`)
  const origin = `http://127.0.0.1:${o.port}`
  const client = httpClient(origin, 5_000, 4)
  if (await client.health().catch(() => false)) throw new Error(`something already answers on ${origin}: stop it or pass --port`)
  fs.mkdirSync(path.dirname(o.logFile), { recursive: true })
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: o.databaseUrl,
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: origin,
    AUTH_TRUST_HOST: 'true',
    RATE_LIMIT_IP_FACTOR: '1000',
  }
  try {
    const srv = await startNextServer({ cwd: dir, port: o.port, env, logFd: fs.openSync(o.logFile, 'w'), logFile: o.logFile, health: () => client.health() })
    process.once('SIGINT', () => { void srv.stop().then(() => process.exit(130)) })
    return { origin, ...srv }
  } finally {
    client.destroy()
  }
}

/**
 * One official's GET `urlPath` (default /dashboard): `single` sequential requests (the first after a
 * sign-in is counted too: nothing warmed), then `warmup` s of closed-loop traffic (not recorded), then
 * `seconds` s on `connections` connections. A reply is an error unless 200 with the page's marker.
 */
export async function hammer(o: { origin: string; phone: string; urlPath?: string; marker?: string; connections: number; seconds: number; warmup: number; single: number; timeoutMs: number; serverPid: number | null }) {
  const urlPath = o.urlPath ?? '/dashboard'
  const marker = o.marker ?? 'data-testid="dashboard-title"'
  const client = httpClient(o.origin, o.timeoutMs, o.connections + 2)
  const jar = await client.signIn(o.phone)
  const get = async () => {
    const r = await client.send('GET', urlPath, { cookie: cookieHeader(jar), accept: 'text/html' })
    keepCookies(jar, r)
    const problem = r.timedOut ? 'timeout' : r.error ? `network: ${r.error}` : r.status !== 200 ? `status ${r.status}${r.headers.location ? ` → ${r.headers.location}` : ''}` : !r.body.includes(marker) ? `200 without ${marker}` : null
    return { ms: r.ms, problem, bytes: Buffer.byteLength(r.body) }
  }
  const singles: number[] = []
  for (let i = 0; i < o.single; i++) {
    const r = await get()
    if (r.problem) throw new Error(`${o.phone} GET ${urlPath}: ${r.problem}`)
    singles.push(r1(r.ms))
  }
  const run = async (seconds: number) => {
    const out: { ms: number; problem: string | null; bytes: number }[] = []
    const deadline = performance.now() + seconds * 1000
    await Promise.all(Array.from({ length: o.connections }, async () => {
      while (performance.now() < deadline) out.push(await get())
    }))
    return out
  }
  if (o.warmup > 0) await run(o.warmup)
  const c0 = cpu(o.serverPid)
  const t0 = performance.now()
  const results = await run(o.seconds)
  const elapsed = (performance.now() - t0) / 1000
  const c1 = cpu(o.serverPid)
  client.destroy()
  const reasons: Record<string, number> = {}
  for (const r of results) if (r.problem) reasons[r.problem] = (reasons[r.problem] ?? 0) + 1
  const stat: HttpStat = {
    requests: results.length,
    rps: r1(results.length / elapsed),
    ...quantiles(results.map((r) => r.ms)),
    timeouts: reasons.timeout ?? 0,
    errors: results.filter((r) => r.problem).length,
    reasons,
    meanKiB: results.length ? r1(results.reduce((a, r) => a + r.bytes, 0) / results.length / 1024) : null,
    serverCpuMsPerRequest: o.serverPid != null && results.length ? r1(((c1.proc - c0.proc) * 10) / results.length) : null,
    machineBusy: Math.round((1 - (c1.idle - c0.idle) / Math.max(1, c1.total - c0.total)) * 1000) / 1000,
  }
  return { single: singles, seconds: r1(elapsed), connections: o.connections, ...stat }
}
