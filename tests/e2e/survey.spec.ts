import { expect, test } from './fixtures'
import { createSurvey, signIn } from './helpers'

// The community admin opens a satisfaction survey; a resident fills it on a phone without signing in
// (a missing answer is shown under its question first); the results and the dashboard count it.
test('survey: created by the community, answered on a phone signed out, counted in the results', async ({ browser }) => {
  test.setTimeout(120_000)
  const title = `满意度调查-${Date.now() % 100000}`
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, '13900000005')
  const href = await createSurvey(admin, title)
  expect(href).toMatch(/^\/survey\/[A-Za-z0-9_-]{24}$/)
  await expect(admin.getByTestId('survey-responses')).toHaveText('0')

  const phone = await (await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })).newPage()
  await phone.goto(href)
  await expect(phone.getByTestId('survey-title')).toContainText(title)
  const f = phone.getByTestId('survey-public-form')
  await f.getByLabel('5 分').first().check({ force: true })
  await f.getByRole('button', { name: '提交' }).click()
  await expect(f.getByRole('alert').first()).toBeVisible() // questions 2 and 3 unanswered: nothing saved
  const group = (n: number) => f.getByRole('group').nth(n)
  await group(1).getByLabel('4 分').check({ force: true })
  await group(2).getByLabel('5 分').check({ force: true })
  await group(3).getByLabel('微信群').check()
  await f.getByRole('button', { name: '提交' }).click()
  await expect(phone.getByTestId('survey-thanks')).toBeVisible()
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  await admin.reload()
  await expect(admin.getByTestId('survey-responses')).toHaveText('1')
  await expect(admin.getByTestId('survey-results')).toContainText('微信群')
})
