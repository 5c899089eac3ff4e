import { expect, test } from './fixtures'
import { signIn, unitUrl } from './helpers'

// Out of scope is 404, and the other unit's name appears nowhere on the page.
test('a league official opening another league’s unit gets 404 and never sees its name', async ({ page }) => {
  const xingan = await unitUrl(page, '13900000001', '兴安盟')
  const daiqin = await unitUrl(page, '13900000001', '代钦社区')
  await signIn(page, '13900000002') // 通辽市
  for (const [url, name] of [[xingan, '兴安盟'], [daiqin, '代钦社区']] as const) {
    const res = await page.goto(url)
    expect(res?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible()
    expect(await page.content()).not.toContain(name)
    expect(await page.title()).not.toContain(name)
  }
  // and its own league still opens
  await page.goto('/')
  await expect(page.getByTestId('unit-name')).toHaveText('通辽市')
  const search = await page.goto('/units?q=' + encodeURIComponent('兴安'))
  expect(search?.status()).toBe(200)
  expect(await page.content()).not.toContain('兴安盟')
})

test('another tenant’s units are 404 for every Inner Mongolia role', async ({ page }) => {
  const longguangli = await unitUrl(page, '13900000101', '龙广里社区')
  for (const phone of ['13900000001', '13900000005', '13900000009']) {
    await signIn(page, phone)
    const res = await page.goto(longguangli)
    expect(res?.status()).toBe(404)
    expect(await page.content()).not.toContain('龙广里')
    expect(await page.content()).not.toContain('金昌')
    await page.context().clearCookies()
  }
})

test('a volunteer cannot open a neighbouring community', async ({ page }) => {
  const neighbour = await unitUrl(page, '13900000004', '东门社区')
  await signIn(page, '13900000009')
  const res = await page.goto(neighbour)
  expect(res?.status()).toBe(404)
  expect(await page.content()).not.toContain('东门社区')
})
