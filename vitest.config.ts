import { defineConfig } from 'vitest/config'
import path from 'node:path'

const root = path.dirname(new URL(import.meta.url).pathname)
// `server-only` throws outside React's server condition; tests run DAL code directly.
const alias = { '@': root, 'server-only': path.join(root, 'node_modules/server-only/empty.js') }
// PostgreSQL tests run when TEST_DATABASE_URL (or a postgresql:// DATABASE_URL) names a server
const pg = process.env.TEST_DATABASE_URL ?? (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined)

export default defineConfig({
  resolve: { alias },
  test: {
    // CI also writes a JSON report (.ci/run prints one closing line over all runners)
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'reports/vitest.json' }]] : ['default'],
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/setup/env.ts'] } },
      {
        resolve: { alias },
        // every test file gets its own fresh in-memory PGlite with all migrations applied
        test: { name: 'pglite', include: ['tests/integration/**/*.test.ts'], environment: 'node', env: { DATABASE_URL: 'memory://' }, setupFiles: ['tests/setup/env.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      ...(pg
        ? [
            {
              resolve: { alias },
              // one throw-away PostgreSQL database per run (created and migrated by the global setup)
              test: {
                name: 'postgres',
                include: ['tests/integration/**/*.test.ts'],
                environment: 'node',
                globalSetup: ['tests/setup/postgres.ts'],
                setupFiles: ['tests/setup/env.ts', 'tests/setup/postgres-env.ts'],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
})
