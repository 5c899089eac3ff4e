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
