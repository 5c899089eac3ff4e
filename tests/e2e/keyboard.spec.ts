import { expect, test, type Locator, type Page } from './fixtures'
import { claimOrderAndCreateTask, signInByApi, toast } from './helpers'

// The platform without a mouse: a community secretary records a need, turns it into a service item and
// dispatches the order; a volunteer signs up for the task and cancels — Tab, Shift+Tab, Enter, Space,
// the arrow keys and Escape only. At every stop the focused element shows that it has the focus, and the
// confirmation dialog keeps the focus inside it and gives it back to the button that opened it.

/** The focused element draws a focus indicator (an outline or a ring), or nothing is focused. */
async function focusIsVisible(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    const s = getComputedStyle(el)
    const drawn = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
    return drawn ? null : `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" has the focus and shows none`
  })
}

/** Presses Tab (Shift+Tab with back) until `target` has the focus, checking the focus ring at each stop. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  await expect(target).toBeVisible()
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    expect(await focusIsVisible(page)).toBeNull()
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`${target} was not reached in ${max} presses of Tab`)
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement)

test('a need recorded, served and dispatched, then a sign-up made and cancelled, by keyboard alone', async ({ browser }) => {
  test.setTimeout(180_000)
  const title = `键盘派单-${Date.now() % 100000}`

  // the community secretary, at a desktop
  const adminCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  await signInByApi(adminCtx, '13900000005')
  const admin = await adminCtx.newPage()
  await admin.goto('/')
  // the skip link is the first stop and takes the focus past the navigation
  await admin.keyboard.press('Tab')
  await expect(admin.getByRole('link', { name: '跳到正文' })).toBeFocused()
  await admin.keyboard.press('Enter')
  await expect(admin.locator('#main')).toBeFocused()
  await tabTo(admin, admin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '需求清单' }), { back: true })
  await admin.keyboard.press('Enter')
  await expect(admin).toHaveURL(/\/needs$/)
  await tabTo(admin, admin.getByRole('link', { name: '登记需求' }))
  await admin.keyboard.press('Enter')
  await expect(admin).toHaveURL(/\/needs\/new$/)

  await tabTo(admin, admin.getByLabel('标题'))
  await admin.keyboard.type(title)
  await tabTo(admin, admin.getByLabel('描述'))
  await admin.keyboard.type('两位行动不便的老人需要每日午餐送餐上门')
  for (const select of ['类别', '服务对象', '来源']) {
    await tabTo(admin, admin.getByLabel(select))
    await admin.keyboard.press('ArrowDown')
    await expect(admin.getByLabel(select)).not.toHaveValue('')
  }
  await tabTo(admin, admin.getByLabel('涉及人数'))
  await admin.keyboard.type('2')
  await tabTo(admin, admin.getByRole('button', { name: '提交' }))
  await admin.keyboard.press('Enter')
  await expect(admin.getByTestId('need-title')).toHaveText(title)

  const resource = admin.getByLabel(/小街便民理发店/)
  await tabTo(admin, resource)
  await admin.keyboard.press('Space')
  await expect(resource).toBeChecked()
  await tabTo(admin, admin.getByRole('button', { name: '生成服务项目' }))
  await admin.keyboard.press('Enter')
  await expect(admin.getByTestId('service-title')).toHaveText(title)
  const team = admin.getByLabel('接单队伍')
  await tabTo(admin, team)
  for (let i = 0; i < 10 && !((await team.locator('option:checked').textContent()) ?? '').includes('党旗红'); i++) await admin.keyboard.press('ArrowDown')
  await expect(team.locator('option:checked')).toHaveText('党旗红志愿服务队')
  await tabTo(admin, admin.getByRole('button', { name: '派单' }))
  await admin.keyboard.press('Enter')
  await expect(admin.getByTestId('order-status')).toHaveText('待接单')
  await adminCtx.close()

  // the team leader claims it and publishes a one-slot task (not the journey under test)
  const leaderCtx = await browser.newContext()
  await signInByApi(leaderCtx, '13900000008')
  await claimOrderAndCreateTask(await leaderCtx.newPage(), title)
  await leaderCtx.close()

  // a volunteer, on a phone
  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 740 } })
  await signInByApi(phoneCtx, '13900000009')
  const v = await phoneCtx.newPage()
  await v.goto('/tasks')
  const card = v.getByTestId('task-card').filter({ hasText: title })
  await tabTo(v, card.getByRole('button', { name: '报名' }))
  await v.keyboard.press('Enter')
  await expect(toast(card, '报名成功')).toBeVisible()

  const cancel = card.getByRole('button', { name: '取消报名' })
  await tabTo(v, cancel, { back: true })
  await v.keyboard.press('Enter')
  const dialog = v.getByRole('alertdialog', { name: '确定取消报名吗？' })
  await expect(dialog).toBeVisible()
  // the focus is in the dialog and stays there, however often Tab is pressed
  for (let i = 0; i < 5; i++) {
    // (polled: the trap's focus guards hand the focus on from their own focus events)
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement)), { message: `Tab ${i}: focus inside the dialog` }).toBe(true)
    expect(await focusIsVisible(v)).toBeNull()
    await v.keyboard.press('Tab')
  }
  // Escape keeps the sign-up and gives the focus back to the button
  await v.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect.poll(() => isFocused(cancel)).toBe(true)
  await expect(card.getByText('已报名')).toBeVisible()
  // Enter again, and this time the confirming button
  await v.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await tabTo(v, dialog.getByRole('button', { name: '取消报名' }), { max: 4 })
  await v.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(card.getByRole('button', { name: '报名' })).toBeVisible()
  await v.goto('/tasks/mine?when=past')
  await expect(v.getByTestId('my-signup').filter({ hasText: title })).toContainText('已取消')
  await phoneCtx.close()
})
