import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { isPostgres } from './helpers'

const migrator = (cmd: string, env: Record<string, string | undefined> = {}) =>
  execFileSync(process.execPath, ['prisma/migrator.mjs', cmd], { env: { ...process.env, ...env }, encoding: 'utf8' })

describe('offline migrations', () => {
  it.runIf(!isPostgres())('prisma/migrations matches schema.prisma (no change awaits `npm run db:migration`)', () => {
    expect(migrator('diff').trim()).toBe('No schema changes.')
  })

  it.runIf(isPostgres())('the test database, migrated by the migrator, reports up to date', () => {
    const out = migrator('status')
    expect(out).toContain('Database schema is up to date.')
  })
})
