import { expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'Ronghe@2026'

export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((u) => u.pathname === '/')
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
  await page.getByRole('button', { name: /小街社区/ }).first().click()
  await page.getByRole('button', { name: '注册并登录' }).click()
  await page.waitForURL((u) => u.pathname === '/')
}

/** A team leader (signed in on `page`) claims the order for `title` in 派单接单 and makes a one-slot task of it. */
export async function claimOrderAndCreateTask(page: Page, title: string, place = '小街社区党群服务中心') {
  await page.goto('/orders')
  const row = page.getByTestId('orders-list').getByRole('listitem').filter({ hasText: title })
  await row.getByRole('button', { name: '接单' }).click()
  await expect(row.getByText('已接单')).toBeVisible()
  await row.getByRole('link', { name: title }).click()
  await page.getByLabel('地点').fill(place)
  await page.getByLabel('名额').fill('1')
  await page.getByRole('button', { name: '新建' }).click()
  await expect(page.getByTestId('task-title')).toHaveText(title)
}
