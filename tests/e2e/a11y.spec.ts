import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from './fixtures'
import { signInByApi } from './helpers'

// An accessibility engine (axe-core) on every page of each role's navigation, at a desktop's width and
// at a phone's, and on the signed-out pages: no violation of impact "serious" or "critical" under WCAG
// 2.1 A and AA. The pages are those the role's own sidebar offers (read from the page, so a new entry is
// checked without touching this file), the phone's menu is checked open, and all problems of a role are
// collected and reported at once.

const ROLES = [
  ['volunteer', '13900000009'],
  ['team leader', '13900000008'],
  ['community secretary', '13900000005'],
  ['social worker', '13900000006'],
  ['social organisation staff', '13900000007'],
  ['case supervisor', '13900000012'],
  ['county official', '13900000004'],
  ['region official', '13900000001'],
] as const
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
] as const

async function violations(page: Page, where: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} nodes` : ''}`)
}

async function sidebarPages(browser: Browser, phone: string): Promise<string[]> {
  const ctx = await browser.newContext({ viewport: WIDTHS[0].viewport })
  await signInByApi(ctx, phone)
  const page = await ctx.newPage()
  await page.goto('/')
  const hrefs = await page.getByRole('navigation', { name: '主导航' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
  await ctx.close()
  expect(hrefs.length).toBeGreaterThan(3)
  return hrefs
}

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
