import { expect, test, type Page } from './fixtures'
import { DEMO_PASSWORD, signIn } from './helpers'

// Security headers: no framing, no sniffing, pages never cached (they carry personal data); HSTS only
// when the request came over HTTPS (as the TLS-terminating proxy says).
test('security headers on pages and handlers; HSTS only over HTTPS', async ({ request }) => {
  for (const path of ['/login', '/register', '/verify', '/api/health']) {
    const r = await request.get(path)
    const h = r.headers()
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'")
    expect(h['x-frame-options'], path).toBe('DENY')
    expect(h['x-content-type-options'], path).toBe('nosniff')
    if (!path.startsWith('/api/')) expect(h['cache-control'], path).toContain('no-store') // handlers set their own
    expect(h['strict-transport-security'], path).toBeUndefined()
  }
  const https = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } })
  expect(https.headers()['strict-transport-security']).toContain('max-age=31536000')
})

const EVIL = 'https://evil.example'
const REFUSED = '跨站请求已被拒绝'

/** The policy's directives by name, and the nonce of its script-src. */
function parseCsp(header: string | undefined) {
  const directives = new Map((header ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]))
  const nonce = directives.get('script-src')?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1)
  return { directives, nonce }
}

// Scripts run only with the request's nonce: no inline script of an injection can run, Next's own carry it.
test('a nonce CSP without unsafe-inline scripts: every script of the page carries the fresh nonce', async ({ page }) => {
  await signIn(page, '13900000001')
  const first = await page.request.get('/dashboard')
  expect(first.status()).toBe(200)
  const { directives, nonce } = parseCsp(first.headers()['content-security-policy'])
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/)
  expect(directives.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"])
  expect(directives.get('default-src')).toEqual(["'self'"])
  expect(directives.get('object-src')).toEqual(["'none'"])
  expect(directives.get('base-uri')).toEqual(["'self'"])
  expect(directives.get('form-action')).toEqual(["'self'"])
  expect(directives.get('frame-ancestors')).toEqual(["'none'"])

  const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? []
  expect(scripts.length).toBeGreaterThan(3) // Next's chunks and its inline flight data
  for (const tag of scripts) expect(tag).toContain(` nonce="${nonce}"`)

  const second = parseCsp((await page.request.get('/dashboard')).headers()['content-security-policy'])
  expect(second.nonce).toBeTruthy()
  expect(second.nonce).not.toBe(nonce)
})

/** Collects CSP violations of a page: the browser's console reports and the DOM's violation events. */
async function watchCsp(page: Page) {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
  })
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`))
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ;(window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${location.pathname}`)
    })
  })
  return violations
}

/** React has hydrated the element (its event handlers are attached). */
async function expectHydrated(page: Page, name: string) {
  const el = page.getByRole('button', { name }).first()
  await expect(el).toBeVisible()
  await expect.poll(() => el.evaluate((e) => Object.keys(e).some((k) => k.startsWith('__reactFiber')))).toBe(true)
}

test('pages run under the CSP: no violation, hydrated, the dashboard chart and the print report draw', async ({ page }) => {
  const violations = await watchCsp(page)
  await signIn(page, '13900000001')
  await expectHydrated(page, '退出登录')
  await page.goto('/dashboard')
  await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible() // ECharts drew (a client effect)
  await page.goto('/dashboard/report')
  await expect(page.getByTestId('report').locator('canvas').first()).toBeVisible()
  await expectHydrated(page, '打印')
  await page.getByRole('button', { name: '退出登录' }).click() // next-auth's sign-out POST passes the origin check
  await page.waitForURL(/\/login/)

  await signIn(page, '13900000009')
  await page.goto('/tasks')
  await expectHydrated(page, '退出登录')
  await page.goto('/')
  await expectHydrated(page, '退出登录')
  expect(violations).toEqual([])
})

// A state-changing request from another site is refused before any server action or route handler runs.
test('cross-site writes are refused with 403; the same request from this origin goes through', async ({ page, request }, info) => {
  const origin = new URL(info.project.use.baseURL!).origin
  const phone = `187${String(Date.now()).slice(-8)}`

  // a real registration, as the browser sends it (the server action's POST), caught before it leaves
  let action: { headers: Record<string, string>; body: Buffer } | undefined
  await page.route('**/register', async (route) => {
    const r = route.request()
    if (r.method() !== 'POST' || !r.headers()['next-action']) return route.continue()
    const all = await r.allHeaders()
    const headers = Object.fromEntries(['next-action', 'next-router-state-tree', 'content-type', 'accept'].filter((k) => all[k]).map((k) => [k, all[k]]))
    action = { headers, body: r.postDataBuffer()! }
    return route.abort()
  })
  await page.goto('/register')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('姓名').fill('跨站测试')
  await page.getByLabel('密码', { exact: true }).fill('Volunteer2026')
  await page.getByLabel('确认密码').fill('Volunteer2026')
  await page.getByLabel('所在社区').fill('小街')
  await page.getByRole('option', { name: /小街社区/ }).first().click()
  await page.getByRole('button', { name: '注册并登录' }).click()
  await expect.poll(() => action).toBeTruthy()
  await page.unrouteAll()

  const evil = await request.post('/register', { headers: { ...action!.headers, origin: EVIL }, data: action!.body })
  expect(evil.status()).toBe(403)
  expect(await evil.text()).toBe(REFUSED)
  const noOrigin = await request.post('/register', { headers: { ...action!.headers, 'sec-fetch-site': 'cross-site' }, data: action!.body })
  expect(noOrigin.status()).toBe(403)
  // nothing was written: the phone has no account
  await page.goto('/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码').fill('Volunteer2026')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByText('手机号或密码错误。')).toBeVisible()

  // the very same request from this origin registers the volunteer
  const same = await request.post('/register', { headers: { ...action!.headers, origin }, data: action!.body })
  expect(same.status()).toBe(200)
  expect(await same.text()).toContain('"ok":true')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((u) => u.pathname === '/')
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL(/\/login/)

  // a route handler (the xlsx import) and next-auth's sign-in likewise
  await signIn(page, '13900000005')
  const file = { name: '需求.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('not a workbook') }
  const evilImport = await page.request.post('/api/needs/import', { headers: { origin: EVIL }, multipart: { file } })
  expect(evilImport.status()).toBe(403)
  expect(await evilImport.text()).toBe(REFUSED)
  const sameImport = await page.request.post('/api/needs/import', { headers: { origin }, multipart: { file } })
  expect(sameImport.status()).not.toBe(403)
  expect(await sameImport.text()).not.toContain(REFUSED)
  const evilSignIn = await request.post('/api/auth/callback/credentials', { headers: { origin: EVIL }, form: { phone: '13900000001', password: DEMO_PASSWORD } })
  expect(evilSignIn.status()).toBe(403)
})
