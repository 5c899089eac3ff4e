import { describe, expect, it } from 'vitest'
import { PERMISSIONS, ROLE_LEVEL, ROLE_PERMISSIONS, isPermission, permissionsOf, roleFitsLevel } from '@/lib/server/authz/permissions'
import { can, canAt, rootsFor, type Scope } from '@/lib/server/authz/scope'
import type { Role } from '@/lib/server/generated/prisma/enums'

// Unit tests may fake a scope; application code cannot (the brand is not exported).
const fakeScope = (assignments: { role: string; orgPath: string }[]) =>
  ({ userId: 'u', tenantId: 't', userName: 'x', assignments: assignments.map((a) => ({ ...a, orgUnitId: 'id', level: 'COMMUNITY', unitName: 'n' })) }) as unknown as Scope

describe('permissions table', () => {
  it('grants only known permissions', () => {
    for (const perms of Object.values(ROLE_PERMISSIONS)) for (const p of perms) expect(PERMISSIONS).toContain(p)
  })

  it('denies an unknown role and an unknown permission', () => {
    expect(permissionsOf('SUPERUSER')).toEqual([])
    expect(permissionsOf('__proto__')).toEqual([])
    expect(isPermission('org.delete')).toBe(false)
    const s = fakeScope([{ role: 'SUPERUSER', orgPath: '/r/' }])
    expect(can(s, 'org.read')).toBe(false)
    expect(rootsFor(s, 'org.read')).toEqual([])
  })

  it('lets only region officials manage the hierarchy', () => {
    const managers = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes('org.manage'))
    expect(managers).toEqual(['REGION_OFFICIAL'])
  })

  it('gives volunteers their home and no drill-down', () => {
    expect(ROLE_PERMISSIONS.VOLUNTEER).toContain('volunteer.home')
    expect(ROLE_PERMISSIONS.VOLUNTEER).not.toContain('org.browse')
  })

  it('places each role at one level', () => {
    expect(ROLE_LEVEL.REGION_OFFICIAL).toBe('REGION')
    expect(ROLE_LEVEL.LEAGUE_OFFICIAL).toBe('LEAGUE_CITY')
    expect(ROLE_LEVEL.COUNTY_OFFICIAL).toBe('BANNER_COUNTY')
    expect(ROLE_LEVEL.VOLUNTEER).toBe('COMMUNITY')
    expect(roleFitsLevel('COUNTY_OFFICIAL', 'BANNER_COUNTY')).toBe(true)
    expect(roleFitsLevel('VOLUNTEER', 'LEAGUE_CITY')).toBe(false)
    expect(roleFitsLevel('SUPERUSER', 'REGION')).toBe(false)
  })
})

describe('scope resolution', () => {
  it('is the union of the subtrees of the assignments, per permission', () => {
    const s = fakeScope([
      { role: 'COUNTY_OFFICIAL', orgPath: '/r/a/a1/' },
      { role: 'VOLUNTEER', orgPath: '/r/b/b1/c/' },
      { role: 'LEAGUE_OFFICIAL', orgPath: '/r/a/' },
    ])
    expect(rootsFor(s, 'org.read')).toEqual(['/r/a/', '/r/b/b1/c/'])
    expect(rootsFor(s, 'org.browse')).toEqual(['/r/a/'])
    expect(rootsFor(s, 'volunteer.home')).toEqual(['/r/b/b1/c/'])
    expect(canAt(s, 'org.browse', '/r/a/a2/x/')).toBe(true)
    expect(canAt(s, 'org.browse', '/r/b/b1/c/')).toBe(false)
    expect(canAt(s, 'org.read', '/r/b/b1/c/')).toBe(true)
    expect(canAt(s, 'org.read', '/r/')).toBe(false) // ancestors are not in scope
    expect(can(s, 'org.manage')).toBe(false)
  })
})
