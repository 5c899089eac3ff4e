import { expect, test } from './fixtures'
import { registerVolunteer, signIn } from './helpers'

// A volunteer registers, asks to join a team; the community admin approves; the volunteer is a member.
test('a new volunteer joins a team after approval', async ({ browser }) => {
  const phone = `187${String(Date.now()).slice(-8)}`
  const v = await (await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })).newPage()
  await registerVolunteer(v, phone, '入队志愿者')
  await v.goto('/teams')
  const green = v.getByTestId('teams').getByRole('listitem').filter({ hasText: '风尚绿志愿服务队' })
  await green.getByRole('button', { name: '申请加入' }).click()
  await expect(green.getByText('已申请，等待队长审核')).toBeVisible()

  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, '13900000005')
  await admin.goto('/teams')
  await admin.getByRole('link', { name: '风尚绿志愿服务队' }).click()
  const req = admin.getByTestId('join-requests')
  await expect(req).toContainText('入队志愿者')
  await req.getByRole('button', { name: '同意' }).click()
  await expect(admin.getByTestId('member-list')).toContainText('入队志愿者')

  await v.reload()
  await expect(v.getByTestId('teams').getByRole('listitem').filter({ hasText: '风尚绿志愿服务队' }).getByText('已加入')).toBeVisible()
})
