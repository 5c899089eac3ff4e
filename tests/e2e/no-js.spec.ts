import { expect, test, type Browser, type Page } from './fixtures'
import { createSurvey, DEMO_PASSWORD, signInByApi } from './helpers'

// Before its JavaScript arrives — on a weak rural network, or never — every form still does its job: it
// is a real POST to its server action (or to its route handler), the server answers with the next page
// or with the same page showing the field errors and what was typed. This project runs with JavaScript
// disabled (playwright.config.ts: project "no-js"); set-up steps that are not about forms run in an
// ordinary context with JavaScript. The URL guard (fixtures.ts) checks every request of every test here.

test.describe.configure({ mode: 'serial' })

const stamp = String(Date.now()).slice(-6)
const BASE = () => test.info().project.use.baseURL!

/** A context of this project (JavaScript off), signed in through the API, not the form. */
async function noScript(browser: Browser, phone?: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: BASE() })
  if (phone) await signInByApi(context, phone)
  return context.newPage()
}

/** An ordinary context (JavaScript on) for the set-up steps, signed in through the API. */
async function withScript(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: true, baseURL: BASE() })
  await signInByApi(context, phone)
  return context.newPage()
}

/** A datetime-local value in China time, `minutes` from now (to the minute). */
const chinaLocal = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16)

test('sign-in: a wrong password is answered on the page with the phone kept; the right one signs in; sign-out too', async ({ browser }) => {
  const page = await noScript(browser)
  await page.goto('/login')
  await page.getByLabel('手机号').fill('13900000009')
  await page.getByLabel('密码').fill('Wrong-password-1')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('手机号或密码错误。')
  await expect(page.getByLabel('手机号')).toHaveValue('13900000009')
  await expect(page.getByLabel('密码')).toHaveValue('')
  expect(new URL(page.url()).search).toBe('')

  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((u) => u.pathname === '/')
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()

  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL((u) => u.pathname === '/login')
  await page.goto('/tasks')
  await page.waitForURL((u) => u.pathname === '/login')
})

test('registration: a field error keeps what was typed (never the passwords); then the new volunteer is signed in', async ({ browser }) => {
  const page = await noScript(browser)
  const phone = `187${stamp}${String(Date.now()).slice(-2)}`
  await page.goto('/register')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('姓名').fill('乌日娜')
  await page.getByLabel('密码', { exact: true }).fill('Grassland-2026')
  await page.getByLabel('确认密码').fill('Grassland-2027')
  await page.getByLabel('所在社区').fill('小街社区')
  await page.getByRole('button', { name: '注册并登录' }).click()
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible()
  await expect(page.getByLabel('手机号')).toHaveValue(phone)
  await expect(page.getByLabel('姓名')).toHaveValue('乌日娜')
  await expect(page.getByLabel('所在社区')).toHaveValue('小街社区')
  await expect(page.getByLabel('密码', { exact: true })).toHaveValue('')

  await page.getByLabel('密码', { exact: true }).fill('Grassland-2026')
  await page.getByLabel('确认密码').fill('Grassland-2026')
  await page.getByRole('button', { name: '注册并登录' }).click()
  await page.waitForURL((u) => u.pathname === '/')
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()
})

const title = `无脚本送餐-${stamp}`
let needUrl = ''
let taskUrl = ''
let code = ''

test('a need recorded with a field error first, then saved', async ({ browser }) => {
  const page = await noScript(browser, '13900000005')
  await page.goto('/needs/new')
  await page.getByLabel('标题').fill(title)
  await page.getByLabel('描述').fill('独居老人行动不便，需要每周送两次午餐')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.getByText('请选择类别')).toBeVisible()
  await expect(page.getByLabel('标题')).toHaveValue(title)
  await expect(page.getByLabel('描述')).toHaveValue('独居老人行动不便，需要每周送两次午餐')

  await page.getByLabel('类别').selectOption({ label: '养老助老' })
  await page.getByLabel('服务对象').selectOption({ label: '老年人' })
  await page.getByLabel('来源').selectOption({ label: '入户走访' })
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.getByTestId('need-title')).toHaveText(title)
  needUrl = new URL(page.url()).pathname
  expect(needUrl).toMatch(/^\/needs\/[0-9a-f-]{36}$/)
})

test('a task: signed up and cancelled, signed up again, checked in and out by code', async ({ browser }) => {
  test.setTimeout(120_000)
  // set-up with JavaScript: the community dispatches the need to 党旗红, the leader claims it and opens
  // a task that starts in 20 minutes (sign-up closes at the start; check-in opens 30 min before)
  const admin = await withScript(browser, '13900000005')
  await admin.goto(needUrl)
  await admin.getByLabel(/小街便民理发店/).check()
  await admin.getByRole('button', { name: '生成服务项目' }).click()
  await admin.getByLabel('接单队伍').selectOption({ label: '党旗红志愿服务队' })
  await admin.getByRole('button', { name: '派单' }).click()
  await expect(admin.getByTestId('order-status')).toHaveText('待接单')

  const leader = await withScript(browser, '13900000008')
  await leader.goto('/orders')
  const row = leader.getByTestId('orders-list').getByRole('listitem').filter({ hasText: title })
  await row.getByRole('button', { name: '接单' }).click()
  await expect(row.getByText('已接单')).toBeVisible()
  await row.getByRole('link', { name: title }).click()
  const start = Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000
  await leader.getByLabel('开始时间').fill(chinaLocal(start))
  await leader.getByLabel('结束时间').fill(chinaLocal(start + 2 * 3_600_000))
  await leader.getByLabel('报名截止').fill(chinaLocal(start))
  await leader.getByLabel('地点').fill('小街社区老年食堂')
  await leader.getByLabel('名额').fill('3')
  await leader.getByRole('button', { name: '新建' }).click()
  await expect(leader.getByTestId('task-title')).toHaveText(title)
  taskUrl = new URL(leader.url()).pathname
  code = ((await leader.getByTestId('checkin-code').textContent()) ?? '').replace(/\D/g, '')
  expect(code).toMatch(/^\d{6}$/)

  // without JavaScript the kit's dialog is a disclosure: 出示签到码 opens the big code in place
  const plainLeader = await noScript(browser, '13900000008')
  await plainLeader.goto(taskUrl)
  await expect(plainLeader.getByTestId('code-big')).toBeHidden()
  await plainLeader.getByText('出示签到码').click()
  await expect(plainLeader.getByTestId('code-big')).toHaveText(code)
  await plainLeader.context().close()

  // without JavaScript: the volunteer signs up, cancels, signs up again
  const v = await noScript(browser, '13900000009')
  await v.goto(taskUrl)
  await v.getByRole('button', { name: '报名', exact: true }).click()
  await expect(v.getByTestId('my-signup')).toContainText('已报名')
  await v.getByRole('button', { name: '取消报名' }).click()
  await expect(v.getByRole('button', { name: '报名', exact: true })).toBeVisible()
  await expect(v.getByTestId('my-signup')).toHaveCount(0)
  await v.getByRole('button', { name: '报名', exact: true }).click()
  await expect(v.getByTestId('my-signup')).toContainText('已报名')

  // a wrong code is answered on the page; the right one checks in
  await v.getByLabel('签到码').fill(code === '000000' ? '111111' : '000000')
  await v.getByRole('button', { name: '签到' }).click()
  await expect(v.getByTestId('self-check').getByRole('alert').first()).toBeVisible()
  await v.getByLabel('签到码').fill(code)
  await v.getByRole('button', { name: '签到' }).click()
  await expect(v.getByTestId('my-signup')).toContainText('已签到')

  // and out (before the start: credited 0 minutes, lib/server/workflow/tasks.ts)
  await v.getByLabel('签到码').fill(code)
  await v.getByRole('button', { name: '签退' }).click()
  await expect(v.getByTestId('my-signup')).toContainText('已签退，服务 0 分钟')
})

test('a volunteer finds a task by links and a GET form: the day, the place, free places; a search that finds nothing says so', async ({ browser }) => {
  const v = await noScript(browser, '13900000009')
  await v.goto('/tasks')
  await v.getByTestId('task-when').getByRole('link', { name: '今天' }).click()
  await v.waitForURL((u) => u.searchParams.get('when') === 'today')
  await expect(v.getByTestId('task-when').getByRole('link', { name: '今天' })).toHaveAttribute('aria-current', 'page')
  // the task made above (at 小街社区老年食堂, starting in 20 minutes: maybe tomorrow in China, so any day)
  await v.getByTestId('task-when').getByRole('link', { name: '全部' }).click()
  await v.waitForURL((u) => u.pathname === '/tasks' && !u.searchParams.has('when'))
  await v.getByText('更多筛选').click()
  const form = v.getByTestId('task-filters')
  await form.getByLabel('任务名称或地点').fill('老年食堂')
  await form.getByLabel('只看还有名额的').check()
  await form.getByRole('button', { name: '筛选' }).click()
  await v.waitForURL((u) => u.searchParams.get('free') === '1' && u.searchParams.get('q') === '老年食堂')
  await expect(v.getByTestId('task-count')).toContainText('找到')
  await expect(v.getByTestId('task-card').filter({ hasText: title })).toBeVisible()
  await v.goto('/tasks?q=' + encodeURIComponent('没有这个任务'))
  await expect(v.getByText('没有符合条件的任务')).toBeVisible()
  await v.getByRole('main').getByRole('link', { name: '清除筛选' }).last().click()
  await v.waitForURL((u) => u.pathname === '/tasks' && u.search === '')
})

test('a need resolved with the beneficiary’s rating', async ({ browser }) => {
  const page = await noScript(browser, '13900000006')
  await page.goto(needUrl)
  const form = page.getByTestId('resolve-form')
  await form.getByLabel('解决情况').fill('已安排党旗红志愿者每周二、五送餐上门')
  await form.getByLabel('满意度（1–5）').selectOption('4')
  await form.getByRole('button', { name: '标记为已解决' }).click()
  await expect(page.getByTestId('need-status')).toHaveText('已解决')
  await expect(page.getByTestId('need-outcome')).toContainText('每周二、五送餐上门')
})

test('a survey answered signed out: a missing answer first, then thanks', async ({ browser }) => {
  const admin = await withScript(browser, '13900000005')
  const href = await createSurvey(admin, `无脚本调查-${stamp}`)

  const page = await noScript(browser)
  await page.goto(href)
  const f = page.getByTestId('survey-public-form')
  await f.getByLabel('5 分').first().check({ force: true })
  await f.getByRole('button', { name: '提交' }).click()
  await expect(page.getByTestId('survey-public-form').getByRole('alert').first()).toBeVisible()
  // the answer given is still ticked
  await expect(page.getByTestId('survey-public-form').getByRole('group').nth(0).getByLabel('5 分')).toBeChecked()
  const group = (n: number) => page.getByTestId('survey-public-form').getByRole('group').nth(n)
  await group(1).getByLabel('4 分').check({ force: true })
  await group(2).getByLabel('5 分').check({ force: true })
  await group(3).getByLabel('微信群').check()
  await page.getByTestId('survey-public-form').getByRole('button', { name: '提交' }).click()
  await expect(page.getByTestId('survey-thanks')).toBeVisible()
})

test('a list sorts, pages and searches by links and its GET form: the sort survives a search', async ({ browser }) => {
  const page = await noScript(browser, '13900000005')
  await page.goto('/needs')
  const people = async () => (await page.getByTestId('needs-list').locator('.data-meta').allTextContents()).map((m) => Number(/(\d+) 人/.exec(m)?.[1]))
  const sortBar = page.getByRole('navigation', { name: '排序' })
  await expect(sortBar.getByRole('link', { name: /登记时间/ })).toHaveAttribute('aria-current', 'true') // the default order
  await sortBar.getByRole('link', { name: '涉及人数' }).click()
  await expect(page).toHaveURL(/sort=people&dir=desc/)
  await expect(sortBar.getByRole('link', { name: /涉及人数/ })).toHaveAttribute('aria-current', 'true')
  const desc = await people()
  expect(desc.length).toBeGreaterThan(1)
  expect(desc).toEqual([...desc].sort((a, b) => b - a))
  // the current sort's link turns it round
  await sortBar.getByRole('link', { name: /涉及人数/ }).click()
  await expect(page).toHaveURL(/sort=people&dir=asc/)
  const asc = await people()
  expect(asc).toEqual([...asc].sort((a, b) => a - b))
  // a search keeps the order it was given
  await page.getByRole('searchbox', { name: '关键词' }).fill('老人')
  await page.getByRole('button', { name: '筛选' }).click()
  await expect(page).toHaveURL(/q=%E8%80%81%E4%BA%BA/)
  await expect(page).toHaveURL(/sort=people/)
  await expect(page).toHaveURL(/dir=asc/)
  await page.context().close()
})
