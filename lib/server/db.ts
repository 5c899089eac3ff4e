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
async function createClient(): Promise<PrismaClient> {
  const url = process.env.DATABASE_URL ?? ''
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { PrismaPg } = await import('@prisma/adapter-pg')
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) })
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { PrismaPGlite } = await import('pglite-prisma-adapter')
  if (url === 'memory://') {
    const pg = new PGlite()
    for (const sql of readMigrations()) await pg.exec(sql)
    return new PrismaClient({ adapter: new PrismaPGlite(pg) })
  }
  const dir = url.replace(/^(file|pglite):/, '') || './.data/pglite'
  fs.mkdirSync(dir, { recursive: true }) // PGlite does not mkdir -p
  return new PrismaClient({ adapter: new PrismaPGlite(new PGlite(dir)) })
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

const g = globalThis as unknown as { __ronghePrisma?: Promise<PrismaClient> }

export function db(): Promise<PrismaClient> {
  return (g.__ronghePrisma ??= createClient())
}

export async function disconnectDb(): Promise<void> {
  const p = g.__ronghePrisma
  g.__ronghePrisma = undefined
  if (p) await (await p).$disconnect()
}
