import { expect, test } from './fixtures'
import { registerVolunteer, signIn, claimOrderAndCreateTask, toast } from './helpers'

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** A valid GB 11643 number for a woman born 1996-05-04 (sequence even). */
function idNumber(seq: number): string {
  const body = `15050219960504${String(seq).padStart(3, '0')}`
  const sum = W.reduce((a, w, i) => a + w * Number(body[i]), 0)
  return body + '10X98765432'[sum % 11]
}

// Issue 5's journey: a volunteer registers on a phone and fills her profile (the ID number checked,
// then masked everywhere), asks to join 党旗红 and the leader approves, completes a dispatched task,
// sees her hours and star (after the community records a signed correction for past offline service),
// and exchanges points for an item.
test('a volunteer registers, joins a team, completes a task, sees hours and stars, and exchanges points', async ({ browser }) => {
  test.setTimeout(240_000)
  const stamp = String(Date.now()).slice(-8)
  const phone = `186${stamp}`
  const title = `陪同就医-${stamp.slice(-5)}`
  const id = idNumber(Number(stamp.slice(-3)) & ~1)
  const open = async (opts: Parameters<typeof browser.newContext>[0] = {}) => (await browser.newContext(opts)).newPage()

  // 1. she registers on her phone and fills her profile; a wrong check digit is refused, field by field
  const v = await open({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })
  await registerVolunteer(v, phone, '苏日娜')
  await v.goto('/profile')
  const form = v.getByTestId('profile-form')
  await form.getByLabel('身份证号').fill(id.slice(0, 17) + (id[17] === '0' ? '1' : '0'))
  await form.getByLabel('志愿者类别').selectOption({ label: '青年志愿者' })
  await form.getByLabel('心理疏导').check()
  await form.getByLabel('周末').check()
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.getByText('身份证号校验位不正确，请核对')).toBeVisible()
  await form.getByLabel('身份证号').fill(id)
  await form.getByRole('button', { name: '保存' }).click()
  await expect(toast(form, '档案已保存')).toBeVisible()
  await v.reload()
  await expect(v.getByText(`已登记：1505**********${id.slice(-4)}`)).toBeVisible()
  expect(await v.content()).not.toContain(id)

  // 2. she asks to join 党旗红; the leader approves
  await v.goto('/teams')
  const red = v.getByTestId('teams').getByRole('listitem').filter({ hasText: '党旗红志愿服务队' })
  await red.getByRole('button', { name: '申请加入' }).click()
  await expect(red.getByText('已申请，等待队长审核')).toBeVisible()
  const leader = await open()
  await signIn(leader, '13900000008')
  await leader.goto('/teams')
  await leader.getByRole('link', { name: '党旗红志愿服务队' }).click()
  await leader.getByTestId('join-requests').getByRole('listitem').filter({ hasText: '苏日娜' }).getByRole('button', { name: '同意' }).click()
  const member = leader.getByTestId('member-list').getByRole('link', { name: '苏日娜' })
  await expect(member).toBeVisible()
  // the leader sees her profile, masked
  await member.click()
  await expect(leader.getByTestId('volunteer-profile')).toContainText(`1505**********${id.slice(-4)}`)
  await expect(leader.getByTestId('volunteer-profile')).toContainText('心理疏导')
  expect(await leader.content()).not.toContain(id)

  // 3. the community dispatches a task to 党旗红; the leader claims it and opens one slot
  const admin = await open()
  await signIn(admin, '13900000005')
  await admin.goto('/needs/new')
  await admin.getByLabel('标题').fill(title)
  await admin.getByLabel('描述').fill('独居老人下周复诊，需要志愿者陪同前往医院')
  await admin.getByLabel('类别').selectOption({ label: '养老助老' })
  await admin.getByLabel('服务对象').selectOption({ label: '老年人' })
  await admin.getByLabel('来源').selectOption({ label: '入户走访' })
  await admin.getByLabel('涉及人数').fill('1')
  await admin.getByRole('button', { name: '提交' }).click()
  await expect(admin.getByTestId('need-title')).toHaveText(title)
  await admin.getByLabel(/小街便民理发店/).check()
  await admin.getByRole('button', { name: '生成服务项目' }).click()
  await admin.getByLabel('接单队伍').selectOption({ label: '党旗红志愿服务队' })
  await admin.getByRole('button', { name: '派单' }).click()
  await expect(admin.getByTestId('order-status')).toHaveText('待接单')
  await claimOrderAndCreateTask(leader, title, '科尔沁区医院')
  const code = ((await leader.getByTestId('checkin-code').textContent()) ?? '').replace(/\D/g, '')

  // 4. she signs up and checks in with the code; the leader checks her out
  await v.goto('/tasks')
  const card = v.getByTestId('task-card').filter({ hasText: title })
  await card.getByRole('button', { name: '报名' }).click()
  await expect(toast(card, '报名成功')).toBeVisible()
  await card.getByRole('link', { name: title }).click()
  await v.getByLabel('签到码').fill(code)
  await v.getByRole('button', { name: '签到' }).click()
  await expect(v.getByTestId('my-signup')).toContainText('已签到')
  await leader.reload()
  const roster = leader.getByTestId('roster').getByRole('listitem').filter({ hasText: '苏日娜' })
  await roster.getByRole('button', { name: '签退' }).click()
  await expect(roster).toContainText('已签退，服务')

  // 5. the community records 100 hours of past offline service (a signed correction) and awards points
  await admin.goto('/rewards')
  const hours = admin.getByTestId('hours-form')
  await hours.getByLabel('志愿者手机号').fill(phone)
  await hours.getByLabel('更正时长（小时）').fill('100')
  await hours.getByLabel('原因').fill('补录 2025 年线下助老服务')
  await hours.getByRole('button', { name: '记录更正' }).click()
  await admin.getByRole('alertdialog').getByTestId('confirm-yes').click()
  await expect(toast(hours, '已记录更正')).toBeVisible()
  const award = admin.getByTestId('award-form')
  await award.getByLabel('志愿者手机号').fill(phone)
  await award.getByLabel('积分').fill('40')
  await award.getByLabel('原因').fill('陪同就医')
  await award.getByRole('button', { name: '奖励积分' }).click()
  await expect(toast(award, '已保存')).toBeVisible()

  // 6. she sees her hours (the task and the correction) and her first star, then exchanges points
  await v.goto('/points')
  // the task starts 20 minutes after it was made: the check-out before its start credits nothing, so 100 h from the correction
  await expect(v.getByTestId('hours')).toHaveText(/^100(\.\d)?$/)
  await expect(v.getByTestId('stars')).toHaveText('★')
  // the correction feeds the running total the points follow (100 h × 10 points/h) beside the 40 awarded
  await expect(v.getByTestId('balance')).toHaveText('1040')
  const towel = v.getByTestId('reward').filter({ hasText: '毛巾一条' })
  await towel.getByRole('button', { name: '兑换' }).click()
  await v.getByRole('alertdialog').getByTestId('confirm-yes').click()
  await expect(toast(towel, '兑换成功')).toBeVisible()
  await expect(v.getByTestId('balance')).toHaveText('1010')
  await expect(v.getByTestId('ledger')).toContainText('兑换 · 毛巾一条')
  await expect(v.getByTestId('my-corrections')).toContainText('补录 2025 年线下助老服务')
  expect(await v.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // 7. the community admin finds her in the roster by skill, masked
  await admin.goto('/volunteers?skill=PSYCHOLOGY')
  const entry = admin.getByTestId('volunteers-list').getByRole('listitem').filter({ hasText: '苏日娜' })
  await expect(entry).toContainText(`186****${phone.slice(-4)}`)
  await expect(entry).toContainText(`1505**********${id.slice(-4)}`)
  await expect(entry).toContainText('★')

  // 8. and issues her hours certificate, with the community's name and her hours
  await entry.getByRole('link', { name: '苏日娜' }).click()
  await expect(admin.getByTestId('volunteer-corrections')).toContainText('补录 2025 年线下助老服务')
  await admin.getByRole('button', { name: '开具服务时长证明' }).click()
  await admin.waitForURL(/\/certificates\/[0-9a-f-]{36}$/)
  await expect(admin.getByTestId('certificate')).toContainText('小街社区')
  await expect(admin.getByTestId('holder')).toHaveText('苏日娜')
  await expect(admin.getByTestId('total')).toHaveText(/^100(\.\d)?$/)
})
