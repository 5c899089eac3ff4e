// Shared by the benchmark data generator and the benchmark: target databases, fixed ids of the bench
// staff, timing helpers. Never points at anything but a ronghe_bench* database.
import { spawnSync } from 'node:child_process'
import pg from 'pg'

export const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/ronghe_bench'

/** The bench database: --db URL, else BENCH_DATABASE_URL, else ronghe_bench (ronghe_bench_small for --scale < 1). */
export function benchUrl(argv: string[], scale = 1): string {
  const i = argv.indexOf('--db')
  const url = i >= 0 ? argv[i + 1] : process.env.BENCH_DATABASE_URL ?? (scale < 1 ? `${DEFAULT_URL}_small` : DEFAULT_URL)
  const name = new URL(url).pathname.slice(1)
  if (!/^ronghe_bench\w*$/.test(name)) throw new Error(`refusing to use database "${name}": only ronghe_bench* databases`)
  return url
}

export function argValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag)
  return i >= 0 ? argv[i + 1] : undefined
}

/** Drops and re-creates a throw-away database (bench, load test), then applies the project's migrations to it. */
export async function recreate(url: string, allowed = /^ronghe_bench\w*$/) {
  const u = new URL(url)
  const name = u.pathname.slice(1)
  if (!allowed.test(name)) throw new Error(`refusing to drop ${name}`)
  u.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: u.toString() })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const r = spawnSync(process.execPath, ['prisma/migrator.mjs', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`migrate failed: ${r.stderr || r.stdout}`)
}

/** Deterministic uuid-shaped ids: an 8-hex table prefix and a row number (ascending = index-friendly). */
export const benchId = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
export const PREFIX = {
  tenant: 'b0000000', user: 'b0000001', role: 'b0000002', need: 'b0000003', item: 'b0000004', order: 'b0000005', task: 'b0000006',
  signup: 'b0000007', change: 'b0000008', team: 'b0000009', unit: 'b000000a', category: 'b000000c', staff: 'b000000d',
} as const
export const TENANT_ID = benchId(PREFIX.tenant, 1)

/** The bench staff: a region official, a league official (通辽市), a county official (科尔沁区), a community admin (小街社区). */
export const STAFF = [
  { n: 1, phone: '13800000001', name: '基准 自治区干部', role: 'REGION_OFFICIAL', unitCode: '150000' },
  { n: 2, phone: '13800000002', name: '基准 通辽市干部', role: 'LEAGUE_OFFICIAL', unitCode: '150500' },
  { n: 3, phone: '13800000003', name: '基准 科尔沁区干部', role: 'COUNTY_OFFICIAL', unitCode: '150502' },
  { n: 4, phone: '13800000004', name: '基准 小街社区书记', role: 'COMMUNITY_ADMIN', unitCode: '150502006005' },
] as const
export const staffId = (n: number) => benchId(PREFIX.staff, n)

export const ms = (t0: number) => Math.round(performance.now() - t0)
export const fmtMs = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n} ms`)
