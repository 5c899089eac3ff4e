// The dashboards' freshness promise, through their per-unit cache (lib/server/stats/dashboard.ts): a new
// record shows on every level's dashboard requested 1 s (DASHBOARD_CACHE_MS) after it was recorded —
// on a fake clock to the millisecond, and in real time (a wait of 1.05 s); concurrent callers share one
// computation; a caller's own rights still decide the trail and the drill-downs of a cached dashboard.
import { describe, expect, it } from 'vitest'
import { createNeed } from '@/lib/server/workflow/needs'
import { dashboard, dashboardCache, DASHBOARD_CACHE_MS } from '@/lib/server/stats/dashboard'
import type { Scope } from '@/lib/server/authz/scope'
import { chinaDate } from '@/lib/china-time'
import { ensureCategories } from '@/tests/factories/workflow'
import type { UnitRef } from '@/tests/factories/org'
import { prisma, tree, userWith } from './helpers'

const today = () => ({ period: 'custom', from: chinaDate(), to: chinaDate() })

async function collected(scope: Scope, unit: UnitRef, at: Date) {
  const d = await dashboard(scope, { unit: unit.id, ...today() }, at)
  if (!d.ok) throw new Error('dashboard')
  return d.value
}

async function recordNeed(scope: Scope, unit: UnitRef, categoryId: string, title: string) {
  const n = await createNeed(scope, { orgUnitId: unit.id, title, description: '说明', categoryId, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' })
  if (!n.ok) throw new Error(JSON.stringify(n))
}

describe('dashboard freshness (≤ 1 s, through the cache)', () => {
  it('promises 1 s', () => {
    expect(DASHBOARD_CACHE_MS).toBeGreaterThan(0)
    expect(DASHBOARD_CACHE_MS).toBeLessThanOrEqual(1_000)
  })

  it('on a fake clock: a need recorded after a dashboard was computed shows on every level 1 s after that computation began', async () => {
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const levels = [t.region, t.leagueA, t.countyA1, t.communityA1a]
    const t0 = Date.now()
    const before = await Promise.all(levels.map((u) => collected(region.scope, u, new Date(t0))))
    await recordNeed(worker.scope, t.communityA1a, cat.OTHER, '新鲜度')
    // within the second the cache may serve what it computed at t0 (it does: the figures are the same object)
    const cachedNow = await collected(region.scope, t.region, new Date(t0 + DASHBOARD_CACHE_MS - 1))
    expect(cachedNow.figures).toBe(before[0].figures)
    // from t0 + 1 s every level shows it
    const after = await Promise.all(levels.map((u) => collected(region.scope, u, new Date(t0 + DASHBOARD_CACHE_MS))))
    for (const [i, u] of levels.entries()) expect(after[i].figures.needsCollected - before[i].figures.needsCollected, u.name).toBe(1)
  })

  it('refreshes ahead: past half its life an entry is still served while its successor computes, and that successor is fresh', async () => {
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const t0 = Date.now()
    const first = await collected(region.scope, t.countyA1, new Date(t0))
    await recordNeed(worker.scope, t.communityA1a, cat.OTHER, '预取')
    const half = t0 + DASHBOARD_CACHE_MS / 2
    const stillOld = await collected(region.scope, t.countyA1, new Date(half)) // served at once; starts the successor
    expect(stillOld.figures).toBe(first.figures)
    const next = await collected(region.scope, t.countyA1, new Date(t0 + DASHBOARD_CACHE_MS)) // the successor, begun at t0 + ½ s
    expect(next.figures.needsCollected).toBe(first.figures.needsCollected + 1)
    expect((await collected(region.scope, t.countyA1, new Date(half + DASHBOARD_CACHE_MS - 1))).figures).toBe(next.figures)
  })

  it('in real time: a need shows within 1 s (a wait of 1.05 s), on the county and the region', async () => {
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const before = await Promise.all([t.region, t.countyA1].map((u) => collected(region.scope, u, new Date())))
    await recordNeed(worker.scope, t.communityA1a, cat.OTHER, '实时')
    await new Promise((r) => setTimeout(r, 1_050))
    const after = await Promise.all([t.region, t.countyA1].map((u) => collected(region.scope, u, new Date())))
    expect(after.map((d, i) => d.figures.needsCollected - before[i].figures.needsCollected)).toEqual([1, 1])
  })

  it('ten concurrent callers share one computation; each caller still gets their own trail and drill-downs', async () => {
    const t = await tree()
    const region = await userWith('REGION_OFFICIAL', t.region)
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    dashboardCache.clear()
    const at = new Date()
    const all = await Promise.all(Array.from({ length: 10 }, () => dashboard(region.scope, { unit: t.countyA1.id, ...today() }, at)))
    const figures = new Set(all.map((d) => (d.ok ? d.value.figures : null)))
    expect(figures.size).toBe(1)
    expect([...figures][0]).not.toBeNull()
    // the league official reads the same cached county, with the trail of what they may browse
    const mine = await dashboard(league.scope, { unit: t.countyA1.id, ...today() }, at)
    const theirs = all[0]
    if (!mine.ok || !theirs.ok) throw new Error('dashboard')
    expect(mine.value.figures).toBe(theirs.value.figures)
    expect(theirs.value.trail.map((a) => a.id)).toEqual([t.region.id, t.leagueA.id])
    expect(mine.value.trail.map((a) => a.id)).toEqual([t.leagueA.id])
    // and a unit outside the caller's rights is not found, cached or not
    expect(await dashboard(league.scope, { unit: t.leagueB.id, ...today() }, at)).toEqual({ ok: false, error: 'NOT_FOUND' })
    const regionHome = await dashboard(region.scope, {}, at)
    expect(regionHome.ok && regionHome.value.unit.id).toBe(t.region.id)
    expect(regionHome.ok && regionHome.value.children.every((c) => c.canOpen)).toBe(true)
  })
})
