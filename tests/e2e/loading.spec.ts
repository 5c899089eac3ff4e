// A list that waits on the database shows its skeleton at once (a loading.tsx per list, components/ui/
// skeleton.tsx): the hovered link prefetches the list's shell and skeleton, so the tap paints the skeleton
// while the server is still reading, and the list takes its place when it arrives. The server's answer is
// held back here (the route below) so that the wait is long enough to see; nothing else is faked.
import { test, expect, type Request } from './fixtures'
import { signInByApi } from './helpers'

const isNavigation = (r: Request) => r.resourceType() !== 'document' && new URL(r.url()).searchParams.has('_rsc') && !r.headers()['next-router-prefetch']

test('the secretary taps 需求清单: a skeleton at once, then the list; no skeleton is left behind', async ({ page, context }) => {
  await signInByApi(context, '13900000005')
  await page.goto('/')
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  await page.route((url) => url.pathname === '/needs', async (route) => {
    if (isNavigation(route.request())) await held
    await route.continue()
  })
  const link = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '需求清单', exact: true })
  await link.hover() // the prefetch: the layouts down to the list's loading boundary
  await page.waitForTimeout(500)
  await link.click()
  const skeleton = page.getByTestId('skeleton')
  await expect(skeleton).toBeVisible()
  await expect(skeleton).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByTestId('needs-list')).toHaveCount(0)
  release()
  await expect(page.getByTestId('needs-list')).toBeVisible()
  await expect(skeleton).toHaveCount(0)
  await expect(page).toHaveURL(/\/needs$/)
})

test('the secretary opens a need: the record skeleton at once, then the need; no skeleton left behind', async ({ page, context }) => {
  await signInByApi(context, '13900000005')
  await page.goto('/needs')
  const link = page.getByTestId('needs-list').locator('a.data-title').first()
  const href = await link.getAttribute('href')
  expect(href).toMatch(/^\/needs\/[0-9a-f-]{36}$/)
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  await page.route((url) => url.pathname === href, async (route) => {
    if (isNavigation(route.request())) await held
    await route.continue()
  })
  await link.hover() // the prefetch: the record's gate (its id under the caller's scope) and its skeleton
  await page.waitForTimeout(500)
  await link.click()
  const skeleton = page.getByTestId('skeleton')
  await expect(skeleton).toBeVisible()
  await expect(page.getByTestId('need-title')).toHaveCount(0)
  release()
  await expect(page.getByTestId('need-title')).toBeVisible()
  await expect(skeleton).toHaveCount(0)
  await expect(page).toHaveURL(new RegExp(`${href}$`))
})

/**
 * The region's dashboard streams (app/(app)/dashboard/page.tsx): the unit is resolved first (its 404 is
 * a real status), then the document carries the title and the figures' skeleton in a pending Suspense
 * boundary, and the figures follow in a hidden segment that React's inline script swaps in. Read here as
 * the browser receives it, chunk by chunk, over the official's session.
 */
test('the region official’s dashboard: the title and a skeleton first, the figures streamed in behind them', async ({ page, context, baseURL }) => {
  await signInByApi(context, '13900000001')
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  const res = await fetch(`${baseURL}/dashboard`, { headers: { cookie } })
  expect(res.status).toBe(200)
  const decoder = new TextDecoder()
  let body = ''
  const reader = res.body!.getReader()
  for (let r = await reader.read(); !r.done; r = await reader.read()) body += decoder.decode(r.value, { stream: true })
  const pending = body.indexOf('<!--$?-->')
  const skeleton = body.indexOf('data-testid="skeleton"')
  const figures = body.indexOf('data-testid="kpis"')
  expect(pending, 'a pending boundary in the document').toBeGreaterThan(0)
  expect(skeleton, 'the skeleton inside it').toBeGreaterThan(pending)
  expect(body.slice(pending, skeleton)).toMatch(/^<!--\$\?--><template id="B:\d+"><\/template>/)
  expect(body.slice(skeleton, body.indexOf('<!--/$-->', skeleton))).toContain('内蒙古自治区')
  expect(figures, 'the figures after the skeleton').toBeGreaterThan(skeleton)
  expect(body.slice(body.lastIndexOf('<div hidden id="S:', figures), figures)).toMatch(/^<div hidden id="S:\d+">/)
  expect(body.slice(figures)).toMatch(/\$RC\("B:\d+","S:\d+"\)/)

  // in the browser the figures take the skeleton's place; a unit out of scope is a 404 before any of it
  await page.goto('/dashboard')
  await expect(page.getByTestId('kpis')).toBeVisible()
  await expect(page.getByTestId('skeleton')).toHaveCount(0)
  const foreign = await fetch(`${baseURL}/dashboard?unit=00000000-0000-4000-8000-000000000000`, { headers: { cookie } })
  expect(foreign.status).toBe(404)
  expect(await foreign.text()).not.toContain('data-testid="skeleton"')
})
