import { expect, test, type Page } from './fixtures'
import { decodeQr, dispatchedTask, signInByApi, toast } from './helpers'

// The volunteer's phone app (issue 16), at 375 px with its service worker on: installable (the manifest,
// the icons, the worker ready and in control), the check-in URL read from the leader's QR code, and a
// check-out made with no network — kept on the phone as 待同步 through a reload, sent when the network is
// back, recorded once however often the same item is sent again.

test.use({ serviceWorkers: 'allow' })

/** What the phone keeps in IndexedDB (lib/offline/queue.ts). */
const queued = (p: Page) =>
  p.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = indexedDB.open('ronghe', 1)
        req.onupgradeneeded = () => req.result.createObjectStore('checks', { keyPath: 'clientId' })
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const all = req.result.transaction('checks').objectStore('checks').getAll()
          all.onsuccess = () => resolve(all.result)
        }
      }),
  )

test('installable; QR check-in; a check-out with no network waits as 待同步, syncs once the network is back, and replays change nothing', async ({ browser }) => {
  test.setTimeout(150_000)
  const title = `离线签退-${String(Date.now()).slice(-5)}`
  const { leader, taskPath, code } = await dispatchedTask(browser, title, '嘎查文化室')

  // installable: the manifest, its icons, the worker
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' })
  await signInByApi(phone, '13900000009')
  const v = await phone.newPage()
  await v.goto('/tasks')
  const manifestHref = await v.locator('link[rel="manifest"]').getAttribute('href')
  const manifest = await (await phone.request.get(manifestHref!)).json()
  expect(manifest).toMatchObject({ name: '融合志愿', short_name: '融合志愿', start_url: '/tasks', display: 'standalone', theme_color: '#a91b1b' })
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable'])
  for (const icon of manifest.icons) expect((await phone.request.get(icon.src)).headers()['content-type']).toBe('image/png')
  expect(await v.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL))).toMatch(/\/sw\.js$/)
  // Chrome's own installability check (what Lighthouse's installable-manifest audit asked)
  const cdp = await phone.newCDPSession(v)
  expect(await cdp.send('Page.getInstallabilityErrors')).toEqual({ installabilityErrors: [] })

  // she signs up, and checks in with the URL her camera reads from the leader's QR code
  await v.goto(taskPath)
  await v.getByRole('button', { name: '报名' }).click()
  await expect(toast(v, '报名成功')).toBeVisible()
  await leader.getByRole('button', { name: '出示签到码' }).click()
  const url = await decodeQr(leader.getByRole('dialog').getByTestId('checkin-qr'))
  await v.goto(url)
  await v.getByTestId('qr-check').getByRole('button', { name: '签到' }).click()
  await expect(toast(v, '签到成功')).toBeVisible()

  // the task's page, opened with the network (the worker keeps it): then the network goes
  await v.goto(taskPath)
  expect(await v.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
  await expect(v.getByTestId('my-signup')).toContainText('已签到')
  await phone.setOffline(true)
  await v.getByTestId('self-check').getByLabel('签到码').fill(code)
  await v.getByTestId('self-check').getByRole('button', { name: '签退' }).click()
  await expect(toast(v, '没有网络：已保存在手机上')).toBeVisible()
  await expect(v.getByTestId('pending-check')).toContainText('待同步')
  await expect(v.getByTestId('pending-check')).toContainText('签退')
  const [item] = await queued(v)
  expect(item).toMatchObject({ taskId: taskPath.split('/').pop(), mode: 'out', code })

  // reloaded with no network: the page comes from the phone, the check still waits
  await v.reload()
  await expect(v.getByTestId('pending-check')).toContainText('待同步')
  await expect(v.getByTestId('self-check')).toHaveCount(0)

  // the network returns: sent, gone from the phone, the page reads itself again
  await phone.setOffline(false)
  await v.evaluate(() => dispatchEvent(new Event('online')))
  await expect(v.getByTestId('pending-check')).toHaveCount(0)
  await expect(v.getByTestId('my-signup')).toContainText('已签退')
  expect(await queued(v)).toEqual([])

  // the same item sent five more times: taken once, the rest change nothing
  for (let i = 0; i < 5; i++) {
    const res = await phone.request.post('/api/checks', { data: item })
    expect(res.status()).toBe(200)
  }
  await leader.reload()
  const rows = leader.getByTestId('roster').getByRole('listitem')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('已签退')

  // the phone keeps the volunteer's own pages only: not /account (nor a case, a dashboard, a roster)
  await v.goto('/account')
  const kept = await v.evaluate(async () => (await (await caches.open('ronghe-pages')).keys()).map((r) => new URL(r.url).pathname))
  expect(kept).toContain(taskPath)
  expect(kept).not.toContain('/account')

  // signing out deletes the pages the worker kept: the task's page is not shown from the phone any more
  await v.goto('/')
  await v.getByRole('button', { name: '退出登录' }).click()
  await v.waitForURL(/\/login/)
  await expect.poll(() => v.evaluate(() => caches.has('ronghe-pages').then(async (has) => (has ? (await (await caches.open('ronghe-pages')).keys()).filter((r) => new URL(r.url).pathname.startsWith('/tasks')).length : 0)))).toBe(0)
  await phone.setOffline(true)
  await v.goto(taskPath).catch(() => undefined)
  await expect(v.getByTestId('offline')).toBeVisible()
  await expect(v.getByTestId('task-title')).toHaveCount(0)
  await phone.setOffline(false)
})

test('a QR code scanned with no network: the offline page keeps the scan; once online it checks in, and a replay never checks out', async ({ browser }) => {
  test.setTimeout(120_000)
  const title = `离线扫码-${String(Date.now()).slice(-5)}`
  const { leader, taskPath } = await dispatchedTask(browser, title, '嘎查卫生室')
  await leader.getByRole('button', { name: '出示签到码' }).click()
  const url = await decodeQr(leader.getByRole('dialog').getByTestId('checkin-qr'))

  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' })
  await signInByApi(phone, '13900000009')
  const v = await phone.newPage()
  await v.goto(taskPath)
  await v.getByRole('button', { name: '报名' }).click()
  await expect(toast(v, '报名成功')).toBeVisible()
  await v.evaluate(() => navigator.serviceWorker.ready)
  await v.reload() // now under the worker's control

  // the camera opens the code's URL with no network: the worker answers with the offline page
  await phone.setOffline(true)
  await v.goto(url)
  await expect(v.getByTestId('offline')).toBeVisible()
  await v.getByTestId('offline-scan').getByRole('button', { name: '保存这次扫码' }).click()
  await expect(v.getByTestId('offline-scan-kept')).toContainText('待同步')
  const [item] = await queued(v)
  expect(item).toMatchObject({ taskId: taskPath.split('/').pop(), mode: 'auto', token: new URL(url).searchParams.get('t') })

  await phone.setOffline(false)
  await v.evaluate(() => dispatchEvent(new Event('online')))
  await expect(v.getByTestId('offline-scan-sent')).toBeVisible()
  expect(await queued(v)).toEqual([])
  for (let i = 0; i < 3; i++) expect((await phone.request.post('/api/checks', { data: item })).status()).toBe(200)
  await v.goto(taskPath)
  await expect(v.getByTestId('my-signup')).toContainText('已签到')
  await expect(v.getByTestId('my-signup')).not.toContainText('已签退')
})

