// Authorization matrix: each role × (own subtree, sibling subtree, other tenant) → visible or 404.
import { beforeAll, describe, expect, it } from 'vitest'
import { getUnit, listChildUnits, searchUnits } from '@/lib/server/org/queries'
import { setPilot } from '@/lib/server/org/mutations'
import type { Role } from '@/lib/server/generated/prisma/enums'
import type { TestTree } from '@/tests/factories/org'
import { tree, userWith } from './helpers'

const Q = { pilot: 'all', page: 1, pageSize: 50 } as const

let t: TestTree
let other: TestTree
beforeAll(async () => {
  t = await tree()
  other = await tree()
})

type Case = { role: Role; at: (t: TestTree) => TestTree[keyof TestTree]; own: (t: TestTree) => string[]; sibling: (t: TestTree) => string[]; browse: boolean }
const ids = (...u: { id: string }[]) => u.map((x) => x.id)

const CASES: Case[] = [
  { role: 'REGION_OFFICIAL', at: (t) => t.region, own: (t) => ids(t.region, t.leagueB, t.countyA2, t.communityB1a), sibling: () => [], browse: true },
  { role: 'LEAGUE_OFFICIAL', at: (t) => t.leagueA, own: (t) => ids(t.leagueA, t.countyA1, t.communityA2a), sibling: (t) => ids(t.leagueB, t.countyB1, t.communityB1a, t.region), browse: true },
  { role: 'COUNTY_OFFICIAL', at: (t) => t.countyA1, own: (t) => ids(t.countyA1, t.communityA1b), sibling: (t) => ids(t.countyA2, t.communityA2a, t.leagueA), browse: true },
  ...(['COMMUNITY_ADMIN', 'SOCIAL_WORKER', 'SOCIAL_ORG_STAFF'] as const).map((role) => ({
    role, at: (t: TestTree) => t.communityA1a, own: (t: TestTree) => ids(t.communityA1a), sibling: (t: TestTree) => ids(t.communityA1b, t.countyA1), browse: true,
  })),
  ...(['TEAM_LEADER', 'VOLUNTEER'] as const).map((role) => ({
    role, at: (t: TestTree) => t.communityA1a, own: (t: TestTree) => ids(t.communityA1a), sibling: (t: TestTree) => ids(t.communityA1b, t.countyA1), browse: false,
  })),
]

describe.each(CASES)('$role', (c) => {
  it('sees its own subtree', async () => {
    const { scope } = await userWith(c.role, c.at(t) as never)
    for (const id of c.own(t)) {
      const r = await getUnit(scope, id)
      expect(r.ok, `${c.role} → own ${id}`).toBe(true)
    }
  })

  it('gets NOT_FOUND for a sibling subtree and for its ancestors', async () => {
    const { scope } = await userWith(c.role, c.at(t) as never)
    for (const id of c.sibling(t)) {
      expect(await getUnit(scope, id)).toEqual({ ok: false, error: 'NOT_FOUND' })
      expect(await listChildUnits(scope, id, Q)).toEqual({ ok: false, error: 'NOT_FOUND' })
    }
  })

  it('gets NOT_FOUND for every unit of another tenant, and finds none by search', async () => {
    const { scope } = await userWith(c.role, c.at(t) as never)
    for (const id of ids(other.region, other.leagueA, other.countyA1, other.communityA1a)) {
      expect(await getUnit(scope, id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    }
    const found = await searchUnits(scope, other.tenant.name.replace('测试省', ''))
    expect(found.total).toBe(0)
  })

  it(c.browse ? 'can drill down into child units' : 'cannot list child units', async () => {
    const { scope } = await userWith(c.role, c.at(t) as never)
    const unit = c.at(t) as { id: string; level: string }
    const r = await listChildUnits(scope, unit.id, Q)
    expect(r.ok).toBe(c.browse)
  })

  it(c.role === 'REGION_OFFICIAL' ? 'may designate pilots in its subtree' : 'may not designate pilots (NOT_FOUND)', async () => {
    const { scope } = await userWith(c.role, c.at(t) as never)
    const r = await setPilot(scope, t.communityA1b.id, { batch: '矩阵批次', start: '2026-03-01', end: '2027-02-28' })
    expect(r.ok).toBe(c.role === 'REGION_OFFICIAL')
    if (!r.ok) expect(r.error).toBe('NOT_FOUND')
    if (r.ok) await setPilot(scope, t.communityA1b.id, null)
  })
})

describe('deactivated users and users without roles', () => {
  it('a user with no role sees nothing', async () => {
    const { scope } = await userWith('VOLUNTEER', t.communityA1a)
    const none = { ...scope, assignments: [] } as typeof scope
    expect(await getUnit(none, t.communityA1a.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect((await searchUnits(none, '社区')).total).toBe(0)
  })

  it('a role held at the wrong level grants nothing', async () => {
    const { createUser } = await import('@/tests/factories/org')
    const { resolveScope } = await import('@/lib/server/authz/scope')
    const { prisma } = await import('./helpers')
    const u = await createUser(await prisma(), { tenantId: t.tenant.id, name: '错位', roles: [{ role: 'VOLUNTEER', unit: t.leagueA }] })
    const scope = (await resolveScope(u.id))!
    expect(scope.assignments).toEqual([])
    expect(await getUnit(scope, t.leagueA.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
  })

  it('a role at another tenant grants nothing', async () => {
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    const forged = { ...scope, tenantId: other.tenant.id } as typeof scope
    expect(await getUnit(forged, t.region.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
  })
})
