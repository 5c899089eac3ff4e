import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/browser'

// e2e runs against `npm start` (production build) on a fresh embedded database in .data/e2e, so the
// first-start path (migrate + seed) is exercised too. The browser: a system Chromium when there is one,
// else the one that came with `npm install` (tests/e2e/browser.ts); never `playwright install`.
const { executablePath } = await chromiumPath()
const PORT = Number(process.env.E2E_PORT ?? 3100)
const BASE = `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: './tests/e2e',
  // Two lanes: the journeys (one worker: they share the seeded accounts, in order) and the second
  // tenant's whole workflow, which spends most of its time waiting for real minutes of service to pass
  // (credited time is never typed in) and touches only its own tenant.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/playwright.json' }]] : [['list']],
  // the service worker (lib/offline/sw.ts) stays out of the tests' way (it would answer requests that
  // page.route() must see); the offline journey (offline.spec.ts) turns it on for itself
  use: { baseURL: BASE, trace: 'retain-on-failure', locale: 'zh-CN', serviceWorkers: 'block' },
  projects: [
    {
      name: 'chromium',
      testIgnore: [/no-js\.spec\.ts$/, /tenant-workflow\.spec\.ts$/],
      workers: 1,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
    {
      // the platform before its JavaScript arrives (a slow phone network) or without it: every form a POST
      name: 'no-js',
      testMatch: /no-js\.spec\.ts$/,
      dependencies: ['chromium'], // after the journeys, in the same lane: they sign in as the same people
      workers: 1,
      use: {
        ...devices['Desktop Chrome'],
        javaScriptEnabled: false,
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
    {
      name: 'tenant',
      testMatch: /tenant-workflow\.spec\.ts$/,
      workers: 1,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: `rm -rf .data/e2e && npm run start -- -p ${PORT} -H 127.0.0.1`,
    url: `${BASE}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    // every request comes from loopback: per-IP limits ×20 (per-user limits as in production)
    env: { DATABASE_URL: 'file:./.data/e2e', NEXTAUTH_URL: BASE, RATE_LIMIT_IP_FACTOR: '20' },
  },
})
