import { describe, expect, it } from 'vitest'
import { createPracticeCase, getPracticeCase, listPracticeCases, movePracticeCase, updatePracticeCase } from '@/lib/server/projects/practice'
import { createNeed } from '@/lib/server/workflow/needs'
import { ensureCategories } from '@/tests/factories/workflow'
import { prisma, tree, userWith } from './helpers'

const body = (orgUnitId: string, extra: Record<string, unknown> = {}) => ({
  orgUnitId, title: '“小钦代办”让老人少跑腿', background: '社区老年人口占比高，代办需求集中', approach: '社工带领党员志愿者建立代办清单，按需派单', results: '半年代办 300 余件', lessons: '清单化、标准化是可复制的关键', ...extra,
})

describe('practice cases', () => {
  it('go county → league → region and into the library every tenant user can search', async () => {
    const t = await tree()
    const other = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const farVolunteer = await userWith('VOLUNTEER', t.communityB1a)
    const otherTenant = await userWith('REGION_OFFICIAL', other.region)
    await createNeed(worker.scope, { orgUnitId: t.communityA1a.id, title: '代办', description: '代办', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '2' })

    const c = await createPracticeCase(worker.scope, body(t.communityA1a.id))
    if (!c.ok) throw new Error(JSON.stringify(c))
    const id = c.value.id
    expect(await movePracticeCase(county.scope, id, 'COUNTY_PASSED')).toEqual({ ok: false, error: 'TRANSITION' }) // not submitted yet
    expect(await movePracticeCase(worker.scope, id, 'SUBMITTED')).toEqual({ ok: true, value: null })
    expect(await movePracticeCase(league.scope, id, 'LEAGUE_PASSED')).toEqual({ ok: false, error: 'TRANSITION' }) // county first
    expect(await movePracticeCase(region.scope, id, 'PUBLISHED')).toEqual({ ok: false, error: 'TRANSITION' })
    expect(await movePracticeCase(county.scope, id, 'COUNTY_PASSED', { comment: '数据翔实' })).toEqual({ ok: true, value: null })
    expect(await movePracticeCase(league.scope, id, 'RETURNED', {})).toMatchObject({ ok: false, fieldErrors: { comment: 'validation.comment.required' } })
    expect(await movePracticeCase(league.scope, id, 'RETURNED', { comment: '请补充志愿者培训做法' })).toEqual({ ok: true, value: null })
    expect(await updatePracticeCase(worker.scope, id, body(t.communityA1a.id, { approach: '社工带领党员志愿者建立代办清单，按需派单；每月培训志愿者' }))).toEqual({ ok: true, value: null })
    expect(await movePracticeCase(worker.scope, id, 'SUBMITTED')).toEqual({ ok: true, value: null })
    expect(await updatePracticeCase(worker.scope, id, body(t.communityA1a.id))).toEqual({ ok: false, error: 'TRANSITION' })
    expect((await movePracticeCase(county.scope, id, 'COUNTY_PASSED')).ok).toBe(true)
    expect((await movePracticeCase(league.scope, id, 'LEAGUE_PASSED')).ok).toBe(true)
    expect((await listPracticeCases(farVolunteer.scope, { library: true, page: 1, pageSize: 20 })).total).toBe(0) // not yet published
    expect(await getPracticeCase(farVolunteer.scope, id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect((await movePracticeCase(region.scope, id, 'PUBLISHED')).ok).toBe(true)

    const lib = await listPracticeCases(farVolunteer.scope, { library: true, q: '可复制', page: 1, pageSize: 20 })
    expect(lib.rows.map((r) => r.id)).toEqual([id])
    const read = await getPracticeCase(farVolunteer.scope, id)
    if (!read.ok) throw new Error('read')
    expect(read.value).toMatchObject({ status: 'PUBLISHED', moves: [], canEdit: false, history: [] })
    expect(read.value.figures).toMatchObject({ needs: 1 }) // snapshot taken at submission
    const mine = await getPracticeCase(worker.scope, id)
    expect(mine.ok && mine.value.history.map((h) => h.to)).toEqual(['DRAFT', 'SUBMITTED', 'COUNTY_PASSED', 'RETURNED', 'SUBMITTED', 'COUNTY_PASSED', 'LEAGUE_PASSED', 'PUBLISHED'])
    expect((await listPracticeCases(otherTenant.scope, { library: true, page: 1, pageSize: 20 })).total).toBe(0)
    expect(await getPracticeCase(otherTenant.scope, id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await createPracticeCase(farVolunteer.scope, body(t.communityB1a.id))).toMatchObject({ ok: false, fieldErrors: { orgUnitId: 'validation.community.required' } })
    expect(await createPracticeCase(worker.scope, body(t.communityA1a.id, { title: '', lessons: '<b>x</b>' }))).toMatchObject({ ok: false, fieldErrors: { title: 'validation.title.required', lessons: 'validation.noMarkup' } })
  })
})
