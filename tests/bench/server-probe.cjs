// Preloaded into the benchmark's `next start` (NODE_OPTIONS=--require <this file>, tests/bench/pages.ts),
// never into the app: counts SQL statements at the driver and lets the harness read the count, capture the
// statements of one request, and take a CPU profile of a chosen window. Does nothing unless
// BENCH_PROBE_DIR is set.
//
// Why at the driver: Next keeps `pg` external to its server bundles (it is on Next's built-in
// serverExternalPackages list, node_modules/next/dist/lib/server-external-packages.jsonc), so the app's
// @prisma/adapter-pg loads node_modules/pg at run time — the same module instance as the one required
// here (CommonJS cache; pg's ESM entry re-exports the CommonJS classes). Every statement Prisma sends goes
// through pg.Client.prototype.query (pg-pool's clients are pg.Client), BEGIN/COMMIT included.
//
// Control: every process of the server's tree that loads this listens on the Unix socket
// $BENCH_PROBE_DIR/probe-<pid>.sock (unref'd: it never keeps the process alive):
//   GET  /sql                 → {"pid", "count", "pg": true}      statements so far
//   POST /capture/start       → starts keeping the statements' text (first 300 characters, up to 2,000)
//   POST /capture/stop        → {"statements": [...]}             and stops
//   POST /profile/start       → starts the V8 CPU profiler (node:inspector, the same profiler as --cpu-prof)
//   POST /profile/stop?file=… → writes the .cpuprofile there, {"file", "bytes"}
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require), loaded before any ESM */
const dir = process.env.BENCH_PROBE_DIR
if (dir) {
  const fs = require('node:fs')
  const http = require('node:http')
  const path = require('node:path')
  const state = { count: 0, capture: null, pg: false }
  try {
    const pg = require(require.resolve('pg', { paths: [process.cwd()] }))
    const original = pg.Client.prototype.query
    pg.Client.prototype.query = function countedQuery(config) {
      state.count++
      if (state.capture && state.capture.length < 2000) {
        const text = typeof config === 'string' ? config : config && typeof config.text === 'string' ? config.text : String(config && config.name)
        state.capture.push(text.replace(/\s+/g, ' ').slice(0, 300))
      }
      return original.apply(this, arguments)
    }
    state.pg = true
  } catch (e) {
    process.stderr.write(`[server-probe] pg not patched: ${e && e.message}\n`)
  }

  let session = null
  const inspectorPost = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params || {}, (err, res) => (err ? reject(err) : resolve(res))))

  const socket = path.join(dir, `probe-${process.pid}.sock`)
  try { fs.unlinkSync(socket) } catch { /* none */ }
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://probe')
    const reply = (code, body) => {
      res.writeHead(code, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    try {
      if (url.pathname === '/sql') return reply(200, { pid: process.pid, count: state.count, pg: state.pg })
      if (url.pathname === '/capture/start') {
        state.capture = []
        return reply(200, { ok: true })
      }
      if (url.pathname === '/capture/stop') {
        const statements = state.capture || []
        state.capture = null
        return reply(200, { statements })
      }
      if (url.pathname === '/profile/start') {
        const { Session } = require('node:inspector')
        session = new Session()
        session.connect()
        await inspectorPost('Profiler.enable')
        await inspectorPost('Profiler.setSamplingInterval', { interval: Number(url.searchParams.get('interval') || 1000) })
        await inspectorPost('Profiler.start')
        return reply(200, { ok: true })
      }
      if (url.pathname === '/profile/stop') {
        if (!session) return reply(409, { error: 'not profiling' })
        const { profile } = await inspectorPost('Profiler.stop')
        session.disconnect()
        session = null
        const file = url.searchParams.get('file') || path.join(dir, `probe-${process.pid}.cpuprofile`)
        const json = JSON.stringify(profile)
        fs.writeFileSync(file, json)
        return reply(200, { file, bytes: json.length })
      }
      reply(404, { error: 'unknown' })
    } catch (e) {
      reply(500, { error: String(e && e.message) })
    }
  })
  server.on('error', (e) => process.stderr.write(`[server-probe] ${e.message}\n`))
  server.listen(socket, () => server.unref())
  process.on('exit', () => { try { fs.unlinkSync(socket) } catch { /* gone */ } })
}
