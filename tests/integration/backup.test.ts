// Backup and restore (PGlite and PostgreSQL): a seeded database with activity is backed up, restored
// into an empty migrated one, and every row of every table is equal; a non-empty target or another
// migration history is refused and writes nothing.
import { afterAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { gunzipSync } from 'node:zlib'
import { createMigratedDatabase } from '@/tests/setup/throwaway-db'
import { PrismaClient } from '@/lib/server/generated/prisma/client'
import { backup, restore, RestoreRefused, tablesOf } from '@/lib/server/backup'
import { createNeed } from '@/lib/server/workflow/needs'
import { exchange, awardPoints, createReward } from '@/lib/server/people/points'
import { adjustHours } from '@/lib/server/people/hours'
import { ensureCategories } from '@/tests/factories/workflow'
import { isPostgres, prisma, serviceWorld, userWith } from './helpers'

/** Prisma's migration history table, as the migrator creates it (the in-memory test database has none). */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`

const closers: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const c of closers.reverse()) await c()
})

/** An empty database with every migration applied, of the same engine as the tests'. */
async function emptyTarget(): Promise<PrismaClient> {
  if (isPostgres()) {
    const { url, drop } = await createMigratedDatabase(new URL(process.env.DATABASE_URL!), 'ronghe_restore')
    const { PrismaPg } = await import('@prisma/adapter-pg')
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
    closers.push(async () => {
      await client.$disconnect()
      await drop()
    })
    return client
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { PrismaPGlite } = await import('pglite-prisma-adapter')
  const db = new PGlite()
  const root = path.join(process.cwd(), 'prisma', 'migrations')
  const dirs = fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
  for (const d of dirs) await db.exec(fs.readFileSync(path.join(root, d, 'migration.sql'), 'utf8'))
  // the migration history, as the migrator writes it (the in-memory test database applies SQL directly)
  await db.exec(MIGRATIONS_TABLE)
  const client = new PrismaClient({ adapter: new PrismaPGlite(db) })
  closers.push(async () => {
    await client.$disconnect()
    await db.close()
  })
  return client
}

/** Every row of every data table as JSON text, sorted: what a database holds, comparable across engines. */
async function rowsOf(client: Pick<PrismaClient, '$queryRawUnsafe' | '$executeRawUnsafe' | '$transaction'>) {
  const out: Record<string, string[]> = {}
  for (const t of await tablesOf(client)) {
    if (t === '_prisma_migrations') continue
    const rows = await client.$queryRawUnsafe<{ r: string }[]>(`SELECT row_to_json(x)::text AS r FROM "${t}" x`)
    out[t] = rows.map((r) => r.r).sort()
  }
  return out
}

/** The rows a backup file holds, per table, sorted the same way. */
function rowsInFile(file: Buffer) {
  const out: Record<string, string[]> = {}
  let table: string | null = null
  for (const line of gunzipSync(file).toString('utf8').split('\n').slice(1)) {
    if (!line) continue
    if (line.startsWith('{"@table":')) {
      const t = (JSON.parse(line) as { '@table': string })['@table']
      table = t === '_prisma_migrations' ? null : t
      if (table) out[table] = []
      continue
    }
    if (table) out[table].push(line)
  }
  for (const t of Object.keys(out)) out[t].sort()
  return out
}

async function toBuffer(run: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  await run(out)
  return Buffer.concat(chunks)
}

describe('backup and restore', () => {
  it('restores every row of a database with activity into an empty one; refuses a non-empty target', async () => {
    const source = await prisma()
    // activity: the workflow, hours, points (ledgers with append-only triggers), a resolved need
    const w = await serviceWorld('备份')
    const start = Date.now() + 86_400_000
    expect(await w.serve(w.v, new Date(start), new Date(start + 90 * 60_000))).toBe(90)
    expect((await adjustHours(w.admin.scope, { phone: w.phone, hours: '2', reason: '补录线下服务' })).ok).toBe(true)
    expect((await awardPoints(w.admin.scope, { phone: w.phone, amount: '60', reason: '宣传' })).ok).toBe(true)
    const item = await createReward(w.admin.scope, { orgUnitId: w.t.communityA1a.id, name: '毛巾', cost: '30', stock: '3' })
    if (!item.ok) throw new Error('item')
    expect((await exchange(w.v.scope, item.value.id)).ok).toBe(true)
    const cat = await ensureCategories(source, w.t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', w.t.communityA1a)
    const need = await createNeed(worker.scope, { orgUnitId: w.t.communityA1a.id, title: '备份需求', description: '含“引号”、反斜杠 \\ 与 emoji 🙂\n第二行', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '2' })
    if (!need.ok) throw new Error('need')

    const target = await emptyTarget()
    if (!isPostgres()) {
      // the in-memory source has no migration rows either; give both the same history
      const names = fs.readdirSync(path.join(process.cwd(), 'prisma', 'migrations'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
      for (const c of [source, target]) {
        await c.$executeRawUnsafe(MIGRATIONS_TABLE)
        for (const n of names) await c.$executeRawUnsafe(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name") VALUES ($1, '', now(), $1) ON CONFLICT DO NOTHING`, n)
      }
    }
    const again = await toBuffer((out) => backup(source, out))
    expect(again.length).toBeGreaterThan(100)
    const counts = await restore(target, new PassThrough().end(again) as unknown as PassThrough)
    expect(counts.Need).toBeGreaterThan(0)
    expect(counts.PointsEntry).toBeGreaterThan(0)
    // every row of the file is in the target, and nothing else (a PostgreSQL test database is shared by
    // concurrent test files, so the file — one snapshot — is the reference; PGlite is this file's alone)
    const inFile = rowsInFile(again)
    expect(await rowsOf(target)).toEqual(inFile)
    if (!isPostgres()) expect(await rowsOf(source)).toEqual(inFile)
    const mine = inFile.Need.filter((r) => r.includes('备份需求'))
    expect(mine).toHaveLength(1)
    expect(JSON.parse(mine[0]).description).toBe('含“引号”、反斜杠 \\ 与 emoji 🙂\n第二行')

    // a second restore into the now non-empty target is refused and changes nothing
    await expect(restore(target, new PassThrough().end(again) as unknown as PassThrough)).rejects.toBeInstanceOf(RestoreRefused)
    expect(await rowsOf(target)).toEqual(inFile)
    // unless asked to replace: then it is the backup again, row for row (append-only tables included)
    await restore(target, new PassThrough().end(again) as unknown as PassThrough, { replace: true })
    expect(await rowsOf(target)).toEqual(inFile)
    // not a backup at all
    await expect(restore(target, new PassThrough().end(Buffer.from('not gzip')) as unknown as PassThrough)).rejects.toThrow()
    expect(await rowsOf(target)).toEqual(inFile)
  })
})
