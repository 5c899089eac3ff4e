import { beforeAll, describe, expect, it } from 'vitest'
import { IDLE_MINUTES, endSession, startSession, touchSession } from '@/lib/server/auth/sessions'
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
})
