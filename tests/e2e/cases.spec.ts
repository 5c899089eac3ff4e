import { expect, test, type Browser } from './fixtures'
import { signIn } from './helpers'

async function as(browser: Browser, phone: string) {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, phone)
  return page
}

const total = async (page: import('@playwright/test').Page) => Number(((await page.getByTestId('case-total').textContent()) ?? '').replace(/\D/g, ''))

// A social worker runs a case end to end; a county official sees only the count change, never the name.
test('case work: consent, sensitive data, intervention, follow-up, closure; officials see counts only', async ({ browser }) => {
  test.setTimeout(150_000)
  const person = `李桂英${Date.now() % 10000}`
  const county = await as(browser, '13900000004')
  await county.goto('/cases')
  const before = await total(county)
  await expect(county.getByTestId('my-cases')).toHaveCount(0)

  const worker = await as(browser, '13900000006')
  await worker.goto('/cases/new')
  await worker.getByLabel('服务对象姓名').fill(person)
  await worker.getByLabel('出生年份').fill('1949')
  await worker.getByLabel('对象类别').selectOption({ label: '老年人' })
  await worker.getByLabel('发现途径').selectOption({ label: '入户走访' })
  await worker.getByLabel('基本情况').fill('独居，自行停用降压药两周')
  await worker.getByRole('button', { name: '提交' }).click()
  await expect(worker.getByTestId('case-person')).toContainText(person)
  const caseUrl = worker.url()

  // no stage beyond intake without the person's consent: refused on the step's form, and the page says so
  await expect(worker.getByTestId('consent-status')).toHaveText('尚未记录所需的同意，个案暂不能推进到下一阶段。')
  await worker.getByRole('button', { name: '推进到：评估' }).click()
  await expect(worker.getByTestId('step-ASSESSMENT').getByText('推进到下一阶段前，须先在“知情同意”处记录本人的同意。')).toBeVisible()
  await expect(worker.getByTestId('case-status')).toHaveText('接案')

  // sensitive data needs consent first
  const sensitive = worker.getByTestId('sensitive-form')
  await sensitive.getByLabel('健康信息').fill('高血压三级，停药两周')
  await sensitive.getByRole('button', { name: '保存敏感信息' }).click()
  await expect(worker.getByText('保存敏感信息前须记录本人同意')).toBeVisible()
  await sensitive.getByLabel('身份证号').fill('11010519491231002X')
  await sensitive.getByLabel('同意人（本人）').fill(person)
  await sensitive.getByRole('button', { name: '保存敏感信息' }).click()
  await expect(worker.getByTestId('reveal-idNumber')).toHaveText('1101**********002X')
  await expect(worker.getByTestId('consent-status')).toHaveText('所需的同意已记录。')
  await expect(worker.getByTestId('consent-on-record')).toContainText(person)
  await expect(worker.getByText('高血压三级，停药两周')).toHaveCount(0)
  await worker.getByTestId('reveal-healthNotes').locator('..').getByRole('button', { name: '查看' }).click()
  await expect(worker.getByTestId('reveal-healthNotes')).toHaveText('高血压三级，停药两周')

  // the closed loop
  await worker.getByRole('button', { name: '推进到：评估' }).click()
  await worker.getByTestId('step-PLANNING').getByLabel('评估结论').fill('服药依从性差，独居无人提醒')
  await worker.getByRole('button', { name: '推进到：服务计划' }).click()
  await worker.getByTestId('step-INTERVENTION').getByLabel('服务目标').fill('一个月内恢复规律服药')
  await worker.getByRole('button', { name: '推进到：介入服务' }).click()
  const iv = worker.getByTestId('intervention-form')
  await iv.getByLabel('类型').selectOption({ label: '转介' })
  await iv.getByLabel('转介对象（如社区医生）').fill('社区医生')
  await iv.getByLabel('描述').fill('链接社区医生每周上门测血压')
  await iv.getByRole('button', { name: '记录介入或转介' }).click()
  await expect(worker.getByTestId('interventions')).toContainText('社区医生')
  await worker.getByRole('button', { name: '推进到：跟进回访' }).click()
  await worker.getByTestId('schedule-form').getByLabel('随访日期').fill('2026-12-01')
  await worker.getByRole('button', { name: '安排随访' }).click()
  const followUp = worker.getByTestId('follow-ups').getByRole('listitem').first()
  await followUp.getByLabel('随访情况').fill('血压平稳，按时服药')
  await followUp.getByRole('button', { name: '完成随访' }).click()
  await expect(worker.getByTestId('follow-ups')).toContainText('血压平稳，按时服药')
  await worker.getByRole('button', { name: '推进到：成效评估' }).click()
  const close = worker.getByTestId('step-CLOSED')
  await close.getByLabel('成效评估').fill('已恢复规律服药')
  await close.getByLabel('结案成效').selectOption({ label: '明显改善' })
  await close.getByRole('button', { name: '推进到：已结案' }).click()
  await expect(worker.getByTestId('case-status')).toHaveText('已结案')

  // the county official: one more in the count, the name nowhere, the case URL a 404
  await county.reload()
  expect(await total(county)).toBe(before + 1)
  expect(await county.content()).not.toContain(person)
  const res = await county.goto(caseUrl)
  expect(res?.status()).toBe(404)
  expect(await county.content()).not.toContain(person)

  // the community's case supervisor reads the access log
  const supervisor = await as(browser, '13900000012')
  await supervisor.goto(caseUrl)
  await supervisor.getByRole('link', { name: '查阅记录' }).click()
  await expect(supervisor.getByTestId('access-log')).toContainText('张晓燕')
  await expect(supervisor.getByTestId('access-log')).toContainText('查看敏感信息')
  await expect(supervisor.getByTestId('access-log')).toContainText('健康信息')
})
