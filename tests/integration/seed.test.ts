import { describe, expect, it } from 'vitest'
import { DEMO_USERS, seed } from '@/prisma/seed'
import { verifyCredentials } from '@/lib/server/auth/credentials'
import { resolveScope } from '@/lib/server/authz/scope'
import { getUnit } from '@/lib/server/org/queries'
import { prisma } from './helpers'

// The seed writes fixed codes and phones, so it runs once per database: the pglite project gives
// this file its own database, and in the postgres project no other test uses these codes.
describe('seed: a realistic Inner Mongolia and a second tenant', () => {
  it('builds the real hierarchy, 100 pilots, demo users for every role, and is idempotent', async () => {
    const db = await prisma()
    const started = Date.now()
    await seed(db, () => {})
    const seconds = (Date.now() - started) / 1000
    const im = await db.tenant.findUniqueOrThrow({ where: { code: '150000' }, select: { id: true } })
    const count = (level: 'LEAGUE_CITY' | 'BANNER_COUNTY' | 'COMMUNITY', extra = {}) => db.orgUnit.count({ where: { tenantId: im.id, level, ...extra } })
    expect(await count('LEAGUE_CITY')).toBe(12)
    expect(await count('BANNER_COUNTY')).toBe(103)
    expect(await count('COMMUNITY')).toBeGreaterThan(2500)
    expect(await count('COMMUNITY', { pilotBatch: { not: null } })).toBe(100)
    // every league has pilots
    const leagues = await db.orgUnit.findMany({ where: { tenantId: im.id, level: 'LEAGUE_CITY' }, select: { path: true, name: true } })
    for (const l of leagues) expect(await db.orgUnit.count({ where: { path: { startsWith: l.path }, pilotBatch: { not: null } } }), l.name).toBeGreaterThanOrEqual(3)

    const xiaojie = await db.orgUnit.findFirstOrThrow({ where: { code: '150502006005' }, select: { name: true, subDistrict: true, pilotBatch: true, parent: { select: { name: true } } } })
    expect(xiaojie).toEqual({ name: '小街社区', subDistrict: '团结街道', pilotBatch: expect.any(String), parent: { name: '科尔沁区' } })
    const daiqin = await db.orgUnit.findFirstOrThrow({ where: { code: '152201007002' }, select: { name: true, subDistrict: true, parent: { select: { name: true } } } })
    expect(daiqin).toEqual({ name: '代钦社区', subDistrict: '五一街道', parent: { name: '乌兰浩特市' } })
    const gansu = await db.tenant.findUniqueOrThrow({ where: { code: '620000' }, select: { id: true } })
    expect((await db.orgUnit.findMany({ where: { tenantId: gansu.id, level: 'LEAGUE_CITY' }, select: { name: true }, orderBy: { code: 'asc' } })).map((u) => u.name)).toEqual(['金昌市', '白银市', '酒泉市'])
    expect(await db.orgUnit.count({ where: { tenantId: gansu.id, name: { in: ['龙广里社区', '水川路社区'] } } })).toBe(2)
    // the second tenant starts from empty communities: it founds its own teams (tests/e2e/tenant-workflow.spec.ts)
    expect(await db.team.count({ where: { tenantId: gansu.id } })).toBe(0)

    // demo users: every role, each can sign in and sees its own unit
    const roles = new Set(DEMO_USERS.map((u) => u.role))
    expect(roles.size).toBe(9)
    for (const u of DEMO_USERS) {
      const r = await verifyCredentials({ phone: u.phone, password: 'Ronghe@2026' })
      if (!r.ok) throw new Error(`${u.phone} cannot sign in`)
      const scope = (await resolveScope(r.value.userId))!
      expect(scope.assignments.map((a) => a.role)).toEqual([u.role])
      expect((await getUnit(scope, scope.assignments[0].orgUnitId)).ok).toBe(true)
    }

    // idempotent: a second run adds nothing
    const units = await db.orgUnit.count()
    const users = await db.user.count()
    await seed(db, () => {})
    expect(await db.orgUnit.count()).toBe(units)
    expect(await db.user.count()).toBe(users)
    expect(seconds).toBeLessThan(60)
  })
})
