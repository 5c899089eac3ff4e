import { expect, test } from './fixtures'
import { registerVolunteer, signIn, claimOrderAndCreateTask, toast } from './helpers'

// The core workflow in the browser: record → match → dispatch → claim → task → sign-up (one at phone
// width) → waitlist → check-in/out → resolved with rating.
test('need to resolution, across five roles', async ({ browser }) => {
  test.setTimeout(180_000)
  const title = `助老送餐-${Date.now() % 100000}`
  const open = async (opts: Parameters<typeof browser.newContext>[0] = {}) => (await browser.newContext(opts)).newPage()

  // 1. the community party secretary records a need, matches a resource and dispatches to 党旗红
  const admin = await open()
  await signIn(admin, '13900000005')
  await admin.getByRole('link', { name: '需求清单' }).click()
  await admin.getByRole('link', { name: '登记需求' }).click()
  await admin.getByRole('button', { name: '提交' }).click()
  await expect(admin.getByText('请输入标题')).toBeVisible() // nothing written on bad input
  await admin.getByLabel('标题').fill(title)
  await admin.getByLabel('描述').fill('两位行动不便的老人需要每日午餐送餐上门')
  await admin.getByLabel('类别').selectOption({ label: '养老助老' })
  await admin.getByLabel('服务对象').selectOption({ label: '老年人' })
  await admin.getByLabel('来源').selectOption({ label: '入户走访' })
  await admin.getByLabel('涉及人数').fill('2')
  await admin.getByLabel('居民电话').fill('13847500001')
  await admin.getByRole('button', { name: '提交' }).click()
  await expect(admin.getByTestId('need-title')).toHaveText(title)
  await expect(admin.getByTestId('need-status')).toHaveText('待匹配')
  await admin.getByLabel(/小街便民理发店/).check()
  await admin.getByRole('button', { name: '生成服务项目' }).click()
  await expect(admin.getByTestId('service-title')).toHaveText(title)
  await admin.getByLabel('接单队伍').selectOption({ label: '党旗红志愿服务队' })
  await admin.getByRole('button', { name: '派单' }).click()
  await expect(admin.getByTestId('order-status')).toHaveText('待接单')

  // 2. the team leader sees the message, claims and creates a one-slot task
  const leader = await open()
  await signIn(leader, '13900000008')
  await expect(leader.getByTestId('unread')).toBeVisible()
  await claimOrderAndCreateTask(leader, title)
  const code = ((await leader.getByTestId('checkin-code').textContent()) ?? '').replace(/\D/g, '')
  expect(code).toMatch(/^\d{6}$/)
  // the leader shows the code to the room: a dialog (focus inside), Escape closes it, focus is back on the button
  const show = leader.getByRole('button', { name: '出示签到码' })
  await show.click()
  const dialog = leader.getByRole('dialog')
  await expect(dialog.getByTestId('code-big')).toHaveText(code)
  await expect(dialog.getByRole('button', { name: '关闭' })).toBeVisible()
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)
  await leader.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(show).toBeFocused()

  // 3. a volunteer on a phone signs up and takes the only slot
  const phone = await open({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })
  await signIn(phone, '13900000009')
  const card = phone.getByTestId('task-card').filter({ hasText: title })
  await card.getByRole('button', { name: '报名' }).click()
  await expect(toast(card, '报名成功')).toBeVisible()
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // 4. a second volunteer (just registered) finds it full and is waitlisted
  const second = await open()
  await registerVolunteer(second, `185${String(Date.now()).slice(-8)}`, '候补志愿者')
  await second.goto('/tasks')
  const card2 = second.getByTestId('task-card').filter({ hasText: title })
  await expect(card2.getByTestId('slots-left')).toHaveText('名额已满，可报名候补')
  await card2.getByRole('button', { name: '报名' }).click()
  await expect(toast(card2, '名额已满，已加入候补，有人取消时自动递补')).toBeVisible()

  // 5. the first volunteer checks in with the code; the leader checks her out
  await card.getByRole('link', { name: title }).click()
  await phone.getByLabel('签到码').fill(code)
  await phone.getByRole('button', { name: '签到' }).click()
  await expect(phone.getByTestId('my-signup')).toContainText('已签到')
  await leader.reload()
  const roster = leader.getByTestId('roster').getByRole('listitem').filter({ hasText: '赵丽娜' })
  await roster.getByRole('button', { name: '签退' }).click()
  await expect(roster).toContainText('已签退，服务')
  await expect(leader.getByTestId('roster')).toContainText('候补中')

  // 6. the social worker records the outcome and the beneficiary's rating
  const worker = await open()
  await signIn(worker, '13900000006')
  await worker.goto('/needs?q=' + encodeURIComponent(title))
  await worker.getByRole('link', { name: title }).click()
  await expect(worker.getByTestId('need-status')).toHaveText('服务中')
  await worker.getByLabel('解决情况').fill('已连续送餐一周，老人用餐正常')
  await worker.getByLabel('满意度（1–5）').selectOption('5')
  await worker.getByRole('button', { name: '标记为已解决' }).click()
  await expect(worker.getByTestId('need-status')).toHaveText('已解决')
  await expect(worker.getByTestId('need-outcome')).toContainText('5 / 5')
  await expect(worker.getByTestId('need-outcome')).toContainText('1 人次')
  await expect(worker.getByTestId('history')).toContainText('服务中 → 已解决')

  // officials see it across their subtree, resident phone masked
  const county = await open()
  await signIn(county, '13900000004')
  await county.goto('/needs?q=' + encodeURIComponent(title))
  await county.getByRole('link', { name: title }).click()
  await expect(county.getByText('138****0001')).toBeVisible()
  await expect(county.getByRole('button', { name: '标记为已解决' })).toHaveCount(0)
})
