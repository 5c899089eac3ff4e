// A page view costs one render, not one per link in view: links prefetch when a hand reaches for them
// (components/ui/link.tsx). With next/link's default, the volunteer's /tasks made 18 prefetch renders
// after it loaded; here it makes none, a hovered or focused link prefetches its page, and the click that
// follows is a client-side navigation (no document request).
import { test, expect, type Page, type Request } from './fixtures'
import { signIn } from './helpers'

/** A React Server Component request of the router (a prefetch or a navigation): never a document. */
function isRsc(r: Request) {
  const h = r.headers()
  return r.resourceType() !== 'document' && (h['rsc'] === '1' || new URL(r.url()).searchParams.has('_rsc'))
}

async function settled(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(1_000) // viewport prefetches are scheduled after idle: give them the time
}

test('links prefetch on intent, not on sight', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await signIn(page, '13900000009')
  const rsc: string[] = []
  const documents: string[] = []
  page.on('request', (r) => {
    if (isRsc(r)) rsc.push(new URL(r.url()).pathname)
    else if (r.resourceType() === 'document') documents.push(new URL(r.url()).pathname)
  })

  for (const path of ['/tasks', '/', '/points']) {
    await page.goto(path)
    await settled(page)
    expect(rsc, `${path}: prefetches after the page loaded`).toEqual([])
  }

  // a hand on the link: its page is fetched
  const link = page.getByRole('navigation', { name: '快捷导航' }).getByRole('link', { name: '任务', exact: true }) // the phone's tab bar
  await link.hover()
  await expect.poll(() => rsc.filter((p) => p === '/tasks').length, { message: 'hovering /tasks prefetches it' }).toBeGreaterThan(0)
  const afterHover = rsc.length

  // the click is a client-side transition
  const docsBefore = documents.length
  await link.click()
  await expect(page).toHaveURL(/\/tasks$/)
  await expect(page.getByTestId('my-hours')).toBeVisible()
  expect(documents.length, 'no document request for the click').toBe(docsBefore)
  // the page arrived by the click fetches its content (a dynamic page is rendered per request), and its
  // own links stay unfetched
  await settled(page)
  expect(rsc.slice(afterHover).filter((p) => p !== '/tasks'), 'prefetches after the click').toEqual([])
})

test('keyboard focus prefetches too', async ({ page }) => {
  await signIn(page, '13900000009')
  const rsc: string[] = []
  page.on('request', (r) => {
    if (isRsc(r)) rsc.push(new URL(r.url()).pathname)
  })
  await page.goto('/tasks')
  await settled(page)
  expect(rsc).toEqual([])
  await page.getByRole('navigation').getByRole('link', { name: '积分与时长' }).first().focus()
  await expect.poll(() => rsc.includes('/points'), { message: 'focusing /points prefetches it' }).toBe(true)
})

test('a link shows that its page is on the way, and only while it is', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await signIn(page, '13900000009')
  await page.goto('/tasks')
  // the network is slow: the next page's data takes 1.5 s
  let release = () => {}
  const held = new Promise<void>((r) => (release = r))
  await page.route('**/points**', async (route) => {
    if (isRsc(route.request())) await held
    await route.continue()
  })
  const tab = page.getByRole('navigation', { name: '快捷导航' }).getByRole('link', { name: '积分', exact: true })
  await expect(page.getByTestId('navigating')).toHaveCount(0)
  await tab.click()
  await expect(tab.getByTestId('navigating')).toBeAttached()
  release()
  await expect(page.getByTestId('my-points')).toBeVisible()
  await expect(page.getByTestId('navigating')).toHaveCount(0)
  await expect(tab).toHaveAttribute('aria-current', 'page')
})
