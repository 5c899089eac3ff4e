// A throw-away PostgreSQL database on the server of `base`, migrated with the real offline migrator.
import { execFileSync } from 'node:child_process'
import pg from 'pg'

export async function createMigratedDatabase(base: URL, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: base.toString() })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  execFileSync(process.execPath, ['prisma/migrator.mjs', 'deploy'], { env: { ...process.env, DATABASE_URL: url.toString() }, stdio: 'inherit' })
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base.toString() })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await c.end()
    },
  }
}
