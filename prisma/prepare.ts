// Runs before `npm run dev` and `npm start`: makes sure the secrets exist (generated on first run,
// never committed), applies pending migrations, and seeds an empty database.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'

const ENV_FILE = '.env'
if (!fs.existsSync(ENV_FILE)) {
  fs.writeFileSync(
    ENV_FILE,
    [
      '# Generated on first run by prisma/prepare.ts. Not committed (.gitignore). See README.',
      `NEXTAUTH_SECRET=${randomBytes(32).toString('base64url')}`,
      '# take the origin from the request (any host/port); set NEXTAUTH_URL instead behind a fixed domain',
      'AUTH_TRUST_HOST=true',
      '# DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ronghe   (unset: embedded PGlite in ./.data/pglite)',
      '',
    ].join('\n'),
  )
  console.log('已生成 .env（NEXTAUTH_SECRET）')
}
// the field-encryption key of sensitive case data: generated once, appended to an older .env too
if (!/^DATA_ENCRYPTION_KEY=/m.test(fs.readFileSync(ENV_FILE, 'utf8')) && !process.env.DATA_ENCRYPTION_KEY) {
  fs.appendFileSync(ENV_FILE, `# AES-256-GCM key of sensitive case fields. Losing it makes them unreadable: back it up.\nDATA_ENCRYPTION_KEY=${randomBytes(32).toString('base64')}\n`)
  console.log('已生成 DATA_ENCRYPTION_KEY（写入 .env）')
}
process.loadEnvFile(ENV_FILE)

const migrate = spawnSync(process.execPath, ['prisma/migrator.mjs', 'deploy'], { stdio: 'inherit', env: process.env })
if (migrate.status !== 0) process.exit(migrate.status ?? 1)

const { db, disconnectDb } = await import('@/lib/server/db')
const { seed, isEmpty } = await import('./seed')
const prisma = await db()
if (await isEmpty(prisma)) {
  console.log('数据库为空，正在写入示例数据 …')
  await seed(prisma)
} else if ((await prisma.unitCounter.count()) === 0 && (await prisma.statusChange.count()) > 0) {
  // a database from before the roll-up counters: count its records in once
  const { rebuildCounters } = await import('@/lib/server/stats/rebuild')
  for (const t of await prisma.tenant.findMany({ select: { id: true } })) await prisma.$transaction((tx) => rebuildCounters(tx, t.id), { timeout: 600_000 })
  console.log('已根据现有记录生成看板统计')
}
await disconnectDb()
process.exit(0) // pg pool timers would otherwise hold the process for seconds
