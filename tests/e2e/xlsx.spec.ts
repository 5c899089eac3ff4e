import { expect, test } from './fixtures'
import ExcelJS from 'exceljs'
import { signIn } from './helpers'

// The community admin downloads the template, fills one good and one bad row, imports it, gets the
// bad row back with its reason, and exports the list.
test('needs import from the template and export of the list', async ({ page }) => {
  await signIn(page, '13900000005')
  await page.goto('/needs/import')
  const template = await page.request.get('/api/needs/template')
  expect(template.status()).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await template.body()) as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v).replace(/\*$/, ''))
  const row = (values: Record<string, string | number>) => headers.map((h) => values[h] ?? '')
  const title = `导入测试-${Date.now() % 100000}`
  ws.addRow(row({ 社区: '小街社区', 标题: title, 描述: '楼道灯不亮，老人夜间出行不便', 类别: '便民服务', 服务对象: '老年人', 来源: '网格巡查', 紧急程度: '一般', 涉及人数: 6 }))
  ws.addRow(row({ 社区: '小街社区', 标题: '', 描述: '缺标题的一行', 类别: '便民服务', 服务对象: '老年人', 来源: '网格巡查', 紧急程度: '一般', 涉及人数: -1 }))
  const file = Buffer.from(await wb.xlsx.writeBuffer())

  await page.getByTestId('import-file').setInputFiles({ name: '需求.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file })
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-summary')).toContainText('共 2 行：新增 1，重复 0，失败 1')
  const errors = await page.request.get((await page.getByTestId('import-error-file').getAttribute('href'))!)
  const back = new ExcelJS.Workbook()
  await back.xlsx.load(Buffer.from(await errors.body()) as unknown as ArrayBuffer)
  const reasons = JSON.stringify(back.worksheets[0].getSheetValues())
  expect(reasons).toContain('标题：请输入标题')

  // the same file again: nothing new
  await page.getByRole('button', { name: '继续导入其他文件' }).click()
  await page.getByTestId('import-file').setInputFiles({ name: '需求.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file })
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-summary')).toContainText('新增 0，重复 1，失败 1')

  // export of the filtered list holds the imported row
  const exported = await page.request.get('/api/needs/export?q=' + encodeURIComponent(title))
  expect(exported.status()).toBe(200)
  const out = new ExcelJS.Workbook()
  await out.xlsx.load(Buffer.from(await exported.body()) as unknown as ArrayBuffer)
  expect(out.worksheets[0].rowCount).toBe(2)
  expect(JSON.stringify(out.worksheets[0].getRow(2).values)).toContain(title)
})
