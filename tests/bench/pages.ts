// `npm run bench:pages [-- --no-build --reuse --duration 20 --warmup 5 --connections 8 --readme --strict
//   --only key,key --profile [--profile-seconds 15] --lighthouse --keep-html DIR --paired-floor S | --no-pair]`
//   — the page benchmark (issue 14).
// Not part of `npm test` or CI. One production server, one page at a time, at saturation:
//
//   world     tests/bench/pages-env.ts: database ronghe_pages (seed + a busy 小街社区: 200 volunteers,
//             30 open tasks, a year of check-outs and points), `next build`, ONE `next start` on --port
//             (3500) with BENCH_FLOOR=1 and the SQL probe (tests/bench/server-probe.cjs, preloaded), users
//             signed in over HTTP: 8 volunteers of 小街社区 (one per connection), the community admin
//             13900000005, the region official 13900000001;
//   pages     the floor first (`/floor`: an empty page through proxy.ts, the root layout and requireScope;
//             `/floor/api`: a route handler with getScope; `/floor-shell`: the empty page inside the app
//             shell), then signed out /login and /register, the volunteer's /, /tasks, /tasks/<an open task>,
//             /points, the community admin's / and /needs, the region official's /dashboard;
//   per page  one request alone first, its SQL captured (the statements' text goes to the JSON), its HTML
//             (raw, and gzip as it came over the wire: Next compresses) and the <script src> chunks it
//             references, each fetched once (gzip over the wire) = first-load JS (noModule polyfills left out:
//             a browser that runs modules never fetches them); then --warmup seconds
//             (default 5) of traffic, then --duration seconds (default 20) on --connections (8) connections,
//             closed loop, no think time. The measured window starts and ends with every connection idle,
//             so the server's CPU (utime + stime of every process of next start's tree, /proc/<pid>/stat,
//             reaped children included) and the statements counted at the driver over the window belong to
//             its requests only: ÷ requests = CPU ms / request and SQL / request;
//   errors    a network error or 30 s timeout, a status other than 200, or a 200 without the page's markers
//             (text the page really renders) count as errors, are reported per page, and make the exit 1;
//   paired    before each page, --paired-floor seconds (half of --duration, at least 5) of the floor
//             again: a shared machine's speed drifts over the run's minutes (seen here in one run:
//             /login, which does less than the floor, cost 5.7 ms of CPU against the floor's 5.1 measured
//             two minutes earlier; in an earlier run 0.84× the floor), so each page's ratio is to the floor
//             window measured just before it (`pairedFloor` in the JSON); --no-pair uses the first floor;
//   output    reports/pages.json (--out), a Markdown table (also as a ratio to the floor page: req/s and
//             CPU), the issue's budgets met / not met. `--readme` writes the table between
//             <!-- pages:start --> and <!-- pages:end --> in README.md. Budgets not met exit 0 unless --strict.
//   --profile CPU profile of the server process (node:inspector's V8 profiler in the probe, the same
//             sampler as `node --cpu-prof`, started and stopped around the window) under the volunteer's
//             /tasks for --profile-seconds (15) after a warm-up; reports/pages-profile.cpuprofile and its top
//             functions / files / packages by self time (tests/bench/cpuprofile.ts).
//   --lighthouse  then Lighthouse on the same server (tests/bench/lighthouse.ts; `npm run bench:lighthouse`
//             runs it alone, starting its own server the same way).
import fs from 'node:fs'
import os from 'node:os'
import zlib from 'node:zlib'
import { cli, cookieHeader, cpuSnapshot, keepCookies, r1, Stats, summarize, TICK_MS, type Jar, type Reply } from '../load/harness'
import { profileMarkdown, summarizeProfile, type CpuProfile } from './cpuprofile'
import { provenance, replaceBetween, startPagesEnv, type PagesEnv } from './pages-env'

const argv = process.argv.slice(2)
const { arg, num, has } = cli(argv)
const PORT = Math.round(num('--port', 3500))
const CONNECTIONS = Math.max(1, Math.round(num('--connections', 8)))
const DURATION_S = num('--duration', 20)
const WARMUP_S = num('--warmup', 5)
const OUT = arg('--out') ?? 'reports/pages.json'
const KEEP_HTML = arg('--keep-html')
if (KEEP_HTML) fs.mkdirSync(KEEP_HTML, { recursive: true })
const ONLY = arg('--only')?.split(',').map((s) => s.trim())
const PROFILE = has('--profile')
// seconds of a floor window before each page (0: none; the ratios then use the first floor only)
const PAIRED_S = has('--no-pair') ? 0 : num('--paired-floor', Math.max(5, Math.round(DURATION_S / 2)))
const PROFILE_S = num('--profile-seconds', 15)
const KB = 1000 // budgets in kB of 1,000 bytes (as browsers' network panels count)

type Who = 'anon' | 'volunteer' | 'admin' | 'region'
type PageDef = { key: string; who: Who; path: string; markers: string[]; handler?: boolean; floor?: boolean }

export function pageDefs(openTask: { id: string; title: string }): PageDef[] {
  return [
    { key: 'floor /floor', who: 'volunteer', path: '/floor', markers: ['data-testid="floor"'], floor: true },
    { key: 'floor /floor/api (handler)', who: 'volunteer', path: '/floor/api', markers: ['"ok":true'], handler: true, floor: true },
    { key: 'floor /floor-shell (app shell)', who: 'volunteer', path: '/floor-shell', markers: ['data-testid="floor-shell"'], floor: true },
    { key: 'signed out /login', who: 'anon', path: '/login', markers: ['name="phone"', 'name="password"'] },
    { key: 'signed out /register', who: 'anon', path: '/register', markers: ['name="confirmPassword"', 'name="communityQuery"'] },
    { key: 'volunteer /', who: 'volunteer', path: '/', markers: ['data-testid="volunteer-greeting"', 'data-testid="my-hours"', '压测任务'] },
    { key: 'volunteer /tasks', who: 'volunteer', path: '/tasks', markers: ['data-testid="my-hours"', '压测任务'] },
    { key: 'volunteer /tasks/[id]', who: 'volunteer', path: `/tasks/${openTask.id}`, markers: ['data-testid="slots-left"', openTask.title] },
    { key: 'volunteer /points', who: 'volunteer', path: '/points', markers: ['data-testid="my-points"', 'data-testid="ledger"', '历史任务'] },
    { key: 'community admin /', who: 'admin', path: '/', markers: ['data-testid="unit-name"', '小街社区'] },
    { key: 'community admin /needs', who: 'admin', path: '/needs', markers: ['data-testid="needs-list"', '历史需求'] },
    { key: 'region official /dashboard', who: 'region', path: '/dashboard', markers: ['data-testid="dashboard-title"', 'data-testid="kpis"'] },
  ]
}

// ───────────────────────── measuring one page ─────────────────────────
function jarFor(env: PagesEnv, who: Who, c: number): Jar {
  if (who === 'volunteer') return env.users.volunteers[c % env.users.volunteers.length].jar
  if (who === 'admin') return env.users.admin.jar
  if (who === 'region') return env.users.region.jar
  return new Map()
}

async function get(env: PagesEnv, def: PageDef, jar: Jar): Promise<{ r: Reply; problem: string | null }> {
  const r = await env.client.send('GET', def.path, { cookie: cookieHeader(jar), accept: def.handler ? 'application/json' : 'text/html' })
  keepCookies(jar, r)
  const missing = def.markers.filter((m) => !r.body.includes(m))
  const problem = r.error ? `network: ${r.error}` : r.status !== 200 ? `status ${r.status}${r.headers.location ? ` → ${r.headers.location}` : ''}` : missing.length ? `200 without ${missing.join(', ')}` : null
  return { r, problem }
}

const assetCache = new Map<string, { raw: number; gzip: number; wire: boolean; status: number }>()
/** A static asset, once: its size raw and gzip (as the server sent it, or gzip -6 if it sent it plain). */
async function asset(env: PagesEnv, url: string) {
  const hit = assetCache.get(url)
  if (hit) return hit
  const r = await env.client.send('GET', url)
  const raw = Buffer.byteLength(r.body)
  const wire = r.headers['content-encoding'] === 'gzip'
  const a = { raw, gzip: wire ? r.wireBytes : zlib.gzipSync(r.body).length, wire, status: r.status }
  assetCache.set(url, a)
  return a
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1]
function referencedAssets(html: string) {
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0])
  // a noModule script (Next's legacy polyfills) is never fetched by a browser that runs modules: not first-load JS
  const noModule = (tag: string) => /\snomodule(?=[\s=>/])/i.test(tag)
  const scripts = tags.filter((t) => !noModule(t)).map((t) => attr(t, 'src')).filter((s): s is string => !!s)
  const legacy = tags.filter(noModule).map((t) => attr(t, 'src')).filter((s): s is string => !!s)
  const styles = [...html.matchAll(/<link\b[^>]*>/gi)].filter((m) => attr(m[0], 'rel') === 'stylesheet').map((m) => attr(m[0], 'href')).filter((s): s is string => !!s)
  const preloads = [...html.matchAll(/<link\b[^>]*>/gi)].filter((m) => /preload/.test(attr(m[0], 'rel') ?? '') && attr(m[0], 'as') === 'script').map((m) => attr(m[0], 'href')).filter((s): s is string => !!s)
  const dec = (u: string) => u.replace(/&amp;/g, '&')
  return { scripts: [...new Set(scripts.map(dec))], noModule: [...new Set(legacy.map(dec))], styles: [...new Set(styles.map(dec))], preloadOnly: [...new Set(preloads.map(dec))].filter((u) => !scripts.includes(u)) }
}

async function closedLoop(env: PagesEnv, def: PageDef, seconds: number, stats: Stats) {
  const deadline = performance.now() + seconds * 1000
  await Promise.all(Array.from({ length: CONNECTIONS }, async (_, c) => {
    const jar = jarFor(env, def.who, c)
    while (performance.now() < deadline) {
      const { r, problem } = await get(env, def, jar)
      stats.add(r.ms, Buffer.byteLength(r.body), problem, () => ({ status: r.status, path: def.path, body: r.body.slice(0, 300) }))
    }
  }))
}

async function measure(env: PagesEnv, def: PageDef, durationS = DURATION_S) {
  // 1. one request alone: SQL statements, HTML, assets
  await env.captureStart()
  const single = await get(env, def, jarFor(env, def.who, 0))
  const statements = await env.captureStop()
  const html = single.r.body
  // --keep-html DIR: each page's HTML as served, to read what its bytes are (not part of the figures)
  if (KEEP_HTML) fs.writeFileSync(`${KEEP_HTML}/${def.key.replace(/[^\w]+/g, '_')}.html`, html)
  const assets = def.handler ? { scripts: [], noModule: [], styles: [], preloadOnly: [] } : referencedAssets(html)
  const js = await Promise.all(assets.scripts.map((u) => asset(env, u)))
  const css = await Promise.all(assets.styles.map((u) => asset(env, u)))
  const badAssets = [...assets.scripts, ...assets.styles].filter((u) => assetCache.get(u)!.status !== 200)
  // 2. warm-up, 3. the window (starts and ends with all connections idle)
  if (WARMUP_S > 0) await closedLoop(env, def, WARMUP_S, new Stats())
  const stats = new Stats()
  const sql0 = await env.sqlCount()
  const cpu0 = cpuSnapshot(env.server.pid)
  const load0 = os.loadavg()[0]
  const t0 = performance.now()
  await closedLoop(env, def, durationS, stats)
  const elapsed = (performance.now() - t0) / 1000
  const cpu1 = cpuSnapshot(env.server.pid)
  const sql1 = await env.sqlCount()
  const s = summarize(stats, elapsed)
  const n = Math.max(1, s.requests)
  const busy = (cpu1.total - cpu0.total - (cpu1.idle - cpu0.idle)) / (cpu1.total - cpu0.total)
  return {
    key: def.key, path: def.path, who: def.who, floor: !!def.floor, handler: !!def.handler,
    elapsedS: r1(elapsed),
    requests: s.requests, rps: s.rps, p50: s.p50, p95: s.p95, p99: s.p99, max: s.max,
    serverCpuMsPerReq: r1(((cpu1.server - cpu0.server) * TICK_MS) / n),
    serverCores: Math.round(((cpu1.server - cpu0.server) * TICK_MS) / 10 / elapsed) / 100, // CPU-s per s
    sqlPerReq: r1((sql1 - sql0) / n),
    loadGeneratorCpuMsPerReq: r1((cpu1.self.user + cpu1.self.system - cpu0.self.user - cpu0.self.system) / 1000 / n),
    machineCpuBusyPct: r1(busy * 100),
    loadAverage1m: [r1(load0), r1(os.loadavg()[0])],
    serverPids: cpu1.pids,
    htmlRaw: Buffer.byteLength(html),
    htmlGzip: single.r.headers['content-encoding'] === 'gzip' ? single.r.wireBytes : zlib.gzipSync(html).length,
    htmlGzipOverWire: single.r.headers['content-encoding'] === 'gzip',
    jsFiles: assets.scripts.length,
    jsRaw: js.reduce((a, x) => a + x.raw, 0),
    jsGzip: js.reduce((a, x) => a + x.gzip, 0),
    jsPreloadOnly: assets.preloadOnly,
    jsNoModuleSkipped: assets.noModule,
    cssGzip: css.reduce((a, x) => a + x.gzip, 0),
    scripts: assets.scripts,
    single: { status: single.r.status, ms: r1(single.r.ms), problem: single.problem, sqlStatements: statements.length, statements },
    errors: s.errors + (single.problem ? 1 : 0) + badAssets.length,
    reasons: { ...s.reasons, ...(single.problem ? { [`single request: ${single.problem}`]: 1 } : {}), ...(badAssets.length ? { [`assets not 200: ${badAssets.join(', ')}`]: badAssets.length } : {}) },
    samples: s.samples,
  }
}
type Measured = Awaited<ReturnType<typeof measure>>
/** A page's figures, and those of the floor measured right before it (see PAIRED_S). */
export type PageResult = Measured & { pairedFloor?: { rps: number; serverCpuMsPerReq: number; requests: number } }
type Ref = { rps: number; serverCpuMsPerReq: number }
/** What a page is set against: the floor window right before it when there is one, else the first floor. */
const refOf = (r: PageResult, floor: PageResult | undefined): Ref | undefined => r.pairedFloor ?? floor

// ───────────────────────── budgets (issue 14, item 3) ─────────────────────────
type Budget = { page: string; what: string; limit: string; value: string; met: boolean }
function budgets(rows: PageResult[], floor: PageResult | undefined): Budget[] {
  const out: Budget[] = []
  const add = (page: string, what: string, limit: string, value: string, met: boolean) => out.push({ page, what, limit, value, met })
  for (const r of rows) {
    if (r.who === 'volunteer' && !r.floor) {
      add(r.key, 'throughput', '≥ 150 req/s', `${r.rps.toFixed(1)} req/s`, r.rps >= 150)
      const ref = refOf(r, floor)
      if (ref) add(r.key, 'within 1.5× of the floor (req/s)', 'floor ÷ page ≤ 1.5', `${(ref.rps / Math.max(r.rps, 0.1)).toFixed(2)}×`, ref.rps / Math.max(r.rps, 0.1) <= 1.5)
      add(r.key, 'SQL statements', '≤ 6 per request', `${r.sqlPerReq}`, r.sqlPerReq <= 6)
      add(r.key, 'HTML gzip', '≤ 12 kB', `${(r.htmlGzip / KB).toFixed(1)} kB`, r.htmlGzip <= 12 * KB)
      add(r.key, 'first-load JS gzip', '≤ 110 kB', `${(r.jsGzip / KB).toFixed(1)} kB`, r.jsGzip <= 110 * KB)
    }
    if (r.path === '/login' || r.path === '/register') add(r.key, 'HTML gzip', '≤ 8 kB', `${(r.htmlGzip / KB).toFixed(1)} kB`, r.htmlGzip <= 8 * KB)
    if (r.who === 'region' && r.path === '/dashboard') {
      add(r.key, 'throughput', '≥ 50 req/s', `${r.rps.toFixed(1)} req/s`, r.rps >= 50)
      add(r.key, 'HTML gzip', '≤ 25 kB', `${(r.htmlGzip / KB).toFixed(1)} kB`, r.htmlGzip <= 25 * KB)
    }
  }
  return out
}

// ───────────────────────── tables ─────────────────────────
const kB = (b: number) => (b / KB).toFixed(1)
export function pagesTable(rows: PageResult[], floor: PageResult | undefined): string {
  const head = '| page | req/s | p50 ms | p95 ms | server CPU ms/req | SQL/req | HTML raw kB | HTML gzip kB | first-load JS gzip kB (files) | req/s ÷ floor | CPU × floor | errors |'
  const lines = rows.map((r) => {
    const ref = refOf(r, floor)
    const ratio = ref && !r.floor ? `${(r.rps / ref.rps).toFixed(2)}` : r === floor ? '1' : '–'
    const cpu = ref && !r.floor ? `${(r.serverCpuMsPerReq / ref.serverCpuMsPerReq).toFixed(2)}` : r === floor ? '1' : '–'
    const js = r.handler ? '–' : `${kB(r.jsGzip)} (${r.jsFiles})`
    return `| ${r.key.replace(/(\/\S*)/, '`$1`')} | ${r.rps.toFixed(1)} | ${r.p50?.toFixed(1) ?? '–'} | ${r.p95?.toFixed(1) ?? '–'} | ${r.serverCpuMsPerReq.toFixed(1)} | ${r.sqlPerReq} | ${kB(r.htmlRaw)} | ${kB(r.htmlGzip)} | ${js} | ${ratio} | ${cpu} | ${r.errors} |`
  })
  return [head, '|---|---|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n')
}
const budgetLines = (b: Budget[]) => b.map((x) => `- ${x.met ? '✅ met' : '❌ not met'} — ${x.page}: ${x.what} ${x.limit}: ${x.value}`).join('\n')

// ───────────────────────── main ─────────────────────────
async function main() {
  const started = new Date()
  const env = await startPagesEnv({ port: PORT, reuse: has('--reuse'), build: !has('--no-build'), dbUrl: arg('--db'), signedInVolunteers: CONNECTIONS, maxSockets: CONNECTIONS + 4, logFile: OUT.replace(/\.json$/, '') + '-server.log' })
  const { log } = env
  let exit = 0
  try {
    const defs = pageDefs(env.openTask).filter((d) => !ONLY || d.floor || ONLY.some((o) => d.key.includes(o)))
    const results: PageResult[] = []
    const floorDef = defs.find((d) => d.path === '/floor')!
    for (const def of defs) {
      // on a shared machine the speed drifts over minutes: each page is set against a floor window
      // measured just before it, not only against the floor of the run's first minute
      const pairedFloor = PAIRED_S > 0 && !def.floor ? await measure(env, floorDef, PAIRED_S) : null
      const r: PageResult = await measure(env, def)
      if (pairedFloor) r.pairedFloor = { rps: pairedFloor.rps, serverCpuMsPerReq: pairedFloor.serverCpuMsPerReq, requests: pairedFloor.requests }
      results.push(r)
      log(`${def.key}: ${pairedFloor ? `(floor just before: ${pairedFloor.rps} req/s, ${pairedFloor.serverCpuMsPerReq} ms/req) ` : ''}${r.requests} requests, ${r.rps} req/s, p95 ${r.p95} ms, CPU ${r.serverCpuMsPerReq} ms/req, SQL ${r.sqlPerReq}/req, HTML ${kB(r.htmlRaw)} kB (${kB(r.htmlGzip)} gzip), JS ${kB(r.jsGzip)} kB gzip, ${r.errors} errors (load average ${r.loadAverage1m.join(' → ')})`)
    }
    const probe = await env.probeStatus()
    const floor = results.find((r) => r.path === '/floor')
    const b = budgets(results, floor)

    let profile: { file: string; workerPid: number; requests: number; rps: number; summary: ReturnType<typeof summarizeProfile> } | null = null
    if (PROFILE) {
      const def = defs.find((d) => d.path === '/tasks') ?? pageDefs(env.openTask).find((d) => d.path === '/tasks')!
      const pid = await env.workerPid()
      await closedLoop(env, def, Math.max(WARMUP_S, 3), new Stats())
      const file = OUT.replace(/\.json$/, '') + '-profile.cpuprofile'
      const stats = new Stats()
      await env.profileStart(pid)
      const t0 = performance.now()
      await closedLoop(env, def, PROFILE_S, stats)
      const secs = (performance.now() - t0) / 1000
      await env.profileStop(pid, file)
      const summary = summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, 25)
      profile = { file, workerPid: pid, requests: stats.ms.length, rps: r1(stats.ms.length / secs), summary }
      if (stats.errors) exit = 1
      fs.writeFileSync(file.replace(/\.cpuprofile$/, '.md'), `# CPU profile: ${def.key}, ${stats.ms.length} requests in ${secs.toFixed(1)} s on ${CONNECTIONS} connections (pid ${pid})\n\n${profileMarkdown(summary)}\n`)
      log(`profile: ${file} (${stats.ms.length} requests, ${stats.errors} errors)`)
    }

    const prov = provenance()
    const serverLines = fs.readFileSync(env.logFile, 'utf8').split('\n')
    const serverErrors = serverLines.filter((l) => /⨯|\berror\b|unhandled|ECONN|timed? ?out/i.test(l))
    const report = {
      date: started.toISOString(),
      command: `npm run bench:pages -- ${argv.join(' ')}`.trim(),
      config: { connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S, model: 'closed loop, no think time, one page at a time', port: PORT, database: env.dbName, buildId: env.build, kB: KB, data: env.data, users: { volunteers: env.users.volunteers.map((v) => v.phone), admin: env.users.admin.phone, region: env.users.region.phone } },
      provenance: prov,
      setupMs: env.setup,
      probe,
      pages: results,
      budgets: b,
      profile,
      serverLog: { file: env.logFile, errorLines: serverErrors.length, sample: serverErrors.slice(0, 20) },
    }
    fs.writeFileSync(OUT, JSON.stringify(report, null, 2))

    const table = pagesTable(results, floor)
    const loads = results.flatMap((r) => r.loadAverage1m)
    const heading = `**Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC** (commit ${prov.commit}) with \`${report.command}\`: ${prov.machine}, Node ${prov.node}, one \`next start\`, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per page${PAIRED_S > 0 ? `, each page after ${WARMUP_S} s + ${PAIRED_S} s of the floor again (its ratios are to that floor window)` : ''}; load average (1 min) ${Math.min(...loads)}–${Math.max(...loads)} during the run. kB = 1,000 bytes; gzip as sent by the server; first-load JS = the \`<script src>\` chunks of the page, noModule polyfills left out (a browser that runs modules never fetches them).`
    const md = `${heading}\n\n${table}\n\nBudgets (issue 14):\n\n${budgetLines(b)}\n`
    console.log(`\n${md}`)
    if (profile) console.log(`\nCPU profile of the volunteer's /tasks (${profile.requests} requests, ${profile.rps} req/s):\n\n${profileMarkdown(profile.summary)}`)
    for (const r of results) for (const s of r.samples) console.log(`  error sample [${r.key}] ${s.reason} ${s.path} ${s.body.replace(/\s+/g, ' ').slice(0, 200)}`)
    for (const r of results) if (r.single.problem) console.log(`  error [${r.key}] single request: ${r.single.problem}`)
    console.log(`server log ${env.logFile}: ${serverErrors.length} error lines${serverErrors.length ? `\n  ${serverErrors.slice(0, 10).join('\n  ')}` : ''}`)
    console.log(`probe: ${probe.map((p) => `pid ${p.pid}: pg ${p.pg ? 'patched' : 'NOT patched'}, ${p.count} statements`).join('; ')}`)
    console.log(`report: ${OUT}`)
    if (has('--readme')) {
      replaceBetween('README.md', 'pages', md)
      console.log('README.md: table replaced between <!-- pages:start --> and <!-- pages:end -->')
    }
    if (has('--lighthouse')) {
      const { runLighthouse } = await import('./lighthouse')
      const lh = await runLighthouse(env, { runs: num('--lighthouse-runs', 3), readme: has('--readme'), out: arg('--lighthouse-out') ?? 'reports/lighthouse.json' })
      if (lh.errors) exit = 1
    }
    const errors = results.reduce((a, r) => a + r.errors, 0)
    if (errors || serverErrors.length || !probe.some((p) => p.pg)) exit = 1
    if (has('--strict') && b.some((x) => !x.met)) exit = Math.max(exit, 2)
    console.log(exit === 0 ? `PASS: no errors; budgets ${b.filter((x) => x.met).length}/${b.length} met` : `exit ${exit}: ${errors} errors, ${serverErrors.length} server error lines, budgets ${b.filter((x) => x.met).length}/${b.length} met${has('--strict') ? ' (--strict)' : ''}`)
  } finally {
    await env.close()
  }
  process.exit(exit)
}

if (process.argv[1]?.endsWith('tests/bench/pages.ts')) await main()
