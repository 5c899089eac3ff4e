import { expect, test, type Browser, type Page } from './fixtures'
import ExcelJS from 'exceljs'
import { DEMO_PASSWORD, registerVolunteer, signIn, toast } from './helpers'

// Abuse limits, sessions that end, and the audit trail, as the users meet them.

async function newSignedIn(browser: Browser, phone: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await signIn(page, phone, password)
  return page
}

/** Is this page's session over? (the next request lands on the sign-in page) */
async function signedOut(page: Page) {
  await page.goto('/account')
  return new URL(page.url()).pathname === '/login'
}

test('sign-in: too many attempts for one phone get a clear Chinese message; five wrong passwords lock the account', async ({ page, request }) => {
  // a phone number nobody has: the limit counts attempts, whoever they are for
  const phone = '13812340000'
  for (let i = 0; i < 30; i++) {
    const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }
    const res = await request.post('/api/auth/callback/credentials', { form: { csrfToken: csrf.csrfToken, phone, password: 'wrong-password', json: 'true' }, maxRedirects: 0 })
    expect(res.status()).toBeLessThan(500)
  }
  await page.goto('/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码').fill('wrong-password')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByText(/^登录尝试过于频繁，请 ([1-9]|1[0-5]) 分钟后再试。$/)).toBeVisible()

  // the account lock: a real account, five wrong passwords
  const victim = '13812340001'
  await registerVolunteer(page, victim, '锁定测试')
  await page.context().clearCookies()
  await page.goto('/login')
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('手机号').fill(victim)
    await page.getByLabel('密码').fill(`wrong-${i}-password`)
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await expect(page.getByTestId('sign-in-form').getByRole('alert')).toBeVisible()
  }
  await expect(page.getByText(/^密码连续输错 5 次，账号已锁定，请 1[45] 分钟后再试。$/)).toBeVisible()
  // even the right password waits out the lock
  await page.getByLabel('密码').fill('Volunteer2026')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByText(/^密码连续输错 5 次，账号已锁定，请 1[45] 分钟后再试。$/)).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/login')
})

test('a password change ends every other session of the account; the old password stops working', async ({ page, browser }) => {
  const phone = '13812340002'
  await registerVolunteer(page, phone, '改密志愿者')
  const other = await newSignedIn(browser, phone, 'Volunteer2026') // the same person on another phone
  expect(await signedOut(other)).toBe(false)

  await page.goto('/account')
  const form = page.getByTestId('password-form')
  // field-level errors, nothing changed
  await form.getByLabel('当前密码').fill('not-my-password')
  await form.getByLabel('新密码', { exact: true }).fill('password123')
  await form.getByLabel('确认新密码').fill('password123')
  await form.getByRole('button', { name: '修改密码' }).click()
  await expect(form.getByText('这个密码太常见，很容易被猜到，请换一个')).toBeVisible()
  await form.getByLabel('新密码', { exact: true }).fill('Grassland-Horse-2026')
  await form.getByLabel('确认新密码').fill('Grassland-Horse-2026')
  await form.getByRole('button', { name: '修改密码' }).click()
  await expect(form.getByText('当前密码不正确')).toBeVisible()
  expect(await signedOut(other)).toBe(false)

  await page.goto('/account')
  await form.getByLabel('当前密码').fill('Volunteer2026')
  await form.getByLabel('新密码', { exact: true }).fill('Grassland-Horse-2026')
  await form.getByLabel('确认新密码').fill('Grassland-Horse-2026')
  await form.getByRole('button', { name: '修改密码' }).click()
  await expect(toast(page, '密码已修改，您在其他设备上的登录已全部退出。')).toBeVisible()

  expect(await signedOut(other)).toBe(true) // the other session is over
  expect(await signedOut(page)).toBe(false) // this one goes on
  await other.context().close()

  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码').fill('Volunteer2026')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByText('手机号或密码错误。')).toBeVisible()
  await signIn(page, phone, 'Grassland-Horse-2026')
})

test('a volunteer whose account the community disables is signed out at once; the region official finds it all in the audit log', async ({ page, browser }) => {
  const phone = '13812340003'
  const name = '停用志愿者'
  await registerVolunteer(page, phone, name)
  expect(await signedOut(page)).toBe(false)

  const admin = await newSignedIn(browser, '13900000005', DEMO_PASSWORD) // 小街社区 党组织书记
  await admin.goto(`/volunteers?q=${encodeURIComponent(name)}`)
  await admin.getByTestId('volunteers-list').getByRole('link', { name }).click()
  const account = admin.getByTestId('volunteer-account')
  await expect(account.getByTestId('account-state')).toHaveText('正常')
  await account.getByRole('button', { name: '停用账号' }).click()
  await admin.getByRole('alertdialog').getByTestId('confirm-yes').click()
  await expect(toast(admin, '账号已停用，其登录已全部退出。')).toBeVisible()
  await expect(account.getByTestId('account-state')).toHaveText('已停用')
  await admin.context().close()

  expect(await signedOut(page)).toBe(true)
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码').fill('Volunteer2026')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByText('手机号或密码错误。')).toBeVisible()

  // the audit trail: a volunteer cannot open it (and the 404 is recorded, with the path) …
  await signIn(page, '13900000009')
  const res = await page.goto('/audit')
  expect(res?.status()).toBe(404)
  await page.context().clearCookies()
  // … the region official searches it
  await signIn(page, '13900000001')
  await page.goto(`/audit?q=${encodeURIComponent('刘秀英')}`)
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible()
  const rows = page.getByTestId('audit-row')
  await expect(rows.filter({ hasText: 'volunteers.setActive' }).first()).toContainText('成功')
  // her sign-ins, with her unit (the e2e helpers reuse a demo account's session, so her last sign-in may be
  // more than a page of entries ago: the action filter finds it)
  await page.goto(`/audit?q=${encodeURIComponent('刘秀英')}&action=auth`)
  await expect(rows.filter({ hasText: 'auth.signIn' }).first()).toContainText('小街社区')
  await page.goto('/audit?result=failed')
  await expect(rows.filter({ hasText: '138****0003' }).first()).toContainText('auth.signIn')
  await page.goto(`/audit?q=${encodeURIComponent('赵丽娜')}&result=denied`)
  await expect(rows.filter({ hasText: 'page.notFound' }).first()).toContainText('/audit')
  await page.goto('/audit?action=export')
  await expect(page.getByTestId('audit-total')).toBeVisible()
})

test('user text is shown as text: markup is refused field by field, quotes and symbols come back exactly', async ({ page }) => {
  await signIn(page, '13900000006') // 小街社区 社工
  await page.goto('/needs/new')
  const literal = `Tom & "Jerry's" 100% ™ 😀 ${Date.now() % 10000}`
  const form = page.getByTestId('need-form')
  for (const name of ['categoryId', 'targetGroup', 'source']) await form.locator(`select[name=${name}]`).selectOption({ index: 1 })
  await form.getByLabel('标题').fill('<img src=x onerror=alert(1)>')
  await form.getByLabel('描述').fill(literal)
  await form.getByRole('button', { name: '提交' }).click()
  await expect(form.getByText('不能包含 < 或 > 等标记字符')).toBeVisible()
  await expect(form.getByLabel('描述')).toHaveValue(literal) // nothing typed is lost

  await form.getByLabel('标题').fill(literal)
  await form.getByRole('button', { name: '提交' }).click()
  await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { name: literal })).toBeVisible()
  await page.goto(`/needs?q=${encodeURIComponent(literal.slice(0, 9))}`)
  await expect(page.getByText(literal).first()).toBeVisible()
  // and in the .xlsx export: a text cell holding exactly what was typed
  const res = await page.request.get(`/api/needs/export?q=${encodeURIComponent(literal.slice(0, 9))}`)
  expect(res.status()).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer)
  const cells: unknown[] = []
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(c.value)))
  expect(cells).toContain(literal)
})
