import { expect, resetUrlGuard, test, urlLeaks } from './fixtures'

// The guard of fixtures.ts must be able to fail: a page whose form has no method (so a GET) sends the
// password typed into it in the address, and the guard names it. (The page is served by the test
// itself through page.route: nothing leaves the machine.)
test('the URL guard catches a form that sends what was typed in its address', async ({ page }) => {
  await page.route('http://guard.invalid/**', (r) =>
    r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<form action="/next"><label>手机号 <input name="phone"></label><label>密码 <input name="password" type="password"></label><button>登录</button></form>' }),
  )
  await page.goto('http://guard.invalid/login')
  await page.getByLabel('手机号').fill('13911112222')
  await page.getByLabel('密码').fill('Guard-secret-99')
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(/\/next\?/)
  const leaks = urlLeaks()
  expect(leaks.some((l) => l.includes('"Guard-secret-99"'))).toBe(true)
  expect(leaks.some((l) => l.includes('"13911112222"'))).toBe(true)
  resetUrlGuard() // seen: the teardown check of this test has nothing left to refuse
})
