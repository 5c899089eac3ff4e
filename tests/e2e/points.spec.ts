import { expect, test } from './fixtures'
import { signIn, toast } from './helpers'

// The community admin stocks a reward and awards points; a volunteer on a phone exchanges them.
test('points: award, then exchange on a phone; the ledger shows both', async ({ browser }) => {
  const item = `洗衣粉一袋+衣架-${Date.now() % 10000}`
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, '13900000005')
  await admin.getByRole('link', { name: '积分兑换管理' }).click()
  const form = admin.getByTestId('reward-form')
  await form.getByLabel('物品名称').fill(item)
  await form.getByLabel('所需积分').fill('50')
  await form.getByLabel('库存').fill('2')
  await form.getByRole('button', { name: '新增兑换物品' }).click()
  await expect(admin.getByTestId('rewards')).toContainText(item)
  // the answer is a toast, and it can be closed (the award's answer below is worded the same)
  await expect(toast(admin, '已保存')).toBeVisible()
  await toast(admin, '已保存').hover() // a toast's close button is offered once the toasts are expanded
  await toast(admin, '已保存').getByRole('button', { name: '关闭' }).click()
  await expect(toast(admin, '已保存')).toHaveCount(0)
  const award = admin.getByTestId('award-form')
  await award.getByLabel('志愿者手机号').fill('13900000009')
  await award.getByLabel('积分').fill('60')
  await award.getByLabel('原因').fill('垃圾分类宣传')
  await award.getByRole('button', { name: '奖励积分' }).click()
  await expect(toast(award, '已保存')).toBeVisible()

  const phone = await (await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })).newPage()
  await signIn(phone, '13900000009')
  await phone.goto('/points')
  const before = Number(await phone.getByTestId('balance').textContent())
  expect(before).toBeGreaterThanOrEqual(60)
  await phone.getByTestId('reward').filter({ hasText: item }).getByRole('button', { name: '兑换' }).click()
  await phone.getByRole('alertdialog').getByTestId('confirm-yes').click()
  await expect(toast(phone.getByTestId('reward').filter({ hasText: item }), '兑换成功')).toBeVisible()
  await expect(phone.getByTestId('balance')).toHaveText(String(before - 50))
  await expect(phone.getByTestId('ledger')).toContainText(`兑换 · ${item}`)
  await expect(phone.getByTestId('ledger')).toContainText('奖励 · 垃圾分类宣传')
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
})
