// `npm run bench:lighthouse [-- --no-build --reuse --runs 3 --readme --strict]` — Lighthouse (the npm
// package, 13.x; it needs Node ≥ 22.19: the npm scripts run on node_modules/.bin/node, Node 24) on the page
// benchmark's server, with the Chromium the end-to-end tests use (tests/e2e/browser.ts: CHROMIUM_PATH, a
// system Chromium, else @sparticuz/chromium), its default config: the mobile preset with its default
// (simulated) throttling. Pages: signed out /login, the volunteer's /tasks, the region official's /dashboard;
// signed in by the session cookie in every request (Lighthouse's extraHeaders). Each page --runs times (3);
// the run with the median performance score is reported (and its full report kept in
// reports/lighthouse-<page>.json). A run that fails, lands elsewhere (e.g. redirected to /login) or
// reports a runtime error is an error (exit 1).
//
// Alone, it starts the same world as `npm run bench:pages` (tests/bench/pages-env.ts: database
// ronghe_pages, build, one `next start` on --port 3500; --reuse keeps the database, --no-build the build);
// `npm run bench:pages -- --lighthouse` runs it on the benchmark's server after the page measurements.
// Writes reports/lighthouse.json (--out) and a table; --readme puts the table between
// <!-- lighthouse:start --> and <!-- lighthouse:end --> in README.md. Budgets (issue 14: performance ≥ 95,
// LCP ≤ 1.5 s, TBT ≤ 100 ms, CLS ≤ 0.05, accessibility ≥ 95) are printed met / not met; they set the exit
// code only with --strict.
import fs from 'node:fs'
import os from 'node:os'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser'
import { cli, cookieHeader, type Jar } from '../load/harness'
import { provenance, replaceBetween, startPagesEnv, type PagesEnv } from './pages-env'

type Target = { key: string; path: string; jar: Jar | null }
type Run = { performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number; fcpMs: number; siMs: number; finalUrl: string; warnings: string[]; benchmarkIndex: number | null }

const BUDGET = { performance: 95, lcpMs: 1500, tbtMs: 100, cls: 0.05, accessibility: 95 }

export async function runLighthouse(env: PagesEnv, o: { runs: number; readme: boolean; out: string }) {
  const { executablePath, source } = await chromiumPath()
  const targets: Target[] = [
    { key: 'signed out /login', path: '/login', jar: null },
    { key: 'volunteer /tasks', path: '/tasks', jar: env.users.volunteers[0].jar },
    { key: 'region official /dashboard', path: '/dashboard', jar: env.users.region.jar },
  ]
  const started = new Date()
  const chrome = await chromeLauncher.launch({ chromePath: executablePath, chromeFlags: ['--headless', ...CHROMIUM_ARGS] })
  const results: { key: string; path: string; median: Run | null; runs: Run[]; errors: string[]; reportFile: string | null }[] = []
  try {
    for (const t of targets) {
      const runs: Run[] = []
      const errors: string[] = []
      const lhrs: unknown[] = []
      for (let i = 0; i < o.runs; i++) {
        try {
          const r = await lighthouse(env.client.origin + t.path, {
            port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
            ...(t.jar ? { extraHeaders: { Cookie: cookieHeader(t.jar) } } : {}),
          })
          if (!r) throw new Error('no result')
          const lhr = r.lhr
          const a = (id: string) => lhr.audits[id]?.numericValue ?? NaN
          const run: Run = {
            performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
            accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
            lcpMs: Math.round(a('largest-contentful-paint')), tbtMs: Math.round(a('total-blocking-time')), cls: Math.round(a('cumulative-layout-shift') * 1000) / 1000,
            fcpMs: Math.round(a('first-contentful-paint')), siMs: Math.round(a('speed-index')),
            finalUrl: lhr.finalDisplayedUrl, warnings: lhr.runWarnings, benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
          }
          if (lhr.runtimeError) errors.push(`run ${i + 1}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
          else if (new URL(lhr.finalDisplayedUrl).pathname !== t.path) errors.push(`run ${i + 1}: landed on ${lhr.finalDisplayedUrl}`)
          else if (lhr.categories.performance?.score == null) errors.push(`run ${i + 1}: no performance score (${lhr.runWarnings.join('; ')})`)
          else {
            runs.push(run)
            lhrs.push(lhr)
          }
        } catch (e) {
          errors.push(`run ${i + 1}: ${(e as Error).message}`)
        }
      }
      const order = runs.map((r, i) => [r.performance, i] as const).sort((x, y) => x[0] - y[0])
      const mid = order.length ? order[Math.floor((order.length - 1) / 2)][1] : -1
      let reportFile: string | null = null
      if (mid >= 0) {
        reportFile = o.out.replace(/\.json$/, '') + `-${t.path.replace(/\W+/g, '') || 'home'}.json`
        fs.writeFileSync(reportFile, JSON.stringify(lhrs[mid]))
      }
      results.push({ key: t.key, path: t.path, median: mid >= 0 ? runs[mid] : null, runs, errors, reportFile })
      const m = mid >= 0 ? runs[mid] : null
      env.log(`lighthouse ${t.key}: ${m ? `performance ${m.performance}, LCP ${m.lcpMs} ms, TBT ${m.tbtMs} ms, CLS ${m.cls}, accessibility ${m.accessibility}` : 'no result'} (${runs.length}/${o.runs} runs${errors.length ? `; ${errors.join('; ')}` : ''})`)
    }
  } finally {
    await chrome.kill()
  }

  const budgets = results.flatMap((r) => {
    const m = r.median
    if (!m) return [{ page: r.key, what: 'a Lighthouse result', met: false, value: 'none' }]
    return [
      { page: r.key, what: `performance ≥ ${BUDGET.performance}`, met: m.performance >= BUDGET.performance, value: String(m.performance) },
      { page: r.key, what: `LCP ≤ ${BUDGET.lcpMs / 1000} s`, met: m.lcpMs <= BUDGET.lcpMs, value: `${(m.lcpMs / 1000).toFixed(2)} s` },
      { page: r.key, what: `TBT ≤ ${BUDGET.tbtMs} ms`, met: m.tbtMs <= BUDGET.tbtMs, value: `${m.tbtMs} ms` },
      { page: r.key, what: `CLS ≤ ${BUDGET.cls}`, met: m.cls <= BUDGET.cls, value: String(m.cls) },
      { page: r.key, what: `accessibility ≥ ${BUDGET.accessibility}`, met: m.accessibility >= BUDGET.accessibility, value: String(m.accessibility) },
    ]
  })
  const prov = provenance()
  const range = (xs: number[]) => (xs.length > 1 ? ` (${Math.min(...xs)}–${Math.max(...xs)})` : '')
  const table = [
    '| page | performance | LCP s | TBT ms | CLS | accessibility | FCP s | Speed Index s | runs |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const m = r.median
      if (!m) return `| ${r.key} | – | – | – | – | – | – | – | 0 of ${o.runs}: ${r.errors.join('; ')} |`
      return `| ${r.key.replace(/(\/\S*)/, '`$1`')} | ${m.performance}${range(r.runs.map((x) => x.performance))} | ${(m.lcpMs / 1000).toFixed(2)} | ${m.tbtMs} | ${m.cls} | ${m.accessibility} | ${(m.fcpMs / 1000).toFixed(2)} | ${(m.siMs / 1000).toFixed(2)} | ${r.runs.length} |`
    }),
  ].join('\n')
  const bi = results.flatMap((r) => r.runs.map((x) => x.benchmarkIndex ?? 0)).filter(Boolean)
  const md = `**Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC** (commit ${prov.commit}): Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, default config (mobile, simulated throttling), Chromium from ${source} (\`${executablePath}\`), ${prov.machine}, load average (1 min) ${os.loadavg()[0].toFixed(2)}; Lighthouse's benchmark index ${bi.length ? `${Math.min(...bi)}–${Math.max(...bi)}` : '–'}. Median of ${o.runs} runs by performance score (range in brackets).\n\n${table}\n\nBudgets (issue 14):\n\n${budgets.map((b) => `- ${b.met ? '✅ met' : '❌ not met'} — ${b.page}: ${b.what}: ${b.value}`).join('\n')}\n`
  console.log(`\n${md}`)
  const report = { date: started.toISOString(), chromium: { source, executablePath }, runs: o.runs, provenance: prov, results, budgets }
  fs.writeFileSync(o.out, JSON.stringify(report, null, 2))
  console.log(`report: ${o.out}`)
  if (o.readme) {
    replaceBetween('README.md', 'lighthouse', md)
    console.log('README.md: table replaced between <!-- lighthouse:start --> and <!-- lighthouse:end -->')
  }
  return { report, errors: results.reduce((a, r) => a + r.errors.length, 0), budgetsMet: budgets.every((b) => b.met) }
}

if (process.argv[1]?.endsWith('tests/bench/lighthouse.ts')) {
  const argv = process.argv.slice(2)
  const { arg, num, has } = cli(argv)
  const out = arg('--out') ?? 'reports/lighthouse.json'
  const env = await startPagesEnv({ port: Math.round(num('--port', 3500)), reuse: has('--reuse'), build: !has('--no-build'), dbUrl: arg('--db'), signedInVolunteers: 1, maxSockets: 8, logFile: out.replace(/\.json$/, '') + '-server.log' })
  let exit = 0
  try {
    const r = await runLighthouse(env, { runs: Math.max(1, Math.round(num('--runs', 3))), readme: has('--readme'), out })
    exit = r.errors ? 1 : has('--strict') && !r.budgetsMet ? 2 : 0
  } finally {
    await env.close()
  }
  process.exit(exit)
}
