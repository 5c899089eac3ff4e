import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import { PrismaClient } from './generated/prisma/client'

export type Db = PrismaClient

/**
 * The one Prisma client of the process.
 *   DATABASE_URL=postgresql://…  → PostgreSQL through @prisma/adapter-pg (production path)
 *   unset or file:./dir          → embedded PGlite in ./.data/pglite (migrated by `npm run db:migrate`)
 *   memory://                    → a fresh in-memory PGlite with every migration applied (tests)
 * PGlite is a single connection and must never open a data dir twice, hence the globalThis singleton
 * (it survives Next's hot reload).
 */
type Handle = { client: PrismaClient; close: () => Promise<void> }

async function createClient(): Promise<Handle> {
  const url = process.env.DATABASE_URL ?? ''
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { PrismaPg } = await import('@prisma/adapter-pg')
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) })
    return { client, close: () => client.$disconnect() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { PrismaPGlite } = await import('pglite-prisma-adapter')
  let pg: InstanceType<typeof PGlite>
  if (url === 'memory://') {
    pg = new PGlite()
    for (const sql of readMigrations()) await pg.exec(sql)
  } else {
    const dir = url.replace(/^(file|pglite):/, '') || './.data/pglite'
    fs.mkdirSync(dir, { recursive: true }) // PGlite does not mkdir -p
    pg = new PGlite(dir)
  }
  const client = new PrismaClient({ adapter: new PrismaPGlite(pg) })
  // closing PGlite flushes its data dir and releases it for the next process (seed → next dev)
  return { client, close: async () => { await client.$disconnect(); if (!pg.closed) await pg.close() } }
}

/** migration.sql files in order; only the in-memory database applies them this way. */
function readMigrations(): string[] {
  const root = path.join(process.cwd(), 'prisma', 'migrations')
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((d) => fs.readFileSync(path.join(root, d, 'migration.sql'), 'utf8'))
}

const g = globalThis as unknown as { __ronghePrisma?: Promise<Handle> }

export async function db(): Promise<PrismaClient> {
  return (await (g.__ronghePrisma ??= createClient())).client
}

export async function disconnectDb(): Promise<void> {
  const p = g.__ronghePrisma
  g.__ronghePrisma = undefined
  if (p) await (await p).close()
}
