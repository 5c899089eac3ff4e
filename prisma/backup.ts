// `npm run db:backup [FILE]` and `npm run db:restore FILE [--replace]`, for the configured database
// (DATABASE_URL: PostgreSQL, or PGlite in ./.data/pglite): a logical backup of every table in one
// snapshot (lib/server/backup.ts). Restore migrates the target first and refuses one that holds rows
// unless --replace. Runs as the database owner (restore holds triggers off for its session).
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { chinaIso } from '@/lib/china-time'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
const [cmd, ...args] = process.argv.slice(2)
const stamp = () => chinaIso(new Date()).slice(0, 19).replace(/[-:T]/g, '') // 20261122090512, China time

if (cmd !== 'backup' && cmd !== 'restore') {
  console.error('usage: tsx prisma/backup.ts backup [FILE] | restore FILE [--replace]')
  process.exit(2)
}
if (cmd === 'restore') {
  const migrate = spawnSync(process.execPath, ['prisma/migrator.mjs', 'deploy'], { stdio: 'inherit', env: process.env })
  if (migrate.status !== 0) process.exit(migrate.status ?? 1)
}
const { db, disconnectDb } = await import('@/lib/server/db')
const { backup, restore, RestoreRefused } = await import('@/lib/server/backup')
const prisma = await db()
const started = Date.now()
let code = 0
try {
  if (cmd === 'backup') {
    const file = args[0] ?? path.join('.data', 'backups', `ronghe-${stamp()}.ndjson.gz`)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const counts = await backup(prisma, fs.createWriteStream(file))
    const rows = Object.values(counts).reduce((a, b) => a + b, 0)
    console.log(`备份完成：${file}（${Object.keys(counts).length} 张表，${rows} 行，${fs.statSync(file).size} 字节，${Date.now() - started} ms）`)
  } else {
    const file = args.find((a) => !a.startsWith('--'))
    if (!file || !fs.existsSync(file)) throw new RestoreRefused(`备份文件不存在：${file ?? '（未指定）'}`)
    const counts = await restore(prisma, fs.createReadStream(file), { replace: args.includes('--replace') })
    const rows = Object.values(counts).reduce((a, b) => a + b, 0)
    console.log(`恢复完成：${file}（${rows} 行，${Date.now() - started} ms）`)
  }
} catch (e) {
  if (e instanceof RestoreRefused) {
    console.error(`未恢复：${e.message}`)
    code = 1
  } else throw e
} finally {
  await disconnectDb()
}
process.exit(code)
