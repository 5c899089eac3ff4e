import { expect, test } from './fixtures'
import { signInByApi } from './helpers'
import { ROLES, WIDTHS, sidebarPages, violations } from './axe'

// An accessibility engine (axe-core) on every page of each role's navigation, at a desktop's width and
// at a phone's, and on the signed-out pages: no violation of impact "serious" or "critical" under WCAG
// 2.1 A and AA. The pages are those the role's own sidebar offers (read from the page, so a new entry is
// checked without touching this file), the phone's menu is checked open, and all problems of a role are
// collected and reported at once. The record pages these lists lead to: tests/e2e/records-axe.spec.ts.

test.describe.configure({ timeout: 240_000 })

for (const [who, phone] of ROLES) {
  test(`${who}: every page of the navigation passes axe at both widths`, async ({ browser }) => {
    const pages = await sidebarPages(browser, phone)
    const problems: string[] = []
    for (const w of WIDTHS) {
      const ctx = await browser.newContext({ viewport: w.viewport })
      await signInByApi(ctx, phone)
      const page = await ctx.newPage()
      for (const path of pages) {
        const res = await page.goto(path)
        expect(res?.status(), `${who} ${path}`).toBe(200)
        problems.push(...(await violations(page, `${w.name} ${path}`)))
      }
      if (w.name === 'phone') {
        await page.goto('/')
        await page.getByTestId('tabbar').locator('summary').click()
        problems.push(...(await violations(page, 'phone / with the menu open')))
      }
      await ctx.close()
    }
    expect(problems, `${who}: serious or critical violations`).toEqual([])
  })
}

test('signed out: the sign-in and registration pages pass axe at both widths', async ({ browser }) => {
  const problems: string[] = []
  for (const w of WIDTHS) {
    const ctx = await browser.newContext({ viewport: w.viewport })
    const page = await ctx.newPage()
    for (const path of ['/login', '/register']) {
      await page.goto(path)
      problems.push(...(await violations(page, `${w.name} ${path}`)))
    }
    await ctx.close()
  }
  expect(problems).toEqual([])
})
