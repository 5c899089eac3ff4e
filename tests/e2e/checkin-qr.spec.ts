import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import { expect, test } from './fixtures'
import { decodeQr, dispatchedTask, signInByApi, toast } from './helpers'

// Scan to check in (issue 16): the team leader shows the task's QR code; the volunteer's phone camera
// reads it (decoded here from the rendered code, not from the DOM's text); signed out, the volunteer signs
// in and lands back on the check-in page with the token; one tap checks in, one more checks out. A code
// from an earlier slot is refused with a clear message, and so is one of another task.

/** A token of the server's own making for an earlier 10-minute slot (the secret is the e2e server's .env). */
function tokenOfSlot(taskId: string, slot: number): string {
  const env = fs.readFileSync('.env', 'utf8')
  const secret = /^NEXTAUTH_SECRET=(.+)$/m.exec(env)![1].trim()
  const key = createHmac('sha256', secret).update('ronghe:checkin-qr:v1').digest()
  return `m.${slot}.${createHmac('sha256', key).update(`${taskId}|m${slot}`).digest('base64url').slice(0, 22)}`
}

test('the leader shows the QR code; a signed-out volunteer scans it, signs in, lands back and checks in and out in one tap each', async ({ browser }) => {
  test.setTimeout(120_000)
  const title = `扫码签到-${String(Date.now()).slice(-5)}`
  const { admin, leader, taskPath, taskId } = await dispatchedTask(browser, title, '小街社区广场')

  // the volunteer signs up on her phone
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })
  await signInByApi(phone, '13900000009')
  const v = await phone.newPage()
  await v.goto(taskPath)
  await v.getByRole('button', { name: '报名' }).click()
  await expect(toast(v, '报名成功')).toBeVisible()

  // the leader opens 出示签到码: the QR code, the 6-digit code, the poster
  await leader.getByRole('button', { name: '出示签到码' }).click()
  const qr = leader.getByRole('dialog').getByTestId('checkin-qr')
  await expect(qr).toBeVisible()
  const url = await decodeQr(qr)
  expect(url).toMatch(new RegExp(`/tasks/${taskId}/check\\?t=m\\.\\d+\\.[A-Za-z0-9_-]{22}$`))

  // a phone that is signed out: the sign-in comes first, then the check-in page with the token
  const stranger = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })
  const s = await stranger.newPage()
  await s.goto(url)
  await expect(s).toHaveURL(/\/login\?next=/)
  await s.getByLabel('手机号').fill('13900000009')
  await s.getByLabel('密码').fill('Ronghe@2026')
  await s.getByRole('button', { name: '登录', exact: true }).click()
  await s.waitForURL((u) => u.pathname === `/tasks/${taskId}/check` && u.searchParams.get('t') === new URL(url).searchParams.get('t'))
  await expect(s.getByTestId('check-task')).toHaveText(title)
  await expect(s.getByTestId('check-state')).toHaveText('到达现场后，点下面的按钮签到。')
  await s.getByTestId('qr-check').getByRole('button', { name: '签到' }).click()
  await expect(toast(s, '签到成功')).toBeVisible()
  await expect(s.getByTestId('check-state')).toContainText('签到。服务结束时再扫一次二维码签退')
  await s.getByTestId('qr-check').getByRole('button', { name: '签退' }).click()
  await expect(toast(s, '签退成功')).toBeVisible()
  await expect(s.getByTestId('check-state')).toContainText('您已签退')

  // the roster shows it; the poster prints a code of its own (the day's)
  await leader.reload()
  await expect(leader.getByTestId('roster')).toContainText('已签退')
  await leader.goto(`${taskPath}/poster`)
  const posterUrl = await decodeQr(leader.getByTestId('poster-qr'))
  expect(posterUrl).toMatch(new RegExp(`/tasks/${taskId}/check\\?t=d\\.\\d{8}\\.[A-Za-z0-9_-]{22}$`))
  await expect(leader.getByTestId('poster')).toContainText(title)

  // a code from 20 minutes ago is refused with a clear message; so is a forged one
  const slot = Number(new URL(url).searchParams.get('t')!.split('.')[1])
  await v.goto(`/tasks/${taskId}/check?t=${tokenOfSlot(taskId, slot - 2)}`)
  await expect(v.getByTestId('check-refused')).toContainText('这个签到二维码已过期')
  await expect(v.getByTestId('qr-check')).toHaveCount(0)
  await v.goto(`/tasks/${taskId}/check?t=m.${slot}.AAAAAAAAAAAAAAAAAAAAAA`)
  await expect(v.getByTestId('check-refused')).toContainText('这个签到二维码无效')
  // one who is not a volunteer of the task (the community secretary) is told what the code is for
  await admin.goto(`/tasks/${taskId}/check?t=${new URL(url).searchParams.get('t')}`)
  await expect(admin.getByTestId('check-state')).toContainText('供报名了这项任务的志愿者')
})
