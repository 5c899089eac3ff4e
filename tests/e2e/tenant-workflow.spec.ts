import { expect, test, type Page } from './fixtures'
import { signIn, toast } from './helpers'
import { chinaIso } from '../../lib/china-time'

// Issue 13 item 1: the second tenant (甘肃) runs the whole workflow from an empty community. 龙广里社区's
// admin finds no team, two volunteers register there, the admin founds a team with one of them as
// leader, records a need, dispatches it to the team; the leader claims it and creates a task; the other
// volunteer signs up, checks in with the code, is checked out by the leader after six minutes of service
// and sees the hours. While the service runs, the admin archives a second team (gone from the dispatch
// form and from joining) and brings it back.

const ADMIN = '13900000103' // 杨春梅, 龙广里社区 党组织书记 (prisma/seed.ts)
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`
/** datetime-local values are China time, to the minute */
const local = (minutesFromNow: number) => chinaIso(new Date(Date.now() + minutesFromNow * 60_000)).slice(0, 16)

/** Self-registration at 龙广里社区 (lands signed in on the home page). */
async function registerAtLongguangli(page: Page, phone: string, name: string) {
  await page.goto('/register')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('姓名').fill(name)
  await page.getByLabel('密码', { exact: true }).fill('Volunteer2026')
  await page.getByLabel('确认密码').fill('Volunteer2026')
  await page.getByLabel('所在社区').fill('龙广里')
  await page.getByRole('option', { name: /龙广里社区/ }).first().click()
  await page.getByRole('button', { name: '注册并登录' }).click()
  await page.waitForURL((u) => u.pathname === '/')
}

/** The admin (signed in on `page`) records a need and makes it a service item: ends on the service page, with its dispatch form. */
async function recordNeedAndService(page: Page, title: string) {
  await page.goto('/needs/new')
  await page.getByLabel('标题').fill(title)
  await page.getByLabel('描述').fill('行动不便的老人需要志愿者每周上门协助洗浴')
  await page.getByLabel('类别').selectOption({ label: '养老助老' })
  await page.getByLabel('服务对象').selectOption({ label: '老年人' })
  await page.getByLabel('来源').selectOption({ label: '入户走访' })
  await page.getByLabel('涉及人数').fill('1')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.getByTestId('need-title')).toHaveText(title)
  await page.getByRole('button', { name: '生成服务项目' }).click()
  await expect(page.getByTestId('service-title')).toHaveText(title)
}

test('甘肃: a team founded from an empty community runs dispatch → claim → task → sign-up → check-in/out → hours', async ({ browser }) => {
  test.setTimeout(720_000)
  const stamp = String(Date.now()).slice(-8)
  const team = `龙广里青年志愿服务队${stamp.slice(-4)}`
  const spare = `龙广里临时服务队${stamp.slice(-4)}`
  const title = `上门助浴-${stamp.slice(-5)}`
  const open = async (opts: Parameters<typeof browser.newContext>[0] = {}) => (await browser.newContext(opts)).newPage()

  // 1. the community starts without a team: the admin is told how to start
  const admin = await open()
  await signIn(admin, ADMIN)
  await admin.goto('/teams')
  await expect(admin.getByText('暂无队伍')).toBeVisible()
  await expect(admin.getByTestId('teams-empty-hint')).toContainText('新建队伍')
  await expect(admin.getByTestId('teams').getByRole('listitem')).toHaveCount(0)

  // 2. two volunteers register at 龙广里社区
  const leaderPhone = `176${stamp}`
  const volunteerPhone = `175${stamp}`
  const leader = await open()
  await registerAtLongguangli(leader, leaderPhone, '马春花')
  const v = await open({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })
  await registerAtLongguangli(v, volunteerPhone, '王小燕')

  // 3. the admin founds the team with 马春花 as leader (a blank name is refused first, nothing written)
  await admin.reload()
  await admin.getByTestId('new-team').click()
  await admin.waitForURL(/\/teams\/new$/)
  const form = admin.getByTestId('team-form')
  await form.getByRole('button', { name: '新建队伍' }).click()
  await expect(form.getByText('请输入队伍名称')).toBeVisible()
  await form.getByLabel('队伍名称').fill(team)
  await form.getByLabel('队伍类别').selectOption({ label: '青年' })
  await form.getByLabel('队伍简介').fill('青年志愿者：助老助残、便民服务')
  await form.getByLabel('队长', { exact: true }).selectOption({ label: `马春花（${masked(leaderPhone)}）` })
  await form.getByRole('button', { name: '新建队伍' }).click()
  await admin.waitForURL(/\/teams\/[0-9a-f-]{36}$/)
  await expect(admin.getByTestId('team-name')).toContainText(team)
  await expect(admin.getByTestId('team-name')).toContainText('青年')
  await expect(admin.getByTestId('member-list')).toContainText('马春花')
  const teamUrl = new URL(admin.url()).pathname

  // 4. the admin records a need, makes it a service item and dispatches it to the new team at once
  await recordNeedAndService(admin, title)
  await admin.getByLabel('接单队伍').selectOption({ label: team })
  await admin.getByRole('button', { name: '派单' }).click()
  await expect(admin.getByTestId('order-status')).toHaveText('待接单')

  // 5. the leader (already signed in: the new role counts at once) claims it and opens a slot that starts soon
  await leader.goto('/orders')
  const row = leader.getByTestId('orders-list').getByRole('listitem').filter({ hasText: title })
  await row.getByRole('button', { name: '接单' }).click()
  await expect(row.getByText('已接单')).toBeVisible()
  await row.getByRole('link', { name: title }).click()
  const startsAt = local(2)
  const taskForm = leader.getByTestId('task-form')
  await taskForm.getByLabel('开始时间').fill(startsAt)
  await taskForm.getByLabel('结束时间').fill(local(60))
  await taskForm.getByLabel('报名截止').fill(startsAt) // sign-up closes at the start (allowed: not after it)
  await leader.getByLabel('地点').fill('龙广里社区党群服务中心')
  await leader.getByLabel('名额').fill('1')
  await leader.getByRole('button', { name: '新建' }).click()
  await expect(leader.getByTestId('task-title')).toHaveText(title)
  const code = ((await leader.getByTestId('checkin-code').textContent()) ?? '').replace(/\D/g, '')
  expect(code).toMatch(/^\d{6}$/)

  // 6. 王小燕 signs up on her phone and checks in with the code (check-in opens 30 minutes before the start)
  await v.goto('/tasks')
  const card = v.getByTestId('task-card').filter({ hasText: title })
  await card.getByRole('button', { name: '报名' }).click()
  await expect(toast(card, '报名成功')).toBeVisible()
  await card.getByRole('link', { name: title }).click()
  await v.getByLabel('签到码').fill(code)
  await v.getByRole('button', { name: '签到' }).click()
  await expect(v.getByTestId('my-signup')).toContainText('已签到')

  // 7. meanwhile the admin archives a second team: not offered for dispatch, not joinable; then restores it
  await admin.goto('/teams/new')
  await admin.getByTestId('team-form').getByLabel('队伍名称').fill(spare)
  await admin.getByTestId('team-form').getByRole('button', { name: '新建队伍' }).click()
  await admin.waitForURL(/\/teams\/[0-9a-f-]{36}$/)
  const spareUrl = new URL(admin.url()).pathname
  await admin.getByTestId('team-archive').getByRole('button', { name: '归档队伍' }).click()
  await admin.getByRole('alertdialog').getByTestId('confirm-yes').click()
  await expect(admin.getByTestId('team-archived')).toBeVisible()
  await expect(admin.getByTestId('team-history')).toContainText('归档')
  // a second need, still to dispatch: its form offers the active team only
  await recordNeedAndService(admin, `${title}-二`)
  const serviceUrl = new URL(admin.url()).pathname
  const choices = admin.getByTestId('dispatch-form').getByLabel('接单队伍').locator('option')
  await expect(choices).toHaveText(['面向本社区所有队伍', team])
  await v.goto('/teams')
  const spareRow = v.getByTestId('teams').getByRole('listitem').filter({ hasText: spare })
  await expect(spareRow.getByText('已归档')).toBeVisible()
  await expect(spareRow.getByRole('button', { name: '申请加入' })).toHaveCount(0)
  await expect(v.getByTestId('teams').getByRole('listitem').filter({ hasText: team }).getByRole('button', { name: '申请加入' })).toBeVisible()
  await admin.goto(spareUrl)
  await admin.getByTestId('team-unarchive').getByRole('button', { name: '恢复队伍' }).click()
  await expect(admin.getByTestId('team-archived')).toHaveCount(0)
  await admin.goto(serviceUrl)
  await expect(choices).toHaveCount(3)
  await expect(choices.filter({ hasText: spare })).toHaveCount(1)

  // 8. six minutes of service after the start, the leader checks her out
  const start = new Date(`${startsAt}:00+08:00`).getTime()
  const wait = start + 6 * 60_000 + 5_000 - Date.now()
  if (wait > 0) await leader.waitForTimeout(wait)
  await leader.reload()
  const roster = leader.getByTestId('roster').getByRole('listitem').filter({ hasText: '王小燕' })
  await roster.getByRole('button', { name: '签退' }).click()
  await expect(roster).toContainText('已签退，服务')
  const minutes = Number((/已签退，服务 (\d+) 分钟/.exec((await roster.textContent()) ?? '') ?? [])[1])
  expect(minutes).toBeGreaterThanOrEqual(6)
  const hours = String(Math.floor(minutes / 6) / 10)

  // 9. the hours show: on her points page, and on the team's page for the community
  await v.goto('/points')
  await expect(v.getByTestId('hours')).toHaveText(hours)
  await admin.goto(teamUrl)
  await expect(admin.getByTestId('team-tasks-done')).toHaveText('1')
  await expect(admin.getByTestId('team-hours')).toHaveText(hours)
})
