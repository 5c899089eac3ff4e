// Translation happens on the server: a page's payload (its HTML, with the React payload inlined) carries
// only the messages its client components render — never the catalog — and its scripts carry none.
// Each page has a budget: the messages allowed on it (the root set every page carries, plus what its
// client components declare), counted by looking for every catalog key in what the browser receives.
import { test, expect, type Page } from './fixtures'
import { signIn } from './helpers'
import { zhCN } from '../../lib/i18n/messages/zh-CN'
import { ROOT_MESSAGES } from '../../lib/i18n/root-messages'
import { COMMUNITY_PICKER_MESSAGES } from '../../components/auth/community-picker.messages'
import { COMMUNITY_COMBOBOX_MESSAGES } from '../../components/auth/community-combobox.messages'
import { IMPORT_PANEL_MESSAGES } from '../../components/workflow/import-panel.messages'

const KEYS = Object.keys(zhCN)

/** The catalog keys present in `text` as JSON keys (plain, or escaped inside the inlined React payload). */
function keysIn(text: string): string[] {
  return KEYS.filter((k) => text.includes(`"${k}":`) || text.includes(`\\"${k}\\":`))
}

async function payload(page: Page, path: string) {
  const res = await page.request.get(path)
  expect(res.status(), path).toBe(200)
  const html = await res.text()
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1])
  let js = ''
  for (const src of scripts) js += await (await page.request.get(src)).text()
  return { html, js, scripts }
}

const ROOT = [...ROOT_MESSAGES] as string[]
type Case = { path: string; allowed: readonly string[] }
const pages: Record<string, { phone: string | null; cases: Case[] }> = {
  'signed out': { phone: null, cases: [{ path: '/login', allowed: ROOT }, { path: '/register', allowed: [...ROOT, ...COMMUNITY_PICKER_MESSAGES, ...COMMUNITY_COMBOBOX_MESSAGES] }] },
  volunteer: { phone: '13900000009', cases: ['/', '/tasks', '/points', '/profile', '/notifications', '/account'].map((path) => ({ path, allowed: ROOT })) },
  'community admin': {
    phone: '13900000005',
    cases: [
      ...['/', '/needs', '/resources', '/orders', '/tasks', '/teams', '/volunteers', '/projects', '/cases'].map((path) => ({ path, allowed: ROOT })),
      { path: '/needs/import', allowed: [...ROOT, ...IMPORT_PANEL_MESSAGES.needs] },
    ],
  },
  'region official': { phone: '13900000001', cases: ['/', '/dashboard', '/pilots', '/units', '/talent', '/evaluation'].map((path) => ({ path, allowed: ROOT })) },
}

test.describe('a page carries only the messages it renders', () => {
  for (const [who, { phone, cases }] of Object.entries(pages)) {
    test(who, async ({ page }) => {
      if (phone) await signIn(page, phone)
      for (const c of cases) {
        const { html, js, scripts } = await payload(page, c.path)
        const found = keysIn(html)
        // the budget: nothing beyond the page's own set (the whole catalog would be ~1,750 keys)
        expect(found.filter((k) => !c.allowed.includes(k)), `${who} ${c.path}: messages beyond its budget`).toEqual([])
        expect(found.length, `${who} ${c.path}`).toBeLessThanOrEqual(c.allowed.length)
        expect(found, `${who} ${c.path}: the root messages`).toEqual(expect.arrayContaining(ROOT))
        // no script holds the catalog: at most the key lists client components declare
        expect(scripts.length, c.path).toBeGreaterThan(0)
        const inScripts = KEYS.filter((k) => js.includes(`"${k}"`) || js.includes(`'${k}'`))
        expect(inScripts.length, `${who} ${c.path}: catalog keys in the page's scripts: ${inScripts.slice(0, 5).join(', ')}`).toBeLessThanOrEqual(40)
      }
    })
  }
})
