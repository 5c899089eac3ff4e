import { beforeAll, describe, expect, it } from 'vitest'
import { ABSOLUTE_HOURS, startSession, touchSession } from '@/lib/server/auth/sessions'
import { changePassword } from '@/lib/server/users/password'
import { setVolunteerActive } from '@/lib/server/people/volunteers'
import { verifyCredentials } from '@/lib/server/auth/credentials'
import { passwordSignIn } from '@/lib/server/auth/sign-in'
import { makeT, messagesFor } from '@/lib/i18n'
import { checkLimit, LIMITS, purgeRateLimits } from '@/lib/server/security/rate-limit'
import { audit, purgeAudit, searchAudit, AUDIT_RETENTION_FLOOR_DAYS } from '@/lib/server/security/audit'
import { createTestTree, createUser, type TestTree } from '@/tests/factories/org'
import { prisma, tree, userWith } from './helpers'

let t: TestTree
beforeAll(async () => {
  t = await tree()
})

const hours = (base: Date, h: number) => new Date(base.getTime() + h * 3600_000)
const days = (base: Date, d: number) => new Date(base.getTime() + d * 24 * 3600_000)

describe('sessions', () => {
  it(`end ${ABSOLUTE_HOURS} hours after sign-in however busy (absolute timeout)`, async () => {
    const u = await createUser(await prisma(), { tenantId: t.tenant.id, name: '长会话', roles: [{ role: 'VOLUNTEER', unit: t.communityA1a }] })
    const sid = await startSession(u.id)
    const t0 = new Date()
    // a request every 20 minutes keeps it from idling out …
    for (let m = 20; m < ABSOLUTE_HOURS * 60; m += 20) expect(await touchSession(sid, u.id, new Date(t0.getTime() + m * 60_000))).toBe(true)
    // … but not past 12 hours
    expect(await touchSession(sid, u.id, hours(t0, ABSOLUTE_HOURS + 0.05))).toBe(false)
  })

  it('end everywhere else when the password changes; the old password stops working', async () => {
    const db = await prisma()
    const phone = '13700000001'
    const u = await createUser(db, { tenantId: t.tenant.id, name: '改密码', phone, password: 'OldSecret2026', roles: [{ role: 'VOLUNTEER', unit: t.communityA1a }] })
    const { scope } = { scope: (await import('@/lib/server/authz/scope').then((m) => m.resolveScope(u.id)))! }
    const here = await startSession(u.id)
    const phoneA = await startSession(u.id)
    const phoneB = await startSession(u.id)
    // bad input writes nothing and says which field
    const wrong = await changePassword(scope, here, { currentPassword: 'nope', newPassword: 'NewSecret2026', confirmPassword: 'NewSecret2026' })
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: 'validation.password.wrong' } })
    const common = await changePassword(scope, here, { currentPassword: 'OldSecret2026', newPassword: 'password123', confirmPassword: 'password123' })
    expect(common).toMatchObject({ ok: false, fieldErrors: { newPassword: 'validation.password.common' } })
    const mismatch = await changePassword(scope, here, { currentPassword: 'OldSecret2026', newPassword: 'NewSecret2026', confirmPassword: 'NewSecret2027' })
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: 'validation.confirm.mismatch' } })
    expect(await touchSession(phoneA, u.id)).toBe(true)

    const r = await changePassword(scope, here, { currentPassword: 'OldSecret2026', newPassword: 'NewSecret2026', confirmPassword: 'NewSecret2026' })
    expect(r).toEqual({ ok: true, value: { endedSessions: 2 } })
    expect(await touchSession(phoneA, u.id)).toBe(false)
    expect(await touchSession(phoneB, u.id)).toBe(false)
    expect(await touchSession(here, u.id)).toBe(true)
    expect(await verifyCredentials({ phone, password: 'OldSecret2026' })).toEqual({ ok: false, error: 'INVALID' })
    expect((await verifyCredentials({ phone, password: 'NewSecret2026' })).ok).toBe(true)
  })

  it('end when the community disables the account; only its own volunteers, never staff or others', async () => {
    const db = await prisma()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const neighbourAdmin = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const phone = '13700000002'
    const v = await createUser(db, { tenantId: t.tenant.id, name: '被停用', phone, password: 'Volunteer2026', roles: [{ role: 'VOLUNTEER', unit: t.communityA1a }] })
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a, [{ role: 'VOLUNTEER', unit: t.communityA1a }])
    const s1 = await startSession(v.id)
    const s2 = await startSession(v.id)

    expect(await setVolunteerActive(neighbourAdmin.scope, v.id, false)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await setVolunteerActive(admin.scope, worker.id, false)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await setVolunteerActive(admin.scope, admin.id, false)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await touchSession(s1, v.id)).toBe(true)

    expect(await setVolunteerActive(admin.scope, v.id, false)).toEqual({ ok: true, value: { endedSessions: 2 } })
    expect(await touchSession(s1, v.id)).toBe(false)
    expect(await touchSession(s2, v.id)).toBe(false)
    expect(await verifyCredentials({ phone, password: 'Volunteer2026' })).toEqual({ ok: false, error: 'INVALID' })
    expect((await db.user.findUniqueOrThrow({ where: { id: worker.id }, select: { active: true } })).active).toBe(true)

    expect(await setVolunteerActive(admin.scope, v.id, true)).toEqual({ ok: true, value: { endedSessions: 0 } })
    expect((await verifyCredentials({ phone, password: 'Volunteer2026' })).ok).toBe(true)
  })
})

describe('rate limits', () => {
  it('count per user and per IP in fixed windows, atomically under concurrency', async () => {
    const now = new Date('2026-11-23T08:00:00Z')
    const user = `limit-user-${Date.now()}`
    const { perUser, windowSeconds } = LIMITS.signIn
    // perUser + 5 concurrent attempts: exactly perUser pass
    const verdicts = await Promise.all(Array.from({ length: perUser + 5 }, () => checkLimit('signIn', { user }, now)))
    expect(verdicts.filter((v) => v.ok)).toHaveLength(perUser)
    const refused = verdicts.find((v) => !v.ok)!
    expect(refused).toEqual({ ok: false, retryAfterSeconds: windowSeconds })
    // the next window starts afresh
    expect((await checkLimit('signIn', { user }, new Date(now.getTime() + windowSeconds * 1000))).ok).toBe(true)
  })

  it('limit one IP across many users, and RATE_LIMIT_IP_FACTOR raises only the IP limit', async () => {
    const now = new Date('2026-11-23T09:00:00Z')
    const ip = `10.9.${Date.now() % 250}.1`
    const { perIp } = LIMITS.register
    for (let i = 0; i < perIp; i++) expect((await checkLimit('register', { user: `reg-${i}-${ip}`, ip }, now)).ok).toBe(true)
    expect((await checkLimit('register', { user: `reg-x-${ip}`, ip }, now)).ok).toBe(false)
    process.env.RATE_LIMIT_IP_FACTOR = '3'
    try {
      expect((await checkLimit('register', { user: `reg-y-${ip}`, ip }, now)).ok).toBe(true)
    } finally {
      delete process.env.RATE_LIMIT_IP_FACTOR
    }
  })

  it('sign-in: the attempt after the per-phone limit within 15 minutes is refused', async () => {
    const phone = '13700000003'
    await createUser(await prisma(), { tenantId: t.tenant.id, name: '限流', phone, password: 'Volunteer2026', roles: [{ role: 'VOLUNTEER', unit: t.communityA1a }] })
    const now = new Date()
    for (let i = 0; i < LIMITS.signIn.perUser; i++) expect((await checkLimit('signIn', { user: phone }, now)).ok).toBe(true)
    expect((await checkLimit('signIn', { user: phone }, now)).ok).toBe(false)
  })

  it('sign-in: a refused attempt says how many minutes are left of the limit window, rounded up', async () => {
    const phone = '13700000004'
    const windowMs = LIMITS.signIn.windowSeconds * 1000
    // 4 min 10 s into a window: 10 min 50 s are left → "11 分钟"
    const now = new Date(Math.floor(Date.now() / windowMs) * windowMs + 250_000)
    for (let i = 0; i < LIMITS.signIn.perUser; i++) expect((await checkLimit('signIn', { user: phone }, now)).ok).toBe(true)
    expect(await passwordSignIn({ phone, password: 'Volunteer2026' }, null, now)).toEqual({ ok: false, error: 'RATE_LIMITED', params: { minutes: 11 } })
    expect(await passwordSignIn({ phone, password: 'Volunteer2026' }, null, new Date(now.getTime() + windowMs - 250_000 - 30_000))).toEqual({ ok: false, error: 'RATE_LIMITED', params: { minutes: 1 } })
    expect(makeT(messagesFor('zh-CN'))('signIn.rateLimited', { minutes: 11 })).toBe('登录尝试过于频繁，请 11 分钟后再试。')
  })

  it('spent windows are purged after a day', async () => {
    const db = await prisma()
    await checkLimit('export', { user: 'purge-me' }, days(new Date(), -3))
    expect(await db.rateLimitBucket.count({ where: { key: 'export:u:purge-me' } })).toBe(1)
    expect(await purgeRateLimits()).toBeGreaterThanOrEqual(1)
    expect(await db.rateLimitBucket.count({ where: { key: 'export:u:purge-me' } })).toBe(0)
  })
})

describe('audit trail', () => {
  it('cannot be changed, truncated, or deleted younger than 180 days — by the database itself', async () => {
    const db = await prisma()
    await audit({ action: 'test.tamper', result: 'ok', actor: { id: 'x', tenantId: t.tenant.id }, ip: '10.0.0.1' })
    const e = await db.auditEntry.findFirstOrThrow({ where: { action: 'test.tamper' }, select: { id: true } })
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "result" = 'denied' WHERE "id" = $1`, e.id)).rejects.toThrow(/cannot be changed/)
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE "id" = $1`, e.id)).rejects.toThrow(/younger than 180 days/)
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/cannot be truncated/)
    await expect(db.auditEntry.update({ where: { id: e.id }, data: { action: 'x' } })).rejects.toThrow()
    expect((await db.auditEntry.findUniqueOrThrow({ where: { id: e.id }, select: { result: true } })).result).toBe('ok')
  })

  it('the purge removes only entries older than the retention, never below the 180-day floor', async () => {
    const db = await prisma()
    const now = new Date()
    const old = await db.auditEntry.create({ data: { tenantId: t.tenant.id, action: 'test.old', result: 'ok', at: days(now, -400) }, select: { id: true } })
    const middle = await db.auditEntry.create({ data: { tenantId: t.tenant.id, action: 'test.middle', result: 'ok', at: days(now, -200) }, select: { id: true } })
    const young = await db.auditEntry.create({ data: { tenantId: t.tenant.id, action: 'test.young', result: 'ok', at: days(now, -100) }, select: { id: true } })
    // asking for 30 days keeps the floor: only > 180 days go
    expect(await purgeAudit(now, 30)).toBe(2)
    expect(await db.auditEntry.count({ where: { id: { in: [old.id, middle.id] } } })).toBe(0)
    expect(await db.auditEntry.count({ where: { id: young.id } })).toBe(1)
    // the default (365) keeps a 200-day-old one
    const again = await db.auditEntry.create({ data: { tenantId: t.tenant.id, action: 'test.middle2', result: 'ok', at: days(now, -(AUDIT_RETENTION_FLOOR_DAYS + 20)) }, select: { id: true } })
    expect(await purgeAudit(now)).toBe(0)
    expect(await db.auditEntry.count({ where: { id: again.id } })).toBe(1)
  })

  it('region officials search their own tenant only; nobody else can', async () => {
    const db = await prisma()
    const other = await createTestTree(db)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const otherRegion = await userWith('REGION_OFFICIAL', other.region)
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    await audit({ action: 'needs.createNeed', result: 'ok', scope: worker.scope, target: 'need-xyz', ip: '10.1.2.3' })
    await audit({ action: 'needs.createNeed', result: 'ok', scope: otherRegion.scope, target: 'need-foreign', ip: '10.9.9.9' })

    const mine = (await searchAudit(region.scope, { q: 'need-' }))!
    expect(mine.rows.map((r) => r.target)).toEqual(['need-xyz'])
    expect(mine.rows[0]).toMatchObject({ actorName: '测试SOCIAL_WORKER', role: 'SOCIAL_WORKER', action: 'needs.createNeed', result: 'ok', ip: '10.1.2.3' })
    expect((await searchAudit(region.scope, { q: '10.1.2.3' }))!.total).toBe(1)
    expect((await searchAudit(region.scope, { q: 'need-', result: 'denied' }))!.total).toBe(0)
    expect((await searchAudit(otherRegion.scope, { q: 'need-' }))!.rows.map((r) => r.target)).toEqual(['need-foreign'])
    expect(await searchAudit(league.scope, {})).toBeNull()
    expect(await searchAudit(worker.scope, {})).toBeNull()
  })

  it('the audit log sorts as its URL says: newest first by default, by actor or action both ways', async () => {
    const t = await createTestTree(await prisma())
    const region = await userWith('REGION_OFFICIAL', t.region)
    // written with their own times, a second apart (entries written in one millisecond would tie)
    const entry = (n: number, actorName: string, action: string) => ({ tenantId: t.tenant.id, actorName, action, target: `sorted-${n}`, result: 'ok', at: new Date(Date.UTC(2026, 4, 1, 2, 0, n)) })
    await (await prisma()).auditEntry.createMany({ data: [entry(1, '测试SOCIAL_WORKER', 'needs.createNeed'), entry(2, '测试COMMUNITY_ADMIN', 'tasks.signUp'), entry(3, '测试SOCIAL_WORKER', 'exports.needs')] })
    const targets = async (q: Record<string, string>) => (await searchAudit(region.scope, { q: 'sorted-', ...q }))!.rows.map((r) => r.target)
    expect(await targets({})).toEqual(['sorted-3', 'sorted-2', 'sorted-1'])
    expect(await targets({ sort: 'at', dir: 'asc' })).toEqual(['sorted-1', 'sorted-2', 'sorted-3'])
    // by actor: 测试COMMUNITY_ADMIN before 测试SOCIAL_WORKER; one actor's entries newest first
    expect(await targets({ sort: 'actor' })).toEqual(['sorted-2', 'sorted-3', 'sorted-1'])
    expect(await targets({ sort: 'actor', dir: 'desc' })).toEqual(['sorted-3', 'sorted-1', 'sorted-2'])
    expect(await targets({ sort: 'action' })).toEqual(['sorted-3', 'sorted-1', 'sorted-2'])
    // an unknown sort falls back to the default order rather than failing
    expect(await targets({ sort: 'ip; drop', dir: 'sideways' })).toEqual(['sorted-3', 'sorted-2', 'sorted-1'])
  })
})
