import { describe, expect, it } from 'vitest'
import { addActivity, addExpense, createProject, getProject, listProjects, moveProject, updateProject } from '@/lib/server/projects/projects'
import { createNeed } from '@/lib/server/workflow/needs'
import { claimOrder, dispatchOrder } from '@/lib/server/workflow/orders'
import { checkIn, checkOut, createTask, signUp } from '@/lib/server/workflow/tasks'
import { createTeam, ensureCategories } from '@/tests/factories/workflow'
import { prisma, tree, userWith } from './helpers'

const hour = 3_600_000

async function world() {
  const t = await tree()
  const db = await prisma()
  const cat = await ensureCategories(db, t.tenant.id)
  const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
  const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
  const leader = await userWith('TEAM_LEADER', t.communityA1a)
  const volunteer = await userWith('VOLUNTEER', t.communityA1a)
  const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
  const team = await createTeam(db, { unit: t.communityA1a, name: '牵牛花志愿服务队', leaderId: leader.id, memberIds: [volunteer.id] })
  const need = await createNeed(worker.scope, { orgUnitId: t.communityA1a.id, title: '老人代办', description: '行动不便老人需要代办事务', categoryId: cat.CONVENIENCE, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'NORMAL', peopleAffected: '8' })
  if (!need.ok) throw new Error('need')
  return { t, cat, worker, admin, leader, volunteer, county, team, needId: need.value.id }
}
type W = Awaited<ReturnType<typeof world>>

const input = (w: W, extra: Record<string, unknown> = {}) => ({
  orgUnitId: w.t.communityA1a.id, name: '小钦代办', brand: '小钦代办', targetGroups: ['ELDERLY', 'DISABLED'], objectives: '为行动不便的老人代办各类事务', plannedActivities: '每周两次上门代办',
  leadId: w.worker.id, teamIds: [w.team.id], needIds: [w.needId], fundingSource: 'GOVERNMENT_PURCHASE', fundingYuan: '20000.50', startDate: '2026-03-01', endDate: '2027-02-28', ...extra,
})

describe('joint projects', () => {
  it('draft → submitted → returned with comments → resubmitted → approved by the county → running → evaluating → completed', async () => {
    const w = await world()
    const created = await createProject(w.worker.scope, input(w))
    if (!created.ok) throw new Error(JSON.stringify(created))
    const id = created.value.id
    expect(await moveProject(w.worker.scope, id, 'APPROVED')).toEqual({ ok: false, error: 'TRANSITION' }) // a worker does not approve
    expect(await moveProject(w.worker.scope, id, 'RUNNING')).toEqual({ ok: false, error: 'TRANSITION' }) // draft cannot run
    expect(await moveProject(w.worker.scope, id, 'SUBMITTED')).toEqual({ ok: true, value: null })
    expect(await updateProject(w.worker.scope, id, input(w, { name: '改名' }))).toEqual({ ok: false, error: 'TRANSITION' }) // under review
    expect(await moveProject(w.county.scope, id, 'RETURNED', { comment: '' })).toMatchObject({ ok: false, fieldErrors: { comment: 'validation.comment.required' } })
    expect(await moveProject(w.county.scope, id, 'RETURNED', { comment: '请补充经费预算' })).toEqual({ ok: true, value: null })
    expect(await updateProject(w.worker.scope, id, input(w, { fundingYuan: '18000' }))).toEqual({ ok: true, value: null })
    expect(await moveProject(w.worker.scope, id, 'SUBMITTED')).toEqual({ ok: true, value: null })
    const sibling = await userWith('COUNTY_OFFICIAL', w.t.countyA2)
    expect(await moveProject(sibling.scope, id, 'APPROVED')).toEqual({ ok: false, error: 'NOT_FOUND' })
    const league = await userWith('LEAGUE_OFFICIAL', w.t.leagueA)
    expect(await moveProject(league.scope, id, 'APPROVED')).toEqual({ ok: false, error: 'TRANSITION' }) // the banner/county approves
    expect(await moveProject(w.county.scope, id, 'APPROVED', { comment: '同意' })).toEqual({ ok: true, value: null })
    expect(await addActivity(w.worker.scope, id, { title: '代办', description: '上门', categoryId: w.cat.CONVENIENCE })).toEqual({ ok: false, error: 'TRANSITION' }) // not running yet
    expect(await moveProject(w.worker.scope, id, 'RUNNING')).toEqual({ ok: true, value: null })

    // an activity goes through the existing dispatch flow
    const activity = await addActivity(w.worker.scope, id, { title: '周三代办', description: '上门代办缴费', categoryId: w.cat.CONVENIENCE })
    if (!activity.ok) throw new Error('activity')
    const order = await dispatchOrder(w.admin.scope, { serviceItemId: activity.value.id, teamId: w.team.id })
    if (!order.ok) throw new Error(JSON.stringify(order))
    expect((await claimOrder(w.leader.scope, order.value.id, w.team.id)).ok).toBe(true)
    const start = Date.now() + 48 * hour
    const task = await createTask(w.leader.scope, { orderId: order.value.id, title: '周三代办', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * hour).toISOString(), place: '社区', slots: '3', signupDeadline: new Date(start - hour).toISOString() })
    if (!task.ok) throw new Error('task')
    await signUp(w.volunteer.scope, task.value.id)
    await checkIn(w.leader.scope, task.value.id, { volunteerId: w.volunteer.id }, new Date(start))
    await checkOut(w.leader.scope, task.value.id, { volunteerId: w.volunteer.id }, new Date(start + 2 * hour))
    expect((await addExpense(w.worker.scope, id, { amountYuan: '350.5', purpose: '交通补贴', spentOn: '2026-04-01' })).ok).toBe(true)
    expect((await addExpense(w.worker.scope, id, { amountYuan: '-50', purpose: '冲正：多报交通费', spentOn: '2026-04-02' })).ok).toBe(true)
    expect(await addExpense(w.worker.scope, id, { amountYuan: '1.234', purpose: '错误金额', spentOn: '2026-04-02' })).toMatchObject({ ok: false, fieldErrors: { amountYuan: 'validation.amount.format' } })
    // the need the project answers is resolved through the needs workflow; here its outcome is set directly
    await (await prisma()).need.update({ where: { id: w.needId }, data: { status: 'RESOLVED', satisfaction: 4, outcome: '已完成代办' } })

    expect(await moveProject(w.worker.scope, id, 'EVALUATING')).toEqual({ ok: true, value: null })
    expect(await moveProject(w.worker.scope, id, 'COMPLETED')).toEqual({ ok: true, value: null })
    expect(await moveProject(w.worker.scope, id, 'RUNNING')).toEqual({ ok: false, error: 'TRANSITION' })

    const p = await getProject(w.county.scope, id)
    if (!p.ok) throw new Error('project')
    expect(p.value).toMatchObject({ status: 'COMPLETED', fundingFen: 1_800_000, reviewComment: '同意', moves: [], canManage: false })
    expect(p.value.stats).toEqual({ tasks: 1, volunteers: 1, minutes: 120, beneficiaries: 8, rating: 4, spentFen: 30_050 })
    expect(p.value.history.map((h) => h.to)).toEqual(['DRAFT', 'SUBMITTED', 'RETURNED', 'SUBMITTED', 'APPROVED', 'RUNNING', 'EVALUATING', 'COMPLETED'])
    expect(p.value.history[2].note).toBe('请补充经费预算')
    expect((await listProjects(w.county.scope, { page: 1, pageSize: 20 })).rows.map((r) => r.id)).toEqual([id])
    expect((await listProjects(sibling.scope, { page: 1, pageSize: 20 })).total).toBe(0)
  })

  it('checks every field, and links only the community’s own social worker, teams and needs', async () => {
    const w = await world()
    const db = await prisma()
    const before = await db.project.count()
    expect(await createProject(w.worker.scope, input(w, { name: '', targetGroups: [], fundingYuan: '-5', startDate: '2027-01-01', endDate: '2026-01-01' }))).toMatchObject({
      ok: false,
      fieldErrors: { name: 'validation.projectName.required', targetGroups: 'validation.targetGroups.required', fundingYuan: 'validation.funding.format' },
    })
    expect(await createProject(w.worker.scope, input(w, { endDate: '2026-01-01' }))).toMatchObject({ fieldErrors: { endDate: 'validation.pilotEnd.beforeStart' } })
    const other = await userWith('SOCIAL_WORKER', w.t.communityA1b)
    const otherTeam = await createTeam(db, { unit: w.t.communityA1b, name: '外社区队' })
    expect(await createProject(w.worker.scope, input(w, { leadId: other.id, teamIds: [otherTeam.id] }))).toMatchObject({ fieldErrors: { leadId: 'validation.lead.required', teamIds: 'validation.team.required' } })
    expect(await createProject(w.volunteer.scope, input(w))).toMatchObject({ fieldErrors: { orgUnitId: 'validation.community.required' } })
    expect(await createProject(w.county.scope, input(w))).toMatchObject({ fieldErrors: { orgUnitId: 'validation.community.required' } })
    expect(await db.project.count()).toBe(before)
  })

  it('the list sorts as its URL says: by funding and by start date both ways, the id breaking ties', async () => {
    const w = await world()
    const make = async (name: string, fundingYuan: string, startDate: string) => {
      const r = await createProject(w.worker.scope, input(w, { name, brand: '', fundingYuan, startDate, endDate: '2027-12-31' }))
      if (!r.ok) throw new Error(JSON.stringify(r))
      return r.value.id
    }
    const small = await make('小额项目', '500', '2026-09-01')
    const large = await make('大额项目', '90000', '2026-03-01')
    const middle = await make('中额项目', '20000', '2026-06-01')
    const ids = async (q: { sort?: 'funding' | 'start' | 'updated'; dir?: 'asc' | 'desc' }) => (await listProjects(w.county.scope, { ...q, page: 1, pageSize: 20 })).rows.map((r) => r.id)
    expect(await ids({ sort: 'funding', dir: 'desc' })).toEqual([large, middle, small])
    expect(await ids({ sort: 'funding', dir: 'asc' })).toEqual([small, middle, large])
    expect(await ids({ sort: 'start', dir: 'asc' })).toEqual([large, middle, small])
    expect(await ids({ sort: 'start', dir: 'desc' })).toEqual([small, middle, large])
    // paged: the second page continues the first without overlap
    const first = (await listProjects(w.county.scope, { sort: 'funding', dir: 'desc', page: 1, pageSize: 2 })).rows.map((r) => r.id)
    const second = (await listProjects(w.county.scope, { sort: 'funding', dir: 'desc', page: 2, pageSize: 2 })).rows.map((r) => r.id)
    expect([...first, ...second]).toEqual([large, middle, small])
  })
})
