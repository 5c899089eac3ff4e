// Global setup of the `postgres` test project: creates a fresh database on the server named by
// TEST_DATABASE_URL (or DATABASE_URL), applies the migrations with the real offline migrator, and drops it afterwards.
import type { TestProject } from 'vitest/node'
import { createMigratedDatabase } from './throwaway-db'

export default async function setup(project: TestProject) {
  const base = new URL((process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)!)
  const { url, drop } = await createMigratedDatabase(base, 'ronghe_test')
  project.provide('databaseUrl', url)
  return drop
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
  }
}
