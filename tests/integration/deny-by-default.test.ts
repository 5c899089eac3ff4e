import { describe, expect, it } from 'vitest'
import { rowScopeWhere, unitScopeWhere } from '@/lib/server/authz/scope'
import { prisma, tree, userWith } from './helpers'

// Prisma treats `OR: []` as false at the top of a where but as true when nested. A scope filter for a
// permission the caller lacks must match nothing wherever a query places it.
describe('scope filters without any root', () => {
  it('match nothing at the top, nested in OR, and inside AND', async () => {
    const t = await tree()
    const db = await prisma()
    const { scope } = await userWith('VOLUNTEER', t.communityA1a) // holds no org.browse, no need.read
    const none = unitScopeWhere(scope, 'org.browse')
    expect(await db.orgUnit.count({ where: none })).toBe(0)
    expect(await db.orgUnit.count({ where: { OR: [{ id: 'none' }, none] } })).toBe(0)
    expect(await db.orgUnit.count({ where: { AND: [{ tenantId: t.tenant.id }, none] } })).toBe(0)
    expect(await db.need.count({ where: { OR: [{ id: 'none' }, rowScopeWhere(scope, 'need.read')] } })).toBe(0)
    // and a held permission still works nested
    expect(await db.orgUnit.count({ where: { OR: [{ id: 'none' }, unitScopeWhere(scope, 'org.read')] } })).toBe(1)
  })
})
