import { expect, test } from './fixtures'
import { signInByApi } from './helpers'
import { ROLES, WIDTHS, sidebarPages, violations } from './axe'

// axe on the record pages each role can open (a11y.spec.ts covers the pages of its navigation): for
// each role, one record of every kind its lists link to (/tasks/<id>, /needs/<id>, /units/<id>, …, read
// from the rendered lists), at a desktop's and a phone's width, no serious or critical WCAG 2.1 A/AA
// violation. This file runs after the journeys and the authorization sweep have made records of every
// kind (the chromium lane runs its files in order); a floor on the kinds found keeps it from passing on
// an empty database.

const RECORD = /^\/[a-z/-]+\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\/[a-z]+)?$/
// a section's own list (not a form: new, import, edit)
const SUBLIST = /^\/[a-z-]+\/(?!new$|import$|edit$)[a-z-]+$/
const kindOf = (href: string) => href.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, '[id]')

// serial: one worker keeps `kinds` across the roles' tests (after a failure the rest are skipped, not rerun in a fresh worker)
test.describe.configure({ mode: 'serial', timeout: 240_000 })

const kinds = new Set<string>()

for (const [who, phone] of ROLES) {
  test(`${who}: a record of every kind its lists open passes axe at both widths`, async ({ browser }) => {
    const lists = await sidebarPages(browser, phone)
    const ctx = await browser.newContext({ viewport: WIDTHS[0].viewport })
    await signInByApi(ctx, phone)
    const page = await ctx.newPage()
    const records = new Map<string, string>() // kind → one href
    // the sidebar's pages, and the lists they open (a section's tabs: /evaluation → /evaluation/inspections)
    const seen = new Set<string>(lists)
    const queue = [...lists]
    while (queue.length) {
      const path = queue.shift()!
      await page.goto(path)
      const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
      for (const href of hrefs) {
        if (RECORD.test(href) && !records.has(kindOf(href))) records.set(kindOf(href), href)
        else if (SUBLIST.test(href) && lists.some((l) => href.startsWith(`${l}/`)) && !seen.has(href)) {
          seen.add(href)
          queue.push(href)
        }
      }
    }
    await ctx.close()
    const problems: string[] = []
    for (const w of WIDTHS) {
      const ctx = await browser.newContext({ viewport: w.viewport })
      await signInByApi(ctx, phone)
      const page = await ctx.newPage()
      for (const [kind, href] of records) {
        const res = await page.goto(href)
        expect(res?.status(), `${who} ${href}`).toBe(200)
        await expect(page.getByTestId('skeleton')).toHaveCount(0)
        problems.push(...(await violations(page, `${w.name} ${kind}`)))
        kinds.add(kind)
      }
      await ctx.close()
    }
    expect(problems, `${who}: serious or critical violations`).toEqual([])
  })
}

test('the record pages checked cover the platform’s record kinds', () => {
  // the kinds the lists lead to once the journeys have run (16 at the time of writing)
  expect([...kinds].sort(), `record kinds checked: ${[...kinds].sort().join(' ')}`).toEqual(expect.arrayContaining(['/needs/[id]', '/orders/[id]', '/services/[id]', '/tasks/[id]', '/teams/[id]', '/units/[id]', '/projects/[id]', '/cases/[id]', '/evaluation/inspections/[id]', '/evaluation/templates/[id]']))
  expect(kinds.size).toBeGreaterThanOrEqual(12)
})
