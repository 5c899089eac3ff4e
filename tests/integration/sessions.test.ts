import { beforeAll, describe, expect, it } from 'vitest'
import { IDLE_MINUTES, endSession, sessionCaller, sessionScope, startSession, touchSession } from '@/lib/server/auth/sessions'
import { unreadCount } from '@/lib/server/workflow/tasks'
import { resolveScope } from '@/lib/server/authz/scope'
import { createUser, type TestTree } from '@/tests/factories/org'
import { prisma, tree } from './helpers'

let t: TestTree
beforeAll(async () => {
  t = await tree()
})

const user = async () => createUser(await prisma(), { tenantId: t.tenant.id, name: '会话测试', roles: [{ role: 'VOLUNTEER', unit: t.communityA1a }] })
const minutes = (base: Date, m: number) => new Date(base.getTime() + m * 60_000)

describe('server-side sessions', () => {
  it(`stay alive while used and end after ${IDLE_MINUTES} idle minutes`, async () => {
    const u = await user()
    const sid = await startSession(u.id)
    const t0 = new Date()
    expect(await touchSession(sid, u.id, minutes(t0, 10))).toBe(true)
    expect(await touchSession(sid, u.id, minutes(t0, 35))).toBe(true) // 25 min after the last request
    expect(await touchSession(sid, u.id, minutes(t0, 64))).toBe(true) // 29 min after
    expect(await touchSession(sid, u.id, minutes(t0, 64 + IDLE_MINUTES + 1))).toBe(false)
  })

  it('end at sign-out, whatever the cookie says', async () => {
    const u = await user()
    const sid = await startSession(u.id)
    expect(await touchSession(sid, u.id)).toBe(true)
    await endSession(sid)
    expect(await touchSession(sid, u.id)).toBe(false)
  })

  it('belong to one user', async () => {
    const a = await user()
    const b = await user()
    const sid = await startSession(a.id)
    expect(await touchSession(sid, b.id)).toBe(false)
  })

  it('the one-statement check of a request (sessionScope) is touchSession + resolveScope', async () => {
    const db = await prisma()
    const u = await createUser(db, { tenantId: t.tenant.id, name: '多角色', roles: [{ role: 'VOLUNTEER', unit: t.communityA1a }, { role: 'SOCIAL_WORKER', unit: t.communityA1a }, { role: 'COUNTY_OFFICIAL', unit: t.countyA1 }] })
    const sid = await startSession(u.id)
    const t0 = new Date()
    const got = await sessionScope(sid, u.id, minutes(t0, 1))
    expect(got).toEqual(await resolveScope(u.id))
    expect(got!.assignments.map((a) => a.role).sort()).toEqual(['COUNTY_OFFICIAL', 'SOCIAL_WORKER', 'VOLUNTEER'])
    // a check slides the idle window as touchSession does (written at most once a minute)
    expect(await sessionScope(sid, u.id, minutes(t0, 25))).not.toBeNull()
    expect(await sessionScope(sid, u.id, minutes(t0, 50))).not.toBeNull() // 25 min after the last
    expect(await sessionScope(sid, u.id, minutes(t0, 50 + IDLE_MINUTES + 1))).toBeNull()
    // another user's session, a signed-out one, a deactivated user: nobody
    const other = await user()
    const sid2 = await startSession(u.id)
    expect(await sessionScope(sid2, other.id)).toBeNull()
    await endSession(sid2)
    expect(await sessionScope(sid2, u.id)).toBeNull()
    const sid3 = await startSession(u.id)
    expect(await sessionScope(sid3, u.id)).not.toBeNull()
    await db.user.update({ where: { id: u.id }, data: { active: false } })
    expect(await sessionScope(sid3, u.id)).toBeNull()
    // a user without roles is signed in with an empty scope, as resolveScope gives
    const bare = await createUser(db, { tenantId: t.tenant.id, name: '无角色', roles: [] })
    expect(await sessionScope(await startSession(bare.id), bare.id)).toEqual(await resolveScope(bare.id))
  })

  it('the same statement counts the unread notifications the shell shows', async () => {
    const db = await prisma()
    const u = await user()
    const sid = await startSession(u.id)
    expect((await sessionCaller(sid, u.id))!.unread).toBe(0)
    await db.notification.createMany({ data: [1, 2, 3].map((i) => ({ userId: u.id, kind: 'notify.confirmed', params: { i }, link: '/tasks', ...(i === 3 ? { readAt: new Date() } : {}) })) })
    const c = await sessionCaller(sid, u.id)
    expect(c!.unread).toBe(2)
    expect(c!.unread).toBe(await unreadCount(c!.scope))
  })

  it('a session older than 12 hours is over however busy', async () => {
    const u = await user()
    const sid = await startSession(u.id)
    const t0 = new Date()
    let now = t0
    for (let m = 20; m < 12 * 60; m += 20) expect(await sessionScope(sid, u.id, (now = minutes(t0, m)))).not.toBeNull()
    expect(await sessionScope(sid, u.id, minutes(t0, 12 * 60 + 1))).toBeNull()
    expect(now.getTime()).toBeGreaterThan(t0.getTime())
  })
})
