// Global setup of the `postgres` test project: creates a fresh database on the server named by
// TEST_DATABASE_URL (or DATABASE_URL), applies the migrations with the real offline migrator, and drops it afterwards.
import { execFileSync } from 'node:child_process'
import pg from 'pg'
import type { TestProject } from 'vitest/node'

export default async function setup(project: TestProject) {
  const base = new URL((process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)!)
  const name = `ronghe_test_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: base.toString() })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  execFileSync(process.execPath, ['prisma/migrator.mjs', 'deploy'], { env: { ...process.env, DATABASE_URL: url.toString() }, stdio: 'inherit' })
  project.provide('databaseUrl', url.toString())
  return async () => {
    const c = new pg.Client({ connectionString: base.toString() })
    await c.connect()
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await c.end()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
  }
}
