import { expect, test } from './fixtures'
import ExcelJS from 'exceljs'
import { signIn } from './helpers'

// A region official drills from the region to a community and exports the comparison table; a need
// recorded in the community shows on the region's dashboard within a second.
test('dashboard: region → league → banner → community, export, live roll-up, period errors', async ({ browser }) => {
  test.setTimeout(120_000)
  const page = await (await browser.newContext()).newPage()
  await signIn(page, '13900000001')
  await page.getByRole('link', { name: '数据看板' }).click()
  await expect(page.getByTestId('dashboard-title')).toHaveText('内蒙古自治区 数据看板')
  await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible()
  const before = Number(await page.getByTestId('kpi-needs').textContent())

  // export the comparison of the 12 leagues/cities
  const download = page.waitForEvent('download')
  await page.getByTestId('dashboard-export').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await (await file.createReadStream()).toArray()).reduce((a: Buffer, b: Buffer) => Buffer.concat([a, b]), Buffer.alloc(0)) as never)
  const ws = wb.worksheets[0]
  expect(ws.getRow(1).getCell(1).value).toBe('单位')
  const names = ws.getColumn(1).values.slice(2).map(String)
  expect(names).toContain('通辽市')
  expect(names).toHaveLength(13) // 12 leagues/cities + the region's total

  // sort by needs collected, then drill down
  await page.getByTestId('comparison').getByRole('link', { name: /^收集需求/ }).click()
  await expect(page).toHaveURL(/sort=needs/)
  await page.getByTestId('comparison').getByRole('link', { name: '通辽市', exact: true }).click()
  await expect(page.getByTestId('dashboard-title')).toHaveText('通辽市 数据看板')
  await page.getByTestId('comparison').getByRole('link', { name: '科尔沁区', exact: true }).click()
  await expect(page.getByTestId('dashboard-title')).toHaveText('科尔沁区 数据看板')
  // a banner's hundreds of villages come 20 a page; the name filter finds one
  await expect(page.getByTestId('comparison-row')).toHaveCount(20)
  await page.getByTestId('find-form').getByLabel('查找下级单位').fill('小街')
  await page.getByTestId('find-form').getByRole('button', { name: '查找' }).click()
  await expect(page).toHaveURL(/find=/)
  await page.getByTestId('comparison').getByRole('link', { name: '小街社区', exact: true }).click()
  await expect(page.getByTestId('dashboard-title')).toHaveText('小街社区 数据看板')
  await expect(page.getByText('本级没有下级单位。')).toBeVisible()
  const community = Number(await page.getByTestId('kpi-needs').textContent())
  expect(community).toBeGreaterThanOrEqual(2)
  // the figure opens the list behind it, scoped to the community
  await page.getByTestId('drill-needs').click()
  await expect(page).toHaveURL(/\/needs\?unit=/)
  await expect(page.getByTestId('needs-list').getByRole('listitem')).toHaveCount(community)

  // a need recorded in 小街社区 shows on the region's dashboard within a second
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, '13900000005')
  await admin.goto('/needs/new')
  await admin.getByLabel('标题').fill(`看板实时-${Date.now() % 100000}`)
  await admin.getByLabel('描述').fill('检验看板实时汇总')
  await admin.getByLabel('类别').selectOption({ label: '养老助老' })
  await admin.getByLabel('服务对象').selectOption({ label: '老年人' })
  await admin.getByLabel('来源').selectOption({ label: '入户走访' })
  await admin.getByLabel('涉及人数').fill('1')
  await admin.getByRole('button', { name: '提交' }).click()
  await expect(admin.getByTestId('need-status')).toHaveText('待匹配')
  // within the dashboards' 1 s freshness (DASHBOARD_CACHE_MS): another worker may have opened the
  // region's dashboard just before the need was saved
  await expect(async () => {
    await page.goto('/dashboard')
    await expect(page.getByTestId('kpi-needs')).toHaveText(String(before + 1), { timeout: 500 })
  }).toPass({ timeout: 5_000 })

  // the monthly report of the region prints on A4, without the app's header
  await page.goto('/dashboard')
  await page.getByTestId('dashboard-report').click()
  await expect(page.getByTestId('report').getByRole('heading', { level: 1 })).toContainText('内蒙古自治区')
  await expect(page.getByTestId('report').getByRole('heading', { level: 1 })).toContainText('试点工作进展月报')
  await expect(page.getByTestId('report-children').getByRole('row')).toHaveCount(13) // header + 12 leagues/cities
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden()
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
  const box = pdf.match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/)
  expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842])
  await page.emulateMedia({ media: 'screen' })

  // a custom period ending before it starts is refused with a clear message
  await page.goto('/dashboard?period=custom&from=2026-05-01&to=2026-04-01')
  await expect(page.getByTestId('period-form').getByRole('alert')).toContainText('结束日期不能早于开始日期')
})
