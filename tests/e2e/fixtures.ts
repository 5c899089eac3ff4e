// The e2e suite's `test`: Playwright's, with one automatic guard on every test — no value typed into
// a form field may ever appear in a request URL (a password above all). A form that sends its fields
// in a GET before its JavaScript arrives, a redirect that carries a phone number, a client that puts
// a code in a query string: each fails the test that did it.
//
// What is typed is recorded where the tests type it (fill / pressSequentially / type on a page or a
// locator); every request of every browser context of the test is recorded; at the end each URL's
// path segments and query values are compared with the typed values. Not counted: what is typed into
// a search box (an <input type="search">, or a field of a <form role="search">: list filters and
// look-ups, whose fields belong in the address), and URLs the test itself navigates to (page.goto).
import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test'

export * from '@playwright/test'
export { expect }

type Guard = { typed: Map<string, string>; urls: Set<string>; visited: Set<string> }
let guard: Guard | null = null

const MIN_LENGTH = 3 // '1', '5', '09' are typed everywhere (slots, ratings, times) and mean nothing in a URL

async function isSearchField(l: Locator): Promise<boolean> {
  if ((await l.getAttribute('type', { timeout: 5_000 })) === 'search') return true
  return (await l.locator('xpath=ancestor::form[@role="search"]').count()) > 0
}

type AnyFn = (...args: unknown[]) => Promise<unknown>
function wrap(proto: Record<string, unknown>, method: string, valueAt: number, locatorOf: (self: unknown, args: unknown[]) => Locator) {
  const key = `__urlGuard_${method}`
  if (!proto || proto[key]) return
  const original = proto[method] as AnyFn
  proto[method] = async function (this: unknown, ...args: unknown[]) {
    const v = args[valueAt]
    const g = guard
    if (g && typeof v === 'string' && v.trim().length >= MIN_LENGTH) {
      let search = false
      try {
        search = await isSearchField(locatorOf(this, args))
      } catch {
        // not found yet: the action itself will say so
      }
      if (!search) g.typed.set(v.trim(), `${method}(${typeof args[0] === 'string' && valueAt > 0 ? JSON.stringify(args[0]) : String(this)})`)
    }
    return original.apply(this, args)
  }
  proto[key] = true
}

function install(page: Page) {
  const loc = Object.getPrototypeOf(page.locator('body')) as Record<string, unknown>
  for (const m of ['fill', 'pressSequentially', 'type']) wrap(loc, m, 0, (self) => self as Locator)
  const pg = Object.getPrototypeOf(page) as Record<string, unknown>
  for (const m of ['fill', 'type']) wrap(pg, m, 1, (self, args) => (self as Page).locator(String(args[0])))
  if (!pg.__urlGuard_goto) {
    const goto = pg.goto as AnyFn
    pg.goto = async function (this: Page, url: unknown, ...rest: unknown[]) {
      if (guard && typeof url === 'string') guard.visited.add(new URL(url, this.url().startsWith('http') ? this.url() : 'http://127.0.0.1/').pathname + (url.includes('?') ? url.slice(url.indexOf('?')) : ''))
      return goto.call(this, url, ...rest)
    }
    pg.__urlGuard_goto = true
  }
}

function watch(context: import('@playwright/test').BrowserContext) {
  context.on('request', (r) => guard?.urls.add(r.url()))
  context.on('page', (p) => install(p))
}

function wrapBrowser(browser: Browser) {
  const proto = Object.getPrototypeOf(browser) as Record<string, unknown>
  if (proto.__urlGuard_newContext) return
  const newContext = proto.newContext as AnyFn
  proto.newContext = async function (this: Browser, ...args: unknown[]) {
    const c = (await newContext.apply(this, args)) as import('@playwright/test').BrowserContext
    watch(c)
    return c
  }
  proto.__urlGuard_newContext = true
}

/** The typed values found in the URLs requested so far in this test. */
export function urlLeaks(): string[] {
  const g = guard
  if (!g) return []
  const out: string[] = []
  for (const raw of g.urls) {
    let u: URL
    try {
      u = new URL(raw)
    } catch {
      continue
    }
    if (u.protocol === 'data:' || u.protocol === 'blob:') continue
    const own = u.pathname + u.search
    if ([...g.visited].some((v) => own === v || own.startsWith(v + (v.includes('?') ? '&' : '?')))) continue
    const parts = [...u.pathname.split('/').map((s) => safeDecode(s)), ...u.searchParams.values(), ...u.searchParams.keys()]
    const whole = safeDecode(u.pathname) + ' ' + parts.join(' ')
    for (const [value, where] of g.typed) {
      const hit = value.length >= 6 ? whole.includes(value) : parts.includes(value)
      if (hit) out.push(`${JSON.stringify(value)} (typed by ${where}) in ${raw}`)
    }
  }
  return out
}

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return s
  }
}

/** Forget what was recorded (the guard's own test, after it has seen the guard work). */
export function resetUrlGuard() {
  guard?.urls.clear()
}

export const test = base.extend<{ urlGuard: void }>({
  urlGuard: [
    async ({ context, page, browser }, use) => {
      guard = { typed: new Map(), urls: new Set(), visited: new Set() }
      watch(context)
      install(page)
      wrapBrowser(browser)
      await use()
      const leaks = urlLeaks()
      guard = null
      expect(leaks, 'form field values in request URLs').toEqual([])
    },
    { auto: true },
  ],
})
