import { expect, test } from './fixtures'
import { signIn } from './helpers'

// A volunteer issues a service-hours certificate and prints it on A4; anyone checks it by its code, signed out.
test('certificate: issued from /points, printable A4 without the app header, verified by code when signed out', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, '13900000009')
  await page.goto('/points')
  await page.getByRole('button', { name: '开具服务时长证明' }).click()
  await page.waitForURL(/\/certificates\/[0-9a-f-]{36}$/)
  const sheet = page.getByTestId('certificate')
  await expect(sheet.getByRole('heading', { name: '志愿服务时长证明' })).toBeVisible()
  await expect(sheet).toContainText('小街社区')
  const code = (await page.getByTestId('code').textContent())!.trim()
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/)
  await expect(page.getByTestId('verify-url')).toHaveText(new RegExp(`/verify/${code}$`))
  const holder = (await page.getByTestId('holder').textContent())!.trim()
  const total = (await page.getByTestId('total').textContent())!.trim()
  await expect(page.getByRole('button', { name: '打印' })).toBeVisible()

  // printed: the app's header and navigation and the print button are left out; the page is A4
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation')).toBeHidden()
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden()
  await expect(sheet).toBeVisible()
  // printed to PDF with the page's own @page size: one A4 page (595 × 842 pt; Letter would be 612 × 792)
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
  const box = pdf.match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/)
  expect(box).not.toBeNull()
  expect(Math.round(Number(box![1]))).toBe(595)
  expect(Math.round(Number(box![2]))).toBe(842)
  expect(pdf).toMatch(/\/Type \/Pages[^>]*\/Count 1\b/)

  const anon = await (await browser.newContext()).newPage()
  await anon.goto('/verify')
  await anon.getByLabel('验证码').fill(code.toLowerCase())
  await anon.getByRole('button', { name: '查验' }).click()
  await anon.waitForURL(new RegExp(`/verify/${code}$`))
  await expect(anon.getByTestId('verify-valid')).toHaveText('该证明真实有效')
  const masked = [...holder][0] + '*'.repeat([...holder].length - 1)
  await expect(anon.getByTestId('verify-holder')).toHaveText(masked)
  await expect(anon.getByTestId('verify-hours')).toHaveText(`${total} 小时`)
  await expect(anon.getByText(holder, { exact: true })).toHaveCount(0)
  await expect(anon.getByTestId('verify-result')).toContainText('小街社区')

  const unknown = await anon.goto('/verify/ABCDEFGHJKLM')
  expect(unknown?.status()).toBe(404)
  await expect(anon.getByTestId('verify-not-found')).toContainText('未找到该证明')
})
