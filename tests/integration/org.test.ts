import { beforeAll, describe, expect, it } from 'vitest'
import { getUnit, listChildUnits, listHomeUnits, searchUnits } from '@/lib/server/org/queries'
import { ORG_PATH_TABLES, moveUnit, renameUnit, setPilot } from '@/lib/server/org/mutations'
import { createNeed, listNeeds } from '@/lib/server/workflow/needs'
import { createTeam, ensureCategories } from '@/tests/factories/workflow'
import { createUnit, type TestTree } from '@/tests/factories/org'
import { isPostgres, prisma, tree, userWith } from './helpers'

const Q = { pilot: 'all', page: 1, pageSize: 50 } as const

describe('reading the hierarchy', () => {
  let t: TestTree
  beforeAll(async () => {
    t = await tree()
  })

  it('counts children, communities and pilots of a subtree', async () => {
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    const r = await getUnit(scope, t.region.id)
    if (!r.ok) throw new Error('expected ok')
    expect(r.value.counts).toEqual({ children: 2, communities: 4, pilots: 2 })
    expect(r.value.trail).toEqual([])
    const league = await getUnit(scope, t.leagueA.id)
    if (!league.ok) throw new Error('expected ok')
    expect(league.value.counts).toEqual({ children: 2, communities: 3, pilots: 1 })
    expect(league.value.trail.map((a) => a.id)).toEqual([t.region.id])
  })

  it('lists child units with per-child community and pilot counts, filters and pages', async () => {
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    const r = await listChildUnits(scope, t.region.id, Q)
    if (!r.ok) throw new Error('expected ok')
    expect(r.value.rows.map((x) => [x.name, x.communities, x.pilots])).toEqual([
      [t.leagueA.name, 3, 1],
      [t.leagueB.name, 1, 1],
    ])
    const counties = await listChildUnits(scope, t.leagueA.id, { ...Q, pilot: 'pilot' })
    if (!counties.ok) throw new Error('expected ok')
    expect(counties.value.rows.map((x) => x.id)).toEqual([t.countyA1.id])
    const comms = await listChildUnits(scope, t.countyA1.id, { ...Q, pilot: 'pilot' })
    if (!comms.ok) throw new Error('expected ok')
    expect(comms.value.rows.map((x) => x.id)).toEqual([t.communityA1a.id])
    const paged = await listChildUnits(scope, t.countyA1.id, { pilot: 'all', page: 2, pageSize: 1 } as never)
    if (!paged.ok) throw new Error('expected ok')
    expect(paged.value).toMatchObject({ total: 2, page: 2, pageCount: 2 })
    expect(paged.value.rows.map((x) => x.id)).toEqual([t.communityA1b.id])
    const searched = await listChildUnits(scope, t.countyA1.id, { ...Q, q: 'A1b' })
    if (!searched.ok) throw new Error('expected ok')
    expect(searched.value.rows.map((x) => x.id)).toEqual([t.communityA1b.id])
  })

  it('searches the whole subtree at any depth and shows where each hit sits', async () => {
    const { scope } = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const r = await searchUnits(scope, '社区')
    expect(r.rows.map((x) => x.id).sort()).toEqual([t.communityA1a.id, t.communityA1b.id, t.communityA2a.id].sort())
    const hit = r.rows.find((x) => x.id === t.communityA1a.id)!
    expect(hit.trail).toBe(`${t.leagueA.name} · ${t.countyA1.name}`) // the region is above the scope: not named
    // the URL's sort: by name, both ways (the default is by level, then by code)
    const byName = async (dir: 'asc' | 'desc') => (await searchUnits(scope, '社区', 1, 20, { sort: 'name', dir })).rows.map((x) => x.id)
    expect(await byName('asc')).toEqual([t.communityA1a.id, t.communityA1b.id, t.communityA2a.id])
    expect(await byName('desc')).toEqual([t.communityA2a.id, t.communityA1b.id, t.communityA1a.id])
  })

  it('gives each user one home card per held subtree', async () => {
    const { scope } = await userWith('COUNTY_OFFICIAL', t.countyA1, [{ role: 'VOLUNTEER', unit: t.communityB1a }, { role: 'SOCIAL_WORKER', unit: t.communityA1a }])
    expect((await listHomeUnits(scope)).map((u) => u.id)).toEqual([t.countyA1.id, t.communityB1a.id].sort((a, b) => (a === t.countyA1.id ? -1 : b === t.countyA1.id ? 1 : 0)))
  })
})

describe('moving and renaming keeps paths consistent', () => {
  it('moves a county with its communities to another league and rewrites every path', async () => {
    const t = await tree()
    const db = await prisma()
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const leagueOfficialA = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const leagueOfficialB = await userWith('LEAGUE_OFFICIAL', t.leagueB)
    const r = await moveUnit(scope, t.countyA1.id, t.leagueB.id)
    expect(r.ok).toBe(true)

    const units = await db.orgUnit.findMany({ where: { tenantId: t.tenant.id }, select: { id: true, parentId: true, path: true, depth: true } })
    const byId = new Map(units.map((u) => [u.id, u]))
    for (const u of units) {
      // every path = parent's path + own id, depth = number of ancestors
      const parent = u.parentId ? byId.get(u.parentId)! : null
      expect(u.path).toBe(`${parent?.path ?? '/'}${u.id}/`)
      expect(u.depth).toBe(parent ? parent.depth + 1 : 0)
    }
    expect(byId.get(t.communityA1a.id)!.path).toBe(`/${t.region.id}/${t.leagueB.id}/${t.countyA1.id}/${t.communityA1a.id}/`)
    const ra = await db.roleAssignment.findFirstOrThrow({ where: { userId: worker.id }, select: { orgPath: true } })
    expect(ra.orgPath).toBe(byId.get(t.communityA1a.id)!.path)

    // scope follows the move: league A no longer sees the county, league B does
    const { resolveScope } = await import('@/lib/server/authz/scope')
    expect((await getUnit((await resolveScope(leagueOfficialA.id))!, t.communityA1a.id)).ok).toBe(false)
    expect((await getUnit((await resolveScope(leagueOfficialB.id))!, t.communityA1a.id)).ok).toBe(true)
    const b = await getUnit((await resolveScope(leagueOfficialB.id))!, t.leagueB.id)
    expect(b.ok && b.value.counts).toEqual({ children: 2, communities: 3, pilots: 2 })
  })

  it('every table that carries an orgPath is rewritten by a move', async () => {
    const db = await prisma()
    const cols = await db.$queryRaw<{ table_name: string }[]>`SELECT table_name FROM information_schema.columns WHERE column_name = 'orgPath' AND table_schema = current_schema() ORDER BY 1`
    expect(cols.map((c) => c.table_name).sort()).toEqual([...ORG_PATH_TABLES].sort())
    const collations = await db.$queryRaw<{ table_name: string; collation_name: string | null }[]>`SELECT table_name, collation_name FROM information_schema.columns WHERE column_name IN ('orgPath', 'path') AND table_schema = current_schema()`
    expect(collations.every((c) => c.collation_name === 'C'), JSON.stringify(collations)).toBe(true)

    const t = await tree()
    const cat = await ensureCategories(db, t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const need = await createNeed(worker.scope, { orgUnitId: t.communityA1a.id, title: '搬迁测试', description: '随单位移动', categoryId: cat.OTHER, targetGroup: 'ALL_RESIDENTS', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' })
    if (!need.ok) throw new Error('need')
    await createTeam(db, { unit: t.communityA1a, name: '搬迁队' })
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    const leagueB = await userWith('LEAGUE_OFFICIAL', t.leagueB)
    expect((await listNeeds(leagueB.scope, { page: 1, pageSize: 20 })).total).toBe(0)
    expect((await moveUnit(scope, t.countyA1.id, t.leagueB.id)).ok).toBe(true)
    const moved = `/${t.region.id}/${t.leagueB.id}/${t.countyA1.id}/${t.communityA1a.id}/`
    expect((await db.need.findUniqueOrThrow({ where: { id: need.value.id }, select: { orgPath: true } })).orgPath).toBe(moved)
    expect((await db.team.findFirstOrThrow({ where: { name: '搬迁队', orgUnitId: t.communityA1a.id }, select: { orgPath: true } })).orgPath).toBe(moved)
    expect(await db.statusChange.count({ where: { entityId: need.value.id, orgPath: moved } })).toBe(1)
    expect((await listNeeds(leagueB.scope, { page: 1, pageSize: 20 })).rows.map((n) => n.id)).toEqual([need.value.id])
  })

  it('moves a community to another county', async () => {
    const t = await tree()
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    expect((await moveUnit(scope, t.communityA1b.id, t.countyB1.id)).ok).toBe(true)
    const db = await prisma()
    const u = await db.orgUnit.findUniqueOrThrow({ where: { id: t.communityA1b.id }, select: { path: true, parentId: true } })
    expect(u).toEqual({ parentId: t.countyB1.id, path: `${t.countyB1.path}${t.communityA1b.id}/` })
  })

  it('refuses a move to the wrong level, into its own subtree, or out of scope — and writes nothing', async () => {
    const t = await tree()
    const other = await tree()
    const db = await prisma()
    const before = await db.orgUnit.findMany({ where: { tenantId: t.tenant.id }, select: { id: true, path: true }, orderBy: { id: 'asc' } })
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    expect(await moveUnit(scope, t.communityA1a.id, t.leagueB.id)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { parentId: 'validation.move.level' } })
    expect(await moveUnit(scope, t.countyA1.id, other.leagueA.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    expect(await moveUnit(league.scope, t.communityA1a.id, t.countyA2.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    const after = await db.orgUnit.findMany({ where: { tenantId: t.tenant.id }, select: { id: true, path: true }, orderBy: { id: 'asc' } })
    expect(after).toEqual(before)
  })

  it('renames without touching any path', async () => {
    const t = await tree()
    const db = await prisma()
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    const paths = await db.orgUnit.findMany({ where: { tenantId: t.tenant.id }, select: { path: true }, orderBy: { path: 'asc' } })
    expect(await renameUnit(scope, t.countyA1.id, { name: '  新名字旗 ' })).toEqual({ ok: true, value: { id: t.countyA1.id } })
    expect(await renameUnit(scope, t.countyA1.id, { name: 'x' })).toMatchObject({ ok: false, error: 'INVALID', fieldErrors: { name: 'validation.unitName.short' } })
    const u = await db.orgUnit.findUniqueOrThrow({ where: { id: t.countyA1.id }, select: { name: true } })
    expect(u.name).toBe('新名字旗')
    expect(await db.orgUnit.findMany({ where: { tenantId: t.tenant.id }, select: { path: true }, orderBy: { path: 'asc' } })).toEqual(paths)
  })

  it('concurrent moves of the same subtree leave consistent paths', async () => {
    const t = await tree()
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    const results = await Promise.all([moveUnit(scope, t.countyA1.id, t.leagueB.id), moveUnit(scope, t.countyA2.id, t.leagueB.id), moveUnit(scope, t.countyA1.id, t.leagueA.id)])
    expect(results.every((r) => r.ok)).toBe(true)
    const db = await prisma()
    const units = await db.orgUnit.findMany({ where: { tenantId: t.tenant.id }, select: { id: true, parentId: true, path: true } })
    const byId = new Map(units.map((u) => [u.id, u]))
    for (const u of units) expect(u.path).toBe(`${u.parentId ? byId.get(u.parentId)!.path : '/'}${u.id}/`)
  })
})

describe('pilot designation', () => {
  it('validates field by field and writes nothing on error', async () => {
    const t = await tree()
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    const r = await setPilot(scope, t.communityA1b.id, { batch: '', start: '2026-13-01', end: '2027-01-01' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['batch', 'start'])
    const r2 = await setPilot(scope, t.communityA1b.id, { batch: '第二批', start: '2026-06-01', end: '2026-01-01' })
    expect(r2).toMatchObject({ ok: false, fieldErrors: { end: 'validation.pilotEnd.beforeStart' } })
    expect(await setPilot(scope, t.countyA1.id, { batch: '第二批', start: '2026-01-01', end: '2026-12-31' })).toMatchObject({ ok: false, error: 'INVALID' })
    const db = await prisma()
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: t.communityA1b.id }, select: { pilotBatch: true } })).pilotBatch).toBeNull()
  })

  it('designates and withdraws', async () => {
    const t = await tree()
    const { scope } = await userWith('REGION_OFFICIAL', t.region)
    expect((await setPilot(scope, t.communityA1b.id, { batch: '第二批', start: '2026-06-01', end: '2027-05-31' })).ok).toBe(true)
    const u = await getUnit(scope, t.communityA1b.id)
    expect(u.ok && u.value.pilot).toEqual({ batch: '第二批', start: '2026-06-01', end: '2027-05-31' })
    expect((await setPilot(scope, t.communityA1b.id, null)).ok).toBe(true)
    const v = await getUnit(scope, t.communityA1b.id)
    expect(v.ok && v.value.pilot).toBeNull()
  })
})

describe.runIf(isPostgres())('PostgreSQL plan', () => {
  it('answers a subtree prefix query from the path index', async () => {
    const t = await tree()
    const db = await prisma()
    for (let i = 0; i < 30; i++) await createUnit(db, { tenantId: t.tenant.id, parent: t.countyB1, level: 'COMMUNITY', name: `填充${i}社区`, code: `${t.tenant.code}-fill-${i}` })
    await db.$executeRawUnsafe('ANALYZE "OrgUnit"')
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off')
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN SELECT id FROM "OrgUnit" WHERE "path" LIKE $1`, `${t.leagueA.path}%`)
    })
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/OrgUnit_path_prefix_idx/)
  })
})
