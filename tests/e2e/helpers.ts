import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { expect, type Browser, type BrowserContext, type Locator, type Page } from './fixtures'
import { chinaIso } from '../../lib/china-time'

export const DEMO_PASSWORD = 'Ronghe@2026'

// Demo accounts are signed in once per worker and their session reused while the server still honours
// it: the suite signs the same people in well over 30 times, and sign-in is limited to 30 per account
// in 15 minutes (lib/server/security/rate-limit.ts), a limit the suite must not depend on outrunning.
// A session a test ended (sign-out) fails the check below and that account signs in afresh.
type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>
const sessions = new Map<string, Cookies>()
const isSession = (c: { name: string }) => c.name.includes('session-token')

/** Puts the worker's live session of `phone` (demo password only) into `context`; false when there is none. */
async function reuseSession(context: BrowserContext, phone: string, password: string): Promise<boolean> {
  const cookies = password === DEMO_PASSWORD ? sessions.get(phone) : undefined
  if (!cookies) return false
  await context.addCookies(cookies)
  const res = await context.request.get('/account', { maxRedirects: 0 })
  if (res.status() === 200) return true
  sessions.delete(phone)
  await context.clearCookies({ name: /session-token/ })
  return false
}

function keepSession(phone: string, password: string, cookies: Cookies) {
  if (password === DEMO_PASSWORD) sessions.set(phone, cookies.filter(isSession))
}

/** Signs `page` in: through the form the first time for an account, then with that session while it lives. */
export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD) {
  if (await reuseSession(page.context(), phone, password)) {
    await page.goto('/')
  } else {
    await page.goto('/login')
    await page.getByLabel('手机号').fill(phone)
    await page.getByLabel('密码').fill(password)
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.waitForURL((u) => u.pathname === '/')
    keepSession(phone, password, await page.context().cookies())
  }
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()
}

/** The URL of a unit as found by someone allowed to see it (search page). */
export async function unitUrl(page: Page, officialPhone: string, name: string) {
  await signIn(page, officialPhone)
  await page.goto(`/units?q=${encodeURIComponent(name)}`)
  const href = await page.getByTestId('search-row').getByRole('link', { name, exact: true }).first().getAttribute('href')
  await page.context().clearCookies()
  expect(href).toMatch(/^\/units\/[0-9a-f-]{36}$/)
  return href!
}

/** Self-registration of a volunteer at 小街社区 (lands signed in on the home page). */
export async function registerVolunteer(page: Page, phone: string, name: string, password = 'Volunteer2026') {
  await page.goto('/register')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('姓名').fill(name)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByLabel('确认密码').fill(password)
  await page.getByLabel('所在社区').fill('小街')
  await page.getByRole('option', { name: /小街社区/ }).first().click()
  await page.getByRole('button', { name: '注册并登录' }).click()
  await page.waitForURL((u) => u.pathname === '/')
}

/**
 * A team leader (signed in on `page`) claims the order for `title` in 派单接单 and makes a one-slot task of
 * it, starting in 20 minutes (sign-up until 15 minutes from now): check-in opens 30 minutes before the
 * start, so a journey can sign up and check in at once. The form's defaults (three days ahead) would
 * refuse the check-in.
 */
export async function claimOrderAndCreateTask(page: Page, title: string, place = '小街社区党群服务中心') {
  await page.goto('/orders')
  const row = page.getByTestId('orders-list').getByRole('listitem').filter({ hasText: title })
  await row.getByRole('button', { name: '接单' }).click()
  await expect(row.getByText('已接单')).toBeVisible()
  await row.getByRole('link', { name: title }).click()
  // datetime-local values are China time (yyyy-MM-ddTHH:mm)
  const local = (minutesFromNow: number) => chinaIso(new Date(Date.now() + minutesFromNow * 60_000)).slice(0, 16)
  const form = page.getByTestId('task-form')
  await form.getByLabel('开始时间').fill(local(20))
  await form.getByLabel('结束时间').fill(local(140))
  await form.getByLabel('报名截止').fill(local(15))
  await page.getByLabel('地点').fill(place)
  await page.getByLabel('名额').fill('1')
  await page.getByRole('button', { name: '新建' }).click()
  await expect(page.getByTestId('task-title')).toHaveText(title)
}

/** The community admin (signed in on `page`) opens a four-question satisfaction survey; returns its public link. */
export async function createSurvey(page: Page, title: string): Promise<string> {
  await page.goto('/evaluation/surveys/new')
  const form = page.getByTestId('survey-form')
  await form.getByLabel('调查标题').fill(title)
  await form.getByLabel('第 1 题题目').fill('服务人员的态度')
  await form.getByLabel('第 2 题题目').fill('服务是否及时')
  await form.getByLabel('第 3 题题目').fill('服务效果')
  await form.getByLabel('第 4 题题目').fill('您从哪里知道这项服务')
  await form.getByLabel('第 4 题选项（单选题）').fill('网格员、微信群、公告栏')
  await form.getByRole('button', { name: '提交' }).click()
  await expect(page.getByTestId('survey-link')).toBeVisible()
  return (await page.getByTestId('survey-link').getAttribute('href'))!
}

/**
 * Signs a browser context in through the API (the CSRF token, then next-auth's credentials callback):
 * the fixture for tests about what comes after the sign-in form; the form has its own tests.
 */
export async function signInByApi(context: BrowserContext, phone: string, password = DEMO_PASSWORD) {
  if (await reuseSession(context, phone, password)) return
  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const res = await context.request.post('/api/auth/callback/credentials', { form: { csrfToken, phone, password, json: 'true' }, maxRedirects: 0 })
  expect(res.status(), `sign-in of ${phone}`).toBeLessThan(400)
  const cookies = await context.cookies()
  expect(cookies.some(isSession), `a session for ${phone}`).toBe(true)
  keepSession(phone, password, cookies)
}

/**
 * The toast that answers an action (components/ui/toast.tsx), on the page of `where` (a page or any
 * locator on it): a success is told there, not next to the form, once JavaScript runs.
 */
export function toast(where: Page | Locator, text: string): Locator {
  const page = 'page' in where && typeof where.page === 'function' ? (where as Locator).page() : (where as Page)
  return page.getByTestId('toast').filter({ hasText: text })
}

/**
 * The community (刘秀英) records a need, makes its service item and dispatches it to 党旗红; the leader
 * (王建国) claims it and opens a one-place task starting in 20 minutes (claimOrderAndCreateTask). Returns
 * both signed-in pages, the task's path and its 6-digit code.
 */
export async function dispatchedTask(browser: Browser, title: string, place: string) {
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, '13900000005')
  await admin.goto('/needs/new')
  await admin.getByLabel('标题').fill(title)
  await admin.getByLabel('描述').fill(`${place}的志愿服务，需要志愿者`)
  await admin.getByLabel('类别').selectOption({ label: '养老助老' })
  await admin.getByLabel('服务对象').selectOption({ label: '老年人' })
  await admin.getByLabel('来源').selectOption({ label: '入户走访' })
  await admin.getByLabel('涉及人数').fill('5')
  await admin.getByRole('button', { name: '提交' }).click()
  await admin.getByLabel(/小街便民理发店/).check()
  await admin.getByRole('button', { name: '生成服务项目' }).click()
  await admin.getByLabel('接单队伍').selectOption({ label: '党旗红志愿服务队' })
  await admin.getByRole('button', { name: '派单' }).click()
  await expect(admin.getByTestId('order-status')).toHaveText('待接单')
  const leader = await (await browser.newContext()).newPage()
  await signIn(leader, '13900000008')
  await claimOrderAndCreateTask(leader, title, place)
  const taskPath = new URL(leader.url()).pathname
  const code = ((await leader.getByTestId('checkin-code').textContent()) ?? '').replace(/\D/g, '')
  return { admin, leader, taskPath, taskId: taskPath.split('/').pop()!, code }
}

/** The text a phone's camera reads from a rendered QR code (its screenshot, decoded by jsQR). */
export async function decodeQr(qr: Locator): Promise<string> {
  const png = PNG.sync.read(await qr.screenshot())
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(found, 'a readable QR code').not.toBeNull()
  return found!.data
}

