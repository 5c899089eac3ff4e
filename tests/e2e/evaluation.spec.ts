import { expect, test } from './fixtures'
import { signIn } from './helpers'

const chinaDatePlus = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

// 科尔沁区's official keeps a checklist, draws a spot check of the pilots of the county, inspects
// 小街社区 from the sample, scores it and orders a rectification; the community answers; the county accepts.
test('inspection from a spot check: score, rectification, response, acceptance', async ({ browser }) => {
  const county = await (await browser.newContext()).newPage()
  await signIn(county, '13900000004')
  await county.getByRole('link', { name: '评估检查' }).first().click()
  await expect(county.getByRole('heading', { name: '评估体系' })).toBeVisible()

  // a checklist
  const name = `社区服务定期检查表-${Date.now() % 100000}`
  await county.getByRole('link', { name: '检查清单' }).click()
  await county.getByRole('link', { name: '新建检查清单' }).click()
  const tf = county.getByTestId('template-form')
  await tf.getByLabel('清单名称').fill(name)
  await tf.getByLabel('第 1 项检查内容').fill('服务台账齐全')
  await tf.getByLabel('第 1 项分值').fill('30')
  await tf.getByLabel('第 2 项检查内容').fill('志愿者培训到位')
  await tf.getByLabel('第 2 项分值').fill('20')
  await tf.getByRole('button', { name: '提交' }).click()
  await county.waitForURL(/\/evaluation\/templates\/[0-9a-f-]{36}$/)
  await expect(county.getByTestId('template-name')).toHaveText(name)
  await expect(county.getByTestId('template-items')).toContainText('志愿者培训到位')

  // a spot check of the pilot communities of 科尔沁区 (N above the population takes them all)
  await county.goto('/evaluation/spot-checks')
  const sf = county.getByTestId('spot-form')
  await sf.getByLabel('抽查对象').selectOption({ label: '试点社区' })
  await sf.getByLabel('抽查范围').selectOption({ label: '科尔沁区' })
  await sf.getByLabel('抽取数量').fill('100')
  await sf.getByRole('button', { name: '随机抽取' }).click()
  await county.getByRole('alertdialog').getByTestId('confirm-yes').click()
  await county.waitForURL(/\/evaluation\/spot-checks\/[0-9a-f-]{36}$/)
  await expect(county.getByTestId('spot-verify')).toContainText('复核一致')
  await expect(county.getByTestId('spot-seed')).toHaveText(/^[0-9a-f]{32}$/)
  const row = county.getByTestId('spot-sample').getByRole('listitem').filter({ hasText: '小街社区' })
  await row.getByRole('link', { name: '安排检查' }).click()

  // the inspection, prefilled with 小街社区
  await county.waitForURL(/\/evaluation\/inspections\/new\?unit=/)
  const inf = county.getByTestId('inspection-form')
  await inf.getByLabel('检查清单').selectOption({ label: `${name}（科尔沁区）` })
  await inf.getByRole('button', { name: '提交' }).click()
  await county.waitForURL(/\/evaluation\/inspections\/[0-9a-f-]{36}$/)
  await expect(county.getByTestId('inspection-title')).toHaveText('小街社区 定期检查')
  const inspectionUrl = county.url()

  // scores: a bad value is refused with a field error, then 27/30 + 18/20 = 90
  const score = county.getByTestId('score-form')
  await score.getByLabel('服务台账齐全（0–30 分）').fill('31')
  await score.getByLabel('志愿者培训到位（0–20 分）').fill('18')
  await score.getByRole('button', { name: '保存评分' }).click()
  await expect(score.getByText('请填写 0 至该项分值之间的整数')).toBeVisible()
  await score.getByLabel('服务台账齐全（0–30 分）').fill('27')
  await score.getByLabel('检查发现').fill('三月服务台账缺少签字')
  await score.getByRole('button', { name: '保存评分' }).click()
  await expect(county.getByTestId('inspection-status')).toHaveText('已评分')
  await expect(county.getByTestId('inspection-score')).toContainText('90 分（45/50）')

  // a rectification with a deadline
  const rf = county.getByTestId('rect-form')
  await rf.getByLabel('整改内容').fill('补齐三月服务台账签字')
  await rf.getByLabel('整改期限').fill(chinaDatePlus(7))
  await rf.getByRole('button', { name: '下达整改' }).click()
  const item = county.getByTestId('rectification').filter({ hasText: '补齐三月服务台账签字' })
  await expect(item).toContainText('待整改')

  // 小街社区's admin answers it
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, '13900000005')
  await admin.getByRole('link', { name: '评估检查' }).first().click()
  await admin.getByRole('link', { name: '定期检查' }).click()
  await admin.getByTestId('inspection-list').getByRole('link', { name: '小街社区' }).first().click()
  await admin.waitForURL(/\/evaluation\/inspections\/[0-9a-f-]{36}$/)
  expect(admin.url()).toBe(inspectionUrl)
  await expect(admin.getByTestId('score-form')).toHaveCount(0) // the community does not score
  const respond = admin.getByTestId('rectification').filter({ hasText: '补齐三月服务台账签字' }).getByTestId('respond-form')
  await respond.getByLabel('整改情况').fill('已补齐签字并归档')
  await respond.getByRole('button', { name: '提交整改情况' }).click()
  await expect(admin.getByTestId('rectification').filter({ hasText: '补齐三月服务台账签字' })).toContainText('待验收')

  // the county accepts
  await county.reload()
  await expect(item).toContainText('已补齐签字并归档')
  await item.getByTestId('accept-form').getByRole('button', { name: '验收通过' }).click()
  await expect(item).toContainText('已验收')
  await county.goto('/evaluation/rectifications')
  await expect(county.getByTestId('rect-list')).toContainText('已验收')
})
