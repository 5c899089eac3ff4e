import { beforeAll, describe, expect, it } from 'vitest'
import { LOCK_MINUTES, MAX_FAILED_ATTEMPTS, verifyCredentials } from '@/lib/server/auth/credentials'
import { registerVolunteer } from '@/lib/server/users/register-volunteer'
import { resolveScope, can, canAt } from '@/lib/server/authz/scope'
import { createUser, uniquePhone, type TestTree } from '@/tests/factories/org'
import { makeT, messagesFor } from '@/lib/i18n'
import { prisma, tree } from './helpers'

let t: TestTree
beforeAll(async () => {
  t = await tree()
})

async function person(password = 'Secret123', active = true) {
  return createUser(await prisma(), { tenantId: t.tenant.id, name: '测试人', password, active, roles: [{ role: 'SOCIAL_WORKER', unit: t.communityA1a }] })
}

describe('sign-in by phone and password', () => {
  it('accepts the right password and records the sign-in', async () => {
    const u = await person()
    const r = await verifyCredentials({ phone: u.phone, password: 'Secret123' })
    expect(r).toEqual({ ok: true, value: { userId: u.id } })
    const row = await (await prisma()).user.findUniqueOrThrow({ where: { id: u.id }, select: { lastLoginAt: true } })
    expect(row.lastLoginAt).not.toBeNull()
  })

  it('answers INVALID alike for a wrong password, an unknown phone, bad input and a deactivated account', async () => {
    const u = await person()
    const off = await person('Secret123', false)
    expect(await verifyCredentials({ phone: u.phone, password: 'wrong' })).toEqual({ ok: false, error: 'INVALID' })
    expect(await verifyCredentials({ phone: uniquePhone(), password: 'Secret123' })).toEqual({ ok: false, error: 'INVALID' })
    expect(await verifyCredentials({ phone: 'abc', password: '' })).toEqual({ ok: false, error: 'INVALID' })
    expect(await verifyCredentials({ phone: off.phone, password: 'Secret123' })).toEqual({ ok: false, error: 'INVALID' })
    expect(await resolveScope(off.id)).toBeNull()
  })

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_ATTEMPTS} wrong passwords`, async () => {
    const u = await person()
    const now = new Date()
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) expect(await verifyCredentials({ phone: u.phone, password: 'nope' }, now)).toEqual({ ok: false, error: 'INVALID' })
    expect(await verifyCredentials({ phone: u.phone, password: 'nope' }, now)).toEqual({ ok: false, error: 'LOCKED', params: { minutes: LOCK_MINUTES } })
    // locked: even the right password is refused until the lock expires; the answer says how many minutes are left, rounded up
    expect(await verifyCredentials({ phone: u.phone, password: 'Secret123' }, new Date(now.getTime() + 60_000))).toEqual({ ok: false, error: 'LOCKED', params: { minutes: LOCK_MINUTES - 1 } })
    expect(await verifyCredentials({ phone: u.phone, password: 'Secret123' }, new Date(now.getTime() + 90_000))).toEqual({ ok: false, error: 'LOCKED', params: { minutes: LOCK_MINUTES - 1 } })
    expect(await verifyCredentials({ phone: u.phone, password: 'Secret123' }, new Date(now.getTime() + (LOCK_MINUTES - 1) * 60_000))).toEqual({ ok: false, error: 'LOCKED', params: { minutes: 1 } })
    expect(await verifyCredentials({ phone: u.phone, password: 'Secret123' }, new Date(now.getTime() + LOCK_MINUTES * 60_000 - 5_000))).toEqual({ ok: false, error: 'LOCKED', params: { minutes: 1 } })
    // the minutes come from the stored expiry, not from a constant
    const { lockedUntil } = await (await prisma()).user.findUniqueOrThrow({ where: { id: u.id }, select: { lockedUntil: true } })
    expect(lockedUntil?.getTime()).toBe(now.getTime() + LOCK_MINUTES * 60_000)
    await (await prisma()).user.update({ where: { id: u.id }, data: { lockedUntil: new Date(now.getTime() + 3 * 60_000 + 1) } })
    expect(await verifyCredentials({ phone: u.phone, password: 'Secret123' }, now)).toEqual({ ok: false, error: 'LOCKED', params: { minutes: 4 } })
    const zh = makeT(messagesFor('zh-CN'))
    expect(zh('signIn.locked', { minutes: 4 })).toBe('密码连续输错 5 次，账号已锁定，请 4 分钟后再试。')
    await (await prisma()).user.update({ where: { id: u.id }, data: { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) } })
    expect(await verifyCredentials({ phone: u.phone, password: 'Secret123' }, new Date(now.getTime() + LOCK_MINUTES * 60_000 + 1000))).toMatchObject({ ok: true })
  })

  it('a successful sign-in resets the count of failures', async () => {
    const u = await person()
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await verifyCredentials({ phone: u.phone, password: 'nope' })
    expect((await verifyCredentials({ phone: u.phone, password: 'Secret123' })).ok).toBe(true)
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) expect(await verifyCredentials({ phone: u.phone, password: 'nope' })).toEqual({ ok: false, error: 'INVALID' })
  })

  it('counts concurrent wrong guesses: a burst cannot slip past the lock', async () => {
    const u = await person()
    const results = await Promise.all(Array.from({ length: 12 }, () => verifyCredentials({ phone: u.phone, password: 'nope' })))
    expect(results.filter((r) => !r.ok && r.error === 'LOCKED').length).toBeGreaterThanOrEqual(1)
    expect(await verifyCredentials({ phone: u.phone, password: 'Secret123' })).toEqual({ ok: false, error: 'LOCKED', params: { minutes: LOCK_MINUTES } })
  })
})

describe('volunteer self-registration', () => {
  const valid = () => ({ phone: uniquePhone(), name: '志愿者小王', password: 'grassland 2026', confirmPassword: 'grassland 2026', communityId: t.communityA1b.id })

  it('creates an account usable at once as a volunteer of that community', async () => {
    const input = valid()
    const r = await registerVolunteer(input)
    if (!r.ok) throw new Error(JSON.stringify(r))
    const signIn = await verifyCredentials({ phone: input.phone, password: input.password })
    expect(signIn).toEqual({ ok: true, value: { userId: r.value.userId } })
    const scope = (await resolveScope(r.value.userId))!
    expect(scope.tenantId).toBe(t.tenant.id)
    expect(scope.assignments.map((a) => [a.role, a.orgUnitId])).toEqual([['VOLUNTEER', t.communityA1b.id]])
    expect(can(scope, 'volunteer.home')).toBe(true)
    expect(canAt(scope, 'org.read', t.communityA1b.path)).toBe(true)
    expect(canAt(scope, 'org.read', t.communityA1a.path)).toBe(false)
  })

  it('gives field-level errors and writes nothing on bad input', async () => {
    const db = await prisma()
    const before = await db.user.count()
    const r = await registerVolunteer({ phone: '123', name: 'x', password: 'short', confirmPassword: 'other', communityId: 'nope' })
    expect(r).toMatchObject({
      ok: false,
      error: 'INVALID',
      fieldErrors: { phone: 'validation.phone.format', name: 'validation.name.short', password: 'validation.password.short', communityId: 'validation.community.required' },
    })
    expect(await registerVolunteer({ ...valid(), confirmPassword: 'abc12346' })).toMatchObject({ fieldErrors: { confirmPassword: 'validation.confirm.mismatch' } })
    expect(await registerVolunteer({ ...valid(), password: '12345678', confirmPassword: '12345678' })).toMatchObject({ fieldErrors: { password: 'validation.password.common' } })
    expect(await registerVolunteer({ ...valid(), password: 'Password123', confirmPassword: 'Password123' })).toMatchObject({ fieldErrors: { password: 'validation.password.common' } })
    // a county is not a community
    expect(await registerVolunteer({ ...valid(), communityId: t.countyA1.id })).toMatchObject({ fieldErrors: { communityId: 'validation.community.required' } })
    expect(await db.user.count()).toBe(before)
  })

  it('refuses a phone number that is already registered, even when two sign-ups race', async () => {
    const input = valid()
    const results = await Promise.all([registerVolunteer(input), registerVolunteer({ ...input, name: '另一个人' })])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { phone: 'validation.phone.taken' } })
    expect(await (await prisma()).user.count({ where: { phone: input.phone } })).toBe(1)
    expect(await registerVolunteer(input)).toMatchObject({ fieldErrors: { phone: 'validation.phone.taken' } })
  })

})
