import { expect, test } from './fixtures'
import { signIn } from './helpers'

test.describe('at 375 px wide', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })

  const pages = [
    { phone: '13900000001', path: '/' },
    { phone: '13900000004', path: '/' },
    { phone: '13900000005', path: '/' },
    { phone: '13900000009', path: '/' },
    { phone: '13900000001', path: '/units?q=社区' },
    { phone: '13900000009', path: '/account' },
    { phone: '13900000009', path: '/tasks' },
    { phone: '13900000005', path: '/needs' },
    { phone: '13900000005', path: '/needs/new' },
    { phone: '13900000005', path: '/resources' },
    { phone: '13900000005', path: '/resources/new' },
    { phone: '13900000008', path: '/orders' },
    { phone: '13900000006', path: '/services' },
    { phone: '13900000004', path: '/notifications' },
  ]
  for (const p of pages) {
    test(`${p.phone} ${p.path} fits without sideways scrolling`, async ({ page }) => {
      await signIn(page, p.phone)
      await page.goto(p.path)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width).toBeLessThanOrEqual(375)
    })
  }

  test('sign-in and registration fit too', async ({ page }) => {
    for (const path of ['/login', '/register']) {
      await page.goto(path)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    }
  })
})

test('the language switch turns the interface to English and back', async ({ page }) => {
  await signIn(page, '13900000002')
  await page.getByRole('button', { name: 'EN' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Find units' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('button', { name: '中文' }).click()
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()
})
