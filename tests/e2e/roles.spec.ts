import { expect, test } from './fixtures'
import { signIn, toast } from './helpers'

// Each demo role signs in and lands on the home of its level.
const OFFICIALS = [
  { phone: '13900000001', who: '自治区 调度指导', unit: '内蒙古自治区', children: '通辽市' },
  { phone: '13900000002', who: '通辽市 协调', unit: '通辽市', children: '科尔沁区' },
  { phone: '13900000004', who: '科尔沁区 牵头', unit: '科尔沁区', children: '小街社区' },
  { phone: '13900000101', who: '甘肃省 调度指导', unit: '甘肃省', children: '金昌市' },
]
const COMMUNITY_STAFF = [
  { phone: '13900000005', who: '社区党组织书记' },
  { phone: '13900000006', who: '专业社工' },
  { phone: '13900000007', who: '社会组织' },
]
const VOLUNTEERS = [
  { phone: '13900000008', who: '志愿服务队队长', name: '王建国' },
  { phone: '13900000009', who: '志愿者', name: '赵丽娜' },
]

for (const o of OFFICIALS) {
  test(`${o.who}: sees their unit and its child units`, async ({ page }) => {
    await signIn(page, o.phone)
    await expect(page.getByTestId('unit-name')).toHaveText(o.unit)
    await expect(page.getByTestId('child-row').getByRole('link', { name: o.children, exact: true })).toBeVisible()
    await expect(page.getByRole('link', { name: '单位查询' })).toBeVisible()
  })
}

for (const s of COMMUNITY_STAFF) {
  test(`小街社区 ${s.who}: sees their community with its pilot designation`, async ({ page }) => {
    await signIn(page, s.phone)
    await expect(page.getByTestId('unit-name')).toHaveText('小街社区')
    await expect(page.getByText('试点信息')).toBeVisible()
    await expect(page.getByText('团结街道')).toBeVisible()
  })
}

for (const v of VOLUNTEERS) {
  test(`${v.who}: gets the phone home of their community, without drill-down`, async ({ page }) => {
    await signIn(page, v.phone)
    await expect(page.getByTestId('volunteer-greeting')).toContainText(v.name)
    await expect(page.getByTestId('volunteer-community')).toHaveText('小街社区')
    await expect(page.getByRole('link', { name: '单位查询' })).toHaveCount(0)
    const res = await page.goto('/units')
    expect(res?.status()).toBe(404)
  })
}

test('drill-down: region → league → banner → community', async ({ page }) => {
  await signIn(page, '13900000001')
  await page.getByTestId('child-row').getByRole('link', { name: '通辽市', exact: true }).click()
  await expect(page.getByTestId('unit-name')).toHaveText('通辽市')
  await page.getByTestId('child-row').getByRole('link', { name: '科尔沁区', exact: true }).click()
  await expect(page.getByTestId('unit-name')).toHaveText('科尔沁区')
  await page.getByPlaceholder('按名称、代码或街道搜索').fill('小街')
  await page.getByRole('button', { name: '搜索' }).click()
  await page.getByTestId('child-row').getByRole('link', { name: '小街社区', exact: true }).click()
  await expect(page.getByTestId('unit-name')).toHaveText('小街社区')
  // breadcrumb back up, within scope
  await expect(page.getByRole('navigation', { name: '所在层级' }).getByRole('link', { name: '内蒙古自治区' })).toBeVisible()
})

test('signed-out visitors are sent to sign in; sign-out ends the session', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/login$/)
  await signIn(page, '13900000004')
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.session-token'))
  expect(cookie).toBeDefined()
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page).toHaveURL(/\/login/)
  await page.waitForURL(/\/login/)
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible()
  await page.goto('/')
  await expect(page).toHaveURL(/\/login$/)
  // the old cookie, replayed, no longer opens anything: the session ended on the server
  await page.context().addCookies([cookie!])
  await page.goto('/')
  await expect(page).toHaveURL(/\/login$/)
})

test('a wrong password gets a clear message', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('手机号').fill('13900000010')
  await page.getByLabel('密码').fill('wrong-password1')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByText('手机号或密码错误。')).toBeVisible()
  await page.getByLabel('手机号').fill('123')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByText('请输入 11 位中国大陆手机号')).toBeVisible()
})

test('a region official designates a pilot, with field errors first, then withdraws it', async ({ page }) => {
  await signIn(page, '13900000001')
  await page.goto('/units?q=' + encodeURIComponent('建工社区'))
  await page.getByTestId('search-row').filter({ hasText: '科尔沁区' }).getByRole('link', { name: '建工社区' }).click()
  await expect(page.getByTestId('unit-name')).toHaveText('建工社区')
  await expect(page.getByRole('heading', { name: '设为试点社区' })).toBeVisible()
  await page.getByLabel('开始日期').fill('2026-06-01')
  await page.getByLabel('结束日期').fill('2026-05-01')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('请输入试点批次')).toBeVisible()
  await expect(page.getByText('结束日期必须晚于开始日期')).toBeVisible()
  await page.getByLabel('试点批次').fill('2026年第二批')
  await page.getByLabel('结束日期').fill('2027-05-31')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(toast(page, '已保存')).toBeVisible()
  await expect(page.getByText('2026-06-01 ~ 2027-05-31')).toBeVisible()
  await page.getByRole('button', { name: '取消试点' }).click()
  await page.getByRole('alertdialog').getByTestId('confirm-yes').click()
  await expect(page.getByRole('heading', { name: '设为试点社区' })).toBeVisible()
  await expect(page.getByText('2026-06-01 ~ 2027-05-31')).toHaveCount(0)
})

test('other roles get no pilot form', async ({ page }) => {
  await signIn(page, '13900000004')
  await page.goto('/units?q=' + encodeURIComponent('小街社区'))
  await page.getByTestId('search-row').getByRole('link', { name: '小街社区', exact: true }).click()
  await expect(page.getByTestId('unit-name')).toHaveText('小街社区')
  await expect(page.getByRole('heading', { name: '试点信息' })).toBeVisible() // the read-only designation
  await expect(page.getByRole('heading', { name: /设为试点社区|修改试点信息/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0)
})

test('the region keeps the category list; community forms offer what it holds', async ({ page }) => {
  await signIn(page, '13900000001')
  await page.getByRole('link', { name: '服务类别' }).click()
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: '新增类别' }) })
  await form.getByLabel('类别名称').fill('法律援助')
  await form.getByRole('button', { name: '新增类别' }).click()
  await expect(page.getByTestId('categories').getByRole('textbox', { name: '类别名称' }).last()).toHaveValue('法律援助')
  await page.context().clearCookies()
  await signIn(page, '13900000005')
  await page.goto('/needs/new')
  await expect(page.getByLabel('类别').locator('option', { hasText: '法律援助' })).toHaveCount(1)
})

test('pilot progress: officials see the four tasks of every pilot; the pilot attaches evidence', async ({ page }) => {
  await signIn(page, '13900000004')
  await page.getByRole('link', { name: '试点进展' }).click()
  await expect(page.getByTestId('pilots-summary')).toContainText('试点')
  const row = page.getByTestId('pilots-list').getByRole('listitem').filter({ hasText: '小街社区' })
  await expect(row.getByTestId('four-tasks')).toBeVisible()
  await page.context().clearCookies()
  await signIn(page, '13900000005')
  await expect(page.getByTestId('pilot-panel')).toContainText('发挥专业社工作用')
  const form = page.getByTestId('evidence-form')
  await form.getByLabel('对应任务').selectOption({ label: '建立“社工+志愿”队伍' })
  await form.getByLabel('标题').fill('小街社区九支队伍名单')
  await form.getByLabel('链接（可选）').fill('https://example.org/xiaojie-teams')
  await form.getByRole('button', { name: '添加佐证材料' }).click()
  await expect(page.getByTestId('evidence')).toContainText('小街社区九支队伍名单')
})
