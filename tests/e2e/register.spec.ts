import { expect, test } from './fixtures'

test('a volunteer self-registers, lands on their home, and can sign in again', async ({ page }) => {
  const phone = `186${String(Date.now()).slice(-8)}`
  await page.goto('/login')
  await page.getByRole('link', { name: '志愿者注册' }).click()
  await expect(page).toHaveURL(/\/register$/)

  // bad input: field-level errors, nothing typed is lost
  await page.getByLabel('手机号').fill('12345')
  await page.getByLabel('姓名').fill('新志愿者')
  await page.getByLabel('密码', { exact: true }).fill('short')
  await page.getByLabel('确认密码').fill('other')
  await page.getByRole('button', { name: '注册并登录' }).click()
  await expect(page.getByText('请输入 11 位中国大陆手机号')).toBeVisible()
  await expect(page.getByText('密码至少 8 位')).toBeVisible()
  await expect(page.getByText('请从列表中选择所在社区')).toBeVisible()
  await expect(page.getByLabel('姓名')).toHaveValue('新志愿者')

  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码', { exact: true }).fill('Volunteer2026')
  await page.getByLabel('确认密码').fill('Volunteer2026')
  await page.getByLabel('所在社区').fill('小街')
  await page.getByRole('option', { name: /小街社区/ }).first().click()
  await expect(page.getByTestId('community-chosen')).toContainText('小街社区')
  await page.getByRole('button', { name: '注册并登录' }).click()

  await page.waitForURL((u) => u.pathname === '/')
  await expect(page.getByTestId('volunteer-greeting')).toContainText('新志愿者')
  await expect(page.getByTestId('volunteer-community')).toHaveText('小街社区')

  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL(/\/login/)
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible()
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码').fill('Volunteer2026')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByTestId('volunteer-community')).toHaveText('小街社区')

  // the same phone cannot register twice
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL(/\/login/)
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible()
  await page.goto('/register')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('姓名').fill('重复')
  await page.getByLabel('密码', { exact: true }).fill('Volunteer2026')
  await page.getByLabel('确认密码').fill('Volunteer2026')
  await page.getByLabel('所在社区').fill('小街')
  await page.getByRole('option', { name: /小街社区/ }).first().click()
  await page.getByRole('button', { name: '注册并登录' }).click()
  await expect(page.getByText('该手机号已注册，请直接登录')).toBeVisible()
})

test('the community picker is a combobox: type, arrow keys, Enter, Escape', async ({ page }) => {
  await page.goto('/register')
  const box = page.getByRole('combobox', { name: '所在社区' })
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await box.focus()
  await page.keyboard.type('小街')
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  const options = page.getByRole('listbox').getByRole('option')
  await expect(options.first()).toContainText('小街社区')
  await page.keyboard.press('Escape')
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('ArrowDown') // opens the list again
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  await expect.poll(async () => (await box.getAttribute('aria-activedescendant')) !== null || (await options.first().getAttribute('data-highlighted')) !== null).toBe(true)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('community-chosen')).toContainText('小街社区')
  await expect(box).toHaveValue('小街社区')
  await expect(box).toBeFocused()
})

test('words typed before the combobox arrives open its list as soon as it does', async ({ page }) => {
  // hold back the combobox's chunk (the one that fetches /api/communities) until something is typed
  let release!: () => void
  const typed = new Promise<void>((r) => (release = r))
  let held = false
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const res = await route.fetch()
    const body = await res.text()
    if (body.includes('/api/communities')) {
      held = true
      await typed
    }
    await route.fulfill({ response: res, body })
  })
  await page.goto('/register')
  const plain = page.getByRole('searchbox', { name: '所在社区' })
  await plain.fill('小街')
  await expect.poll(() => held).toBe(true) // the combobox's code was on its way while the words were typed
  release()
  const box = page.getByRole('combobox', { name: '所在社区' })
  await expect(box).toHaveValue('小街')
  await expect(box).toBeFocused()
  // no further key: the list is open on the carried words
  await expect(page.getByRole('option', { name: /小街社区/ }).first()).toBeVisible()
  await page.getByRole('option', { name: /小街社区/ }).first().click()
  await expect(page.getByTestId('community-chosen')).toContainText('小街社区')
})
