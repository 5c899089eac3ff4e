import { expect, test } from './fixtures'
import { signIn } from './helpers'

// A venue is booked; the same slot booked again is refused with a clear message.
test('venue booking: a clash is refused with a clear message', async ({ browser }) => {
  const name = `社工站活动室-${Date.now() % 10000}`
  const day = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10)
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, '13900000005')
  await admin.getByRole('link', { name: '阵地共享' }).click()
  const form = admin.getByTestId('venue-form')
  await form.getByLabel('场地名称').fill(name)
  await form.getByLabel('容量/数量').fill('30')
  await form.getByRole('button', { name: '新增场地' }).click()
  await admin.getByRole('link', { name }).click()
  const book = admin.getByTestId('booking-form')
  await book.getByLabel('开始日期').fill(day)
  await book.getByLabel('用途').fill('四点半课堂')
  await book.getByRole('button', { name: '预约时段' }).click()
  await expect(admin).toHaveURL(new RegExp(`week=${day}`))
  await expect(admin.getByTestId('week')).toContainText('14:00–16:00')

  const worker = await (await browser.newContext()).newPage()
  await signIn(worker, '13900000006')
  await worker.goto(admin.url())
  const again = worker.getByTestId('booking-form')
  await again.getByLabel('开始日期').fill(day)
  await again.getByLabel('开始时间').fill('15:00')
  await again.getByLabel('结束时间').fill('17:00')
  await again.getByLabel('用途').fill('小组活动')
  await again.getByRole('button', { name: '预约时段' }).click()
  await expect(again.getByText('该时段已被预约，请选择其他时间').first()).toBeVisible()
})
