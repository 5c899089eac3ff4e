import { describe, expect, it } from 'vitest'
import { addEvidence, getPilotTasks, listPilots } from '@/lib/server/projects/pilot-tasks'
import { createProject, moveProject } from '@/lib/server/projects/projects'
import { createPracticeCase, movePracticeCase } from '@/lib/server/projects/practice'
import { createNeed } from '@/lib/server/workflow/needs'
import { createServiceItem } from '@/lib/server/workflow/services'
import { claimOrder, dispatchOrder } from '@/lib/server/workflow/orders'
import { createTeam, ensureCategories } from '@/tests/factories/workflow'
import { prisma, tree, userWith } from './helpers'

describe('the four pilot tasks', () => {
  it('are derived from live data, step by step, with evidence and the timeline', async () => {
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const tasks = async () => {
      const r = await getPilotTasks(county.scope, t.communityA1a.id, new Date('2026-09-01'))
      if (!r.ok) throw new Error('pilot')
      return r.value
    }
    expect((await tasks()).tasks).toEqual(['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED'])
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    expect((await tasks()).tasks[0]).toBe('IN_PROGRESS')
    const need = await createNeed(worker.scope, { orgUnitId: t.communityA1a.id, title: '四项任务', description: '测试', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' })
    if (!need.ok) throw new Error('need')
    expect((await tasks()).tasks[0]).toBe('MET')

    const leader = await userWith('TEAM_LEADER', t.communityA1a)
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const team = await createTeam(db, { unit: t.communityA1a, name: '四项任务队', leaderId: leader.id })
    expect((await tasks()).tasks[1]).toBe('IN_PROGRESS')
    const service = await createServiceItem(worker.scope, { needId: need.value.id, title: '服务', description: '说明', resourceIds: [] })
    if (!service.ok) throw new Error('service')
    const order = await dispatchOrder(admin.scope, { serviceItemId: service.value.id, teamId: team.id })
    if (!order.ok) throw new Error('order')
    await claimOrder(leader.scope, order.value.id, team.id)
    expect((await tasks()).tasks[1]).toBe('MET')

    const project = await createProject(worker.scope, { orgUnitId: t.communityA1a.id, name: '四项任务项目', targetGroups: ['ELDERLY'], objectives: '目标', plannedActivities: '活动', leadId: worker.id, fundingSource: 'CHARITY', fundingYuan: '100', startDate: '2026-03-01', endDate: '2027-02-28' })
    if (!project.ok) throw new Error(JSON.stringify(project))
    expect((await tasks()).tasks[2]).toBe('IN_PROGRESS')
    await moveProject(worker.scope, project.value.id, 'SUBMITTED')
    await moveProject(county.scope, project.value.id, 'APPROVED')
    await moveProject(worker.scope, project.value.id, 'RUNNING')
    expect((await tasks()).tasks[2]).toBe('MET')

    const pc = await createPracticeCase(worker.scope, { orgUnitId: t.communityA1a.id, title: '案例', background: '背景', approach: '做法', results: '成效', lessons: '启示' })
    if (!pc.ok) throw new Error('case')
    expect((await tasks()).tasks[3]).toBe('IN_PROGRESS')
    await movePracticeCase(worker.scope, pc.value.id, 'SUBMITTED')
    await movePracticeCase(county.scope, pc.value.id, 'COUNTY_PASSED')
    await movePracticeCase(league.scope, pc.value.id, 'LEAGUE_PASSED')
    await movePracticeCase(region.scope, pc.value.id, 'PUBLISHED')
    const done = await tasks()
    expect(done.tasks).toEqual(['MET', 'MET', 'MET', 'MET'])
    expect(done.timeline).toMatchObject({ daysLeft: 180 })
    expect(done.timeline.elapsed).toBeCloseTo(184 / 364, 2)

    expect(await addEvidence(worker.scope, t.communityA1a.id, { task: '5', title: 'x', url: 'javascript:alert(1)' })).toMatchObject({ ok: false, fieldErrors: { task: 'validation.pilotTask.required', title: 'validation.title.short', url: 'validation.url.format' } })
    expect(await addEvidence(worker.scope, t.communityA1a.id, { task: '2', title: '九支队伍名单', url: 'https://example.org/teams.pdf' })).toEqual({ ok: true, value: null })
    expect(await addEvidence(county.scope, t.communityA1a.id, { task: '2', title: '官员不附证据' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await addEvidence(worker.scope, t.communityA1b.id, { task: '2', title: '非试点社区' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect((await tasks()).evidence.map((e) => [e.task, e.title])).toEqual([[2, '九支队伍名单']])

    const pilots = await listPilots(league.scope, { page: 1, pageSize: 20 }, new Date('2026-09-01'))
    expect(pilots.rows.map((p) => [p.name, p.tasks.join(',')])).toEqual([[t.communityA1a.name, 'MET,MET,MET,MET']]) // A1b is no pilot; B1a is another league
    expect(pilots.summary).toEqual({ pilots: 1, met: [1, 1, 1, 1] })
    const sibling = await userWith('COUNTY_OFFICIAL', t.countyA2)
    expect(await getPilotTasks(sibling.scope, t.communityA1a.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect((await listPilots(sibling.scope, { page: 1, pageSize: 20 })).total).toBe(0)
  })

  it('are listed in the order the URL names: by name, both ways', async () => {
    const t = await tree()
    const region = await userWith('REGION_OFFICIAL', t.region)
    const byName = async (dir: 'asc' | 'desc') => (await listPilots(region.scope, { sort: 'name', dir, page: 1, pageSize: 20 })).rows.map((p) => p.id)
    expect(await byName('asc')).toEqual([t.communityA1a.id, t.communityB1a.id])
    expect(await byName('desc')).toEqual([t.communityB1a.id, t.communityA1a.id])
  })
})
