import { expect, test, type Browser } from './fixtures'
import { signIn } from './helpers'

async function as(browser: Browser, phone: string) {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, phone)
  return page
}

// A practice case goes from draft to published through three levels, then anyone in the tenant finds it.
test('practice case: draft → banner/county → league → region → library', async ({ browser }) => {
  test.setTimeout(120_000)
  const title = `代办清单化经验-${Date.now() % 100000}`
  const worker = await as(browser, '13900000006')
  await worker.goto('/practice/new')
  await worker.getByLabel('标题').fill(title)
  await worker.getByLabel('背景').fill('老年人口多，代办需求集中')
  await worker.getByLabel('主要做法').fill('建立代办清单，按需派单，党员志愿者接单')
  await worker.getByLabel('成效').fill('半年完成代办 300 余件，满意度 4.8')
  await worker.getByLabel('经验启示').fill('清单化、标准化是可复制的关键')
  await worker.getByRole('button', { name: '提交' }).click()
  await expect(worker.getByTestId('practice-status')).toHaveText('草稿')
  await worker.getByRole('button', { name: '提交审核' }).click()
  await expect(worker.getByTestId('practice-status')).toHaveText('旗县审核中')
  await expect(worker.getByTestId('practice-figures')).toBeVisible()

  for (const [phone, button, next] of [
    ['13900000004', '旗县审核通过', '盟市审核中'],
    ['13900000002', '盟市审核通过', '自治区审核中'],
    ['13900000001', '发布到案例库', '已发布'],
  ] as const) {
    const reviewer = await as(browser, phone)
    await reviewer.goto('/practice?view=review&q=' + encodeURIComponent(title))
    await reviewer.getByRole('link', { name: title }).click()
    await reviewer.getByRole('button', { name: button }).click()
    await expect(reviewer.getByTestId('practice-status')).toHaveText(next)
  }

  // a community admin in another league finds it in the library
  const reader = await as(browser, '13900000011')
  await reader.getByRole('link', { name: '实践案例' }).click()
  await reader.getByPlaceholder('搜索标题、做法、成效或社区').fill('清单化')
  await reader.getByRole('button', { name: '搜索' }).click()
  await reader.getByRole('link', { name: title }).click()
  await expect(reader.getByText('建立代办清单，按需派单，党员志愿者接单')).toBeVisible()
  await expect(reader.getByRole('button', { name: '提交审核' })).toHaveCount(0)
})
