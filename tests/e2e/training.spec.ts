import { expect, test, type Page } from './fixtures'
import { signIn } from './helpers'

const hoursOf = async (page: Page) => {
  await page.goto('/talent/me')
  return Number(await page.getByTestId('ce-hours').textContent())
}

// The community admin holds a training at 小街社区 and records 张晓燕's attendance; her continuing-education
// hours for this year grow by the event's hours on her own page.
test('training attendance credits the social worker with CE hours this year', async ({ browser }) => {
  const worker = await (await browser.newContext()).newPage()
  await signIn(worker, '13900000006')
  const before = await hoursOf(worker)
  expect(Number.isFinite(before)).toBe(true)

  const title = `社区实务经验交流-${Date.now() % 10000}`
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, '13900000005')
  await admin.getByRole('link', { name: '实务培训' }).click()
  await admin.getByRole('link', { name: '新建培训' }).click()
  const form = admin.getByTestId('training-form')
  await form.getByLabel('培训主题').fill(title)
  await form.getByLabel('形式').selectOption({ label: '经验交流' })
  await form.getByLabel('学时').fill('2.5')
  await form.getByRole('button', { name: '提交' }).click()
  await admin.waitForURL(/\/training\/[0-9a-f-]{36}$/)
  await expect(admin.getByTestId('training-title')).toHaveText(title)
  await expect(admin.getByTestId('training-hours')).toHaveText('2.5 学时')

  const attendance = admin.getByTestId('attendance-form')
  await attendance.getByLabel('张晓燕').check()
  await attendance.getByRole('button', { name: '记录出勤' }).click()
  await expect(admin.getByTestId('attendees')).toContainText('张晓燕')

  expect(await hoursOf(worker)).toBeCloseTo(before + 2.5, 5)
  await expect(worker.getByTestId('trainings')).toContainText(title)
})
