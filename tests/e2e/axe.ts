import AxeBuilder from '@axe-core/playwright'
import { expect, type Browser, type Page } from './fixtures'
import { signInByApi } from './helpers'

// What the accessibility checks share (a11y.spec.ts, records-axe.spec.ts): the roles, the two widths,
// axe's serious and critical WCAG 2.1 A/AA violations of a page, and the pages a role's sidebar offers.

export const ROLES = [
  ['volunteer', '13900000009'],
  ['team leader', '13900000008'],
  ['community secretary', '13900000005'],
  ['social worker', '13900000006'],
  ['social organisation staff', '13900000007'],
  ['case supervisor', '13900000012'],
  ['county official', '13900000004'],
  ['region official', '13900000001'],
] as const
export const WIDTHS = [
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
] as const

export async function violations(page: Page, where: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} nodes` : ''}`)
}

export async function sidebarPages(browser: Browser, phone: string): Promise<string[]> {
  const ctx = await browser.newContext({ viewport: WIDTHS[0].viewport })
  await signInByApi(ctx, phone)
  const page = await ctx.newPage()
  await page.goto('/')
  const hrefs = await page.getByRole('navigation', { name: '主导航' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
  await ctx.close()
  expect(hrefs.length).toBeGreaterThan(3)
  return hrefs
}
