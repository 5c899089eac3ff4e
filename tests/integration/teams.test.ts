import { describe, expect, it } from 'vitest'
import { createTeam as createTeamDal, decideJoin, getTeam, listTeams, requestJoin, setTeamArchived, updateTeam } from '@/lib/server/people/teams'
import { resolveScope, type Scope } from '@/lib/server/authz/scope'
import { createNeed } from '@/lib/server/workflow/needs'
import { createServiceItem, getServiceItem } from '@/lib/server/workflow/services'
import { claimOrder, dispatchOrder } from '@/lib/server/workflow/orders'
import { createTask, listMyNotifications } from '@/lib/server/workflow/tasks'
import { createTeam, ensureCategories } from '@/tests/factories/workflow'
import type { UnitRef } from '@/tests/factories/org'
import { prisma, tree, userWith } from './helpers'

describe('joining teams', () => {
  it('a volunteer asks, the leader approves; others cannot decide; a volunteer can be in several teams', async () => {
    const t = await tree()
    const db = await prisma()
    const leader = await userWith('TEAM_LEADER', t.communityA1a)
    const otherLeader = await userWith('TEAM_LEADER', t.communityA1a)
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const outsider = await userWith('VOLUNTEER', t.communityA1b)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const red = await createTeam(db, { unit: t.communityA1a, name: '党旗红', leaderId: leader.id })
    const green = await createTeam(db, { unit: t.communityA1a, name: '风尚绿' })

    expect(await requestJoin(outsider.scope, red.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await requestJoin(v.scope, red.id)).toEqual({ ok: true, value: null })
    expect(await requestJoin(v.scope, red.id)).toEqual({ ok: false, error: 'ALREADY' })
    expect((await listMyNotifications(leader.scope)).map((n) => n.kind)).toContain('notify.joinRequested')
    const asLeader = await getTeam(leader.scope, red.id)
    if (!asLeader.ok) throw new Error('team')
    const [req] = asLeader.value.pending
    expect(req.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(await decideJoin(otherLeader.scope, req.id, true)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await decideJoin(county.scope, req.id, true)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await decideJoin(v.scope, req.id, true)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await decideJoin(leader.scope, req.id, true)).toEqual({ ok: true, value: null })
    expect(await decideJoin(leader.scope, req.id, false)).toEqual({ ok: false, error: 'STATE' })
    expect((await listMyNotifications(v.scope)).map((n) => n.kind)).toContain('notify.joinApproved')

    // a second team, approved by the community admin (that team has no leader)
    expect((await requestJoin(v.scope, green.id)).ok).toBe(true)
    const g = await getTeam(admin.scope, green.id)
    if (!g.ok) throw new Error('green')
    expect(await decideJoin(admin.scope, g.value.pending[0].id, true)).toEqual({ ok: true, value: null })
    const mine = await listTeams(v.scope)
    expect(mine.filter((x) => x.member).map((x) => x.name).sort()).toEqual(['党旗红', '风尚绿'])
    expect(await getTeam(outsider.scope, red.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
  })
})

// ─── founding and running teams (issue 13 item 1) ───────────────────────────────────────────────────

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/** A need of the community, made a service item, ready to dispatch. */
async function serviceOf(worker: { scope: Scope }, unit: UnitRef, title: string) {
  const cat = await ensureCategories(await prisma(), unit.tenantId)
  const need = await createNeed(worker.scope, { orgUnitId: unit.id, title, description: title, categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' })
  if (!need.ok) throw new Error('need')
  const service = await createServiceItem(worker.scope, { needId: need.value.id, title, description: '说明', resourceIds: [] })
  if (!service.ok) throw new Error('service')
  return service.value.id
}

async function rolesAt(userId: string, unit: UnitRef) {
  const db = await prisma()
  return (await db.roleAssignment.findMany({ where: { userId, orgUnitId: unit.id }, select: { role: true }, orderBy: { role: 'asc' } })).map((r) => r.role).sort()
}

/** Everything founding a team may write: compared before and after a refusal. */
async function teamState(unit: UnitRef) {
  const db = await prisma()
  const [teams, members, roles, history] = await Promise.all([
    db.team.count({ where: { tenantId: unit.tenantId } }),
    db.teamMember.count({ where: { team: { tenantId: unit.tenantId } } }),
    db.roleAssignment.count({ where: { orgPath: { startsWith: unit.path } } }),
    db.statusChange.count({ where: { entity: 'Team', tenantId: unit.tenantId } }),
  ])
  return { teams, members, roles, history }
}

describe('founding teams', () => {
  it('refuses bad fields with field errors and writes nothing; out of scope is not found', async () => {
    const t = await tree()
    const other = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const siblingVolunteer = await userWith('VOLUNTEER', t.communityA1b)
    const foreignVolunteer = await userWith('VOLUNTEER', other.communityA1a)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const siblingAdmin = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const foreignAdmin = await userWith('COMMUNITY_ADMIN', other.communityA1a)
    await createTeam(await prisma(), { unit: t.communityA1a, name: '党旗红' })
    const base = { orgUnitId: t.communityA1a.id, kind: 'VOLUNTEER_TEAM', category: 'PARTY_MEMBER', description: '' }
    const before = await teamState(t.communityA1a)

    expect(await createTeamDal(admin.scope, { ...base, name: '  ' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { name: 'validation.teamName.required' } })
    expect(await createTeamDal(admin.scope, { ...base, name: '<b>红</b>队' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { name: 'validation.noMarkup' } })
    expect(await createTeamDal(admin.scope, { ...base, name: ' 党旗红 ' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { name: 'validation.teamName.taken' } })
    expect(await createTeamDal(admin.scope, { ...base, name: '新队', category: 'ROYAL' })).toMatchObject({ fieldErrors: { category: 'validation.teamCategory.required' } })
    expect(await createTeamDal(admin.scope, { ...base, name: '新队', leaderId: 'abc' })).toMatchObject({ fieldErrors: { leaderId: 'validation.teamLeader.required' } })
    // the leader must be a volunteer of this community: not of the sibling, not of another tenant, not staff
    for (const leaderId of [siblingVolunteer.id, foreignVolunteer.id, worker.id, admin.id]) {
      expect(await createTeamDal(admin.scope, { ...base, name: '新队', leaderId })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { leaderId: 'validation.teamLeader.notVolunteer' } })
    }
    // a deactivated volunteer cannot lead either
    await (await prisma()).user.update({ where: { id: v.id }, data: { active: false } })
    expect(await createTeamDal(admin.scope, { ...base, name: '新队', leaderId: v.id })).toMatchObject({ fieldErrors: { leaderId: 'validation.teamLeader.notVolunteer' } })
    // out of scope: the sibling's admin, another tenant's admin, officials and staff without team.manage
    for (const who of [siblingAdmin, foreignAdmin, county, worker, v]) expect(await createTeamDal(who.scope, { ...base, name: '新队' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    // a county is not a community
    expect(await createTeamDal(admin.scope, { ...base, orgUnitId: t.countyA1.id, name: '新队' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await teamState(t.communityA1a)).toEqual(before)
    expect(await rolesAt(v.id, t.communityA1a)).toEqual(['VOLUNTEER'])
  })

  it('the leader gets TEAM_LEADER and joins; claims an order dispatched to the team and creates its task', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const r = await createTeamDal(admin.scope, { orgUnitId: t.communityA1a.id, name: ' 青年先锋队 ', kind: 'VOLUNTEER_TEAM', category: 'YOUTH', description: '周末助老', leaderId: v.id })
    if (!r.ok) throw new Error(JSON.stringify(r))
    const db = await prisma()
    expect(await db.team.findUniqueOrThrow({ where: { id: r.value.id }, select: { name: true, kind: true, category: true, description: true, leaderId: true, archivedAt: true, orgPath: true } })).toEqual({
      name: '青年先锋队', kind: 'VOLUNTEER_TEAM', category: 'YOUTH', description: '周末助老', leaderId: v.id, archivedAt: null, orgPath: t.communityA1a.path,
    })
    expect(await rolesAt(v.id, t.communityA1a)).toEqual(['TEAM_LEADER', 'VOLUNTEER'])
    expect(await db.teamMember.count({ where: { teamId: r.value.id, userId: v.id } })).toBe(1)
    expect((await listMyNotifications(v.scope)).map((n) => n.kind)).toContain('notify.teamLeader')

    // the dispatch form offers it at once; the leader (signed in again: a new scope) claims and runs it
    const serviceId = await serviceOf(worker, t.communityA1a, '陪同就医')
    const service = await getServiceItem(admin.scope, serviceId)
    if (!service.ok) throw new Error('service')
    expect(service.value.teams.map((x) => x.name)).toEqual(['青年先锋队'])
    const order = await dispatchOrder(admin.scope, { serviceItemId: serviceId, teamId: r.value.id })
    if (!order.ok) throw new Error('dispatch')
    const leader = (await resolveScope(v.id))!
    expect((await listMyNotifications(leader)).map((n) => n.kind)).toContain('notify.orderDispatched')
    expect(await claimOrder(v.scope, order.value.id, r.value.id)).toEqual({ ok: false, error: 'NOT_FOUND' }) // the old scope: still a plain volunteer
    expect(await claimOrder(leader, order.value.id, r.value.id)).toEqual({ ok: true, value: null })
    const task = await createTask(leader, { orderId: order.value.id, title: '陪同就医', startsAt: `${day(3)}T09:00`, endsAt: `${day(3)}T11:00`, place: '社区', slots: '2', signupDeadline: `${day(2)}T18:00` })
    expect(task.ok).toBe(true)
    const detail = await getTeam(leader, r.value.id)
    if (!detail.ok) throw new Error('team')
    expect(detail.value.members.map((m) => m.id)).toEqual([v.id])
    expect(detail.value.decides).toBe(true)
    expect(detail.value.manages).toBe(false) // the leader runs the team's work, the community runs the team
    const asAdmin = await getTeam(admin.scope, r.value.id)
    expect(asAdmin.ok && asAdmin.value.history.map((h) => h.to)).toEqual(['ACTIVE'])
  })

  it('changing the leader moves the role, unless the former leader leads another team', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const [a, b] = [await userWith('VOLUNTEER', t.communityA1a), await userWith('VOLUNTEER', t.communityA1a)]
    const seededLeader = await userWith('TEAM_LEADER', t.communityA1a) // a leader whose only role is TEAM_LEADER
    const fields = { kind: 'VOLUNTEER_TEAM', category: 'OTHER', description: '' }
    const one = await createTeamDal(admin.scope, { orgUnitId: t.communityA1a.id, name: '一队', ...fields, leaderId: a.id })
    const two = await createTeamDal(admin.scope, { orgUnitId: t.communityA1a.id, name: '二队', ...fields, leaderId: a.id })
    if (!one.ok || !two.ok) throw new Error('teams')
    expect(await updateTeam(admin.scope, one.value.id, { name: '一队', ...fields, leaderId: b.id })).toEqual({ ok: true, value: null })
    expect(await rolesAt(a.id, t.communityA1a)).toEqual(['TEAM_LEADER', 'VOLUNTEER']) // still leads 二队
    expect(await rolesAt(b.id, t.communityA1a)).toEqual(['TEAM_LEADER', 'VOLUNTEER'])
    expect(await updateTeam(admin.scope, two.value.id, { name: '二队', ...fields, leaderId: seededLeader.id })).toEqual({ ok: true, value: null })
    expect(await rolesAt(a.id, t.communityA1a)).toEqual(['VOLUNTEER'])
    // no leader: the seeded leader's role goes, and they stay a volunteer of the community
    expect(await updateTeam(admin.scope, two.value.id, { name: '二队', ...fields, leaderId: '' })).toEqual({ ok: true, value: null })
    expect(await rolesAt(seededLeader.id, t.communityA1a)).toEqual(['VOLUNTEER'])
    // a rename onto another team's name is a field error; the team's own name is fine
    expect(await updateTeam(admin.scope, two.value.id, { name: '一队', ...fields })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { name: 'validation.teamName.taken' } })
    expect(await updateTeam(admin.scope, two.value.id, { name: '二队', ...fields, leaderId: (await userWith('VOLUNTEER', t.communityA1b)).id })).toMatchObject({ fieldErrors: { leaderId: 'validation.teamLeader.notVolunteer' } })
    const sibling = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    expect(await updateTeam(sibling.scope, two.value.id, { name: '改名', ...fields })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await updateTeam(b.scope, two.value.id, { name: '改名', ...fields })).toEqual({ ok: false, error: 'NOT_FOUND' })
  })

  it('an archived team is not offered for dispatch, receives and claims no order, cannot be joined; it comes back on unarchive', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const lead = await userWith('VOLUNTEER', t.communityA1a)
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const fields = { kind: 'VOLUNTEER_TEAM', category: 'VETERAN', description: '' }
    const r = await createTeamDal(admin.scope, { orgUnitId: t.communityA1a.id, name: '老兵队', ...fields, leaderId: lead.id })
    if (!r.ok) throw new Error('team')
    const teamId = r.value.id
    const leader = (await resolveScope(lead.id))!
    const early = await dispatchOrder(admin.scope, { serviceItemId: await serviceOf(worker, t.communityA1a, '早先的派单'), teamId })
    if (!early.ok) throw new Error('dispatch')
    expect((await requestJoin(v.scope, teamId)).ok).toBe(true)

    expect(await setTeamArchived(lead.scope, teamId, true)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await setTeamArchived(admin.scope, teamId, true)).toEqual({ ok: true, value: null })
    expect(await setTeamArchived(admin.scope, teamId, true)).toEqual({ ok: false, error: 'STATE' })
    expect(await rolesAt(lead.id, t.communityA1a)).toEqual(['VOLUNTEER'])

    const serviceId = await serviceOf(worker, t.communityA1a, '新的需求')
    const service = await getServiceItem(admin.scope, serviceId)
    expect(service.ok && service.value.teams).toEqual([])
    expect(await dispatchOrder(admin.scope, { serviceItemId: serviceId, teamId })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { teamId: 'validation.team.required' } })
    expect(await dispatchOrder(admin.scope, { serviceItemId: serviceId, teamId: null })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { teamId: 'validation.team.none' } })
    // the order dispatched before the archive: its (former) leader cannot claim it, even with the old scope
    expect(await claimOrder(leader, early.value.id, teamId)).toEqual({ ok: false, error: 'STATE' })
    const other = await userWith('VOLUNTEER', t.communityA1a)
    expect(await requestJoin(other.scope, teamId)).toEqual({ ok: false, error: 'STATE' })
    expect((await listTeams(other.scope)).find((x) => x.id === teamId)).toMatchObject({ canJoin: false, archivedAt: expect.any(Date) })
    const pending = await getTeam(admin.scope, teamId)
    if (!pending.ok) throw new Error('team')
    expect(pending.value.pending).toEqual([]) // nothing to decide while archived
    const req = await (await prisma()).teamJoinRequest.findFirstOrThrow({ where: { teamId, userId: v.id }, select: { id: true } })
    expect(await decideJoin(admin.scope, req.id, true)).toEqual({ ok: false, error: 'STATE' })
    expect(await updateTeam(admin.scope, teamId, { name: '老兵队改', ...fields })).toEqual({ ok: false, error: 'STATE' })
    // the history stays: the team page still opens, with its members and record
    expect(pending.value.members.map((m) => m.id)).toEqual([lead.id])
    expect(pending.value.history.map((h) => h.to)).toEqual(['ACTIVE', 'ARCHIVED'])

    expect(await setTeamArchived(admin.scope, teamId, false)).toEqual({ ok: true, value: null })
    expect(await rolesAt(lead.id, t.communityA1a)).toEqual(['TEAM_LEADER', 'VOLUNTEER'])
    expect(await claimOrder((await resolveScope(lead.id))!, early.value.id, teamId)).toEqual({ ok: true, value: null })
    expect(await decideJoin(admin.scope, req.id, true)).toEqual({ ok: true, value: null })
  })

  it("social-organisation staff found and run their own organisation's team, and nobody else's", async () => {
    const t = await tree()
    const staff = await userWith('SOCIAL_ORG_STAFF', t.communityA1a)
    const otherStaff = await userWith('SOCIAL_ORG_STAFF', t.communityA1a)
    const siblingStaff = await userWith('SOCIAL_ORG_STAFF', t.communityA1b)
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const base = { orgUnitId: t.communityA1a.id, name: '益民社工服务中心', category: 'PROFESSIONAL', description: '专业社工' }
    expect(await createTeamDal(staff.scope, { ...base, kind: 'VOLUNTEER_TEAM' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { kind: 'validation.teamKind.socialOrgOnly' } })
    expect(await createTeamDal(staff.scope, { ...base, kind: 'SOCIAL_ORG', leaderId: v.id })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { leaderId: 'validation.teamLeader.notAllowed' } })
    expect(await createTeamDal(siblingStaff.scope, { ...base, kind: 'SOCIAL_ORG' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    const r = await createTeamDal(staff.scope, { ...base, kind: 'SOCIAL_ORG' })
    if (!r.ok) throw new Error(JSON.stringify(r))
    const db = await prisma()
    expect(await db.teamMember.findMany({ where: { teamId: r.value.id }, select: { userId: true } })).toEqual([{ userId: staff.id }])
    // edit (kind stays SOCIAL_ORG; no leader field: the leader stays as it is) — not another member-less staff
    expect(await updateTeam(staff.scope, r.value.id, { name: '益民社工', kind: 'SOCIAL_ORG', category: 'PROFESSIONAL', description: '专业社工服务' })).toEqual({ ok: true, value: null })
    expect(await updateTeam(staff.scope, r.value.id, { name: '益民社工', kind: 'VOLUNTEER_TEAM', category: 'PROFESSIONAL' })).toMatchObject({ fieldErrors: { kind: 'validation.teamKind.socialOrgOnly' } })
    expect(await updateTeam(otherStaff.scope, r.value.id, { name: '抢过来', kind: 'SOCIAL_ORG', category: 'OTHER' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await setTeamArchived(otherStaff.scope, r.value.id, true)).toEqual({ ok: false, error: 'NOT_FOUND' })
    // staff do not run volunteer teams, even as members
    const vt = await createTeam(db, { unit: t.communityA1a, name: '风尚绿', memberIds: [staff.id] })
    expect(await updateTeam(staff.scope, vt.id, { name: '风尚绿改', kind: 'SOCIAL_ORG', category: 'OTHER' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    // they claim the new team's orders
    const order = await dispatchOrder(admin.scope, { serviceItemId: await serviceOf(worker, t.communityA1a, '心理疏导'), teamId: r.value.id })
    if (!order.ok) throw new Error('dispatch')
    expect(await claimOrder(staff.scope, order.value.id, r.value.id)).toEqual({ ok: true, value: null })
    expect(await setTeamArchived(staff.scope, r.value.id, true)).toEqual({ ok: true, value: null })
  })

  it('two founders racing for one name: exactly one team is founded, the other gets the field error', async () => {
    const t = await tree()
    const admins = await Promise.all(Array.from({ length: 6 }, () => userWith('COMMUNITY_ADMIN', t.communityA1a)))
    const results = await Promise.all(admins.map((a) => createTeamDal(a.scope, { orgUnitId: t.communityA1a.id, name: '同名队', kind: 'VOLUNTEER_TEAM', category: 'OTHER' })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, error: 'INVALID', fieldErrors: { name: 'validation.teamName.taken' } })
    const db = await prisma()
    expect(await db.team.count({ where: { orgUnitId: t.communityA1a.id, name: '同名队' } })).toBe(1)
    expect(await db.statusChange.count({ where: { entity: 'Team', tenantId: t.tenant.id } })).toBe(1)
  })

  it('two admins giving one volunteer two teams and taking one back at once: the role matches what they lead', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const fields = { kind: 'VOLUNTEER_TEAM', category: 'OTHER' }
    const one = await createTeamDal(admin.scope, { orgUnitId: t.communityA1a.id, name: '甲队', ...fields, leaderId: v.id })
    const two = await createTeamDal(admin.scope, { orgUnitId: t.communityA1a.id, name: '乙队', ...fields })
    if (!one.ok || !two.ok) throw new Error('teams')
    // one takes 甲队 from v while the other gives v 乙队: v ends up leading 乙队, so keeps the role
    const [a, b] = await Promise.all([
      updateTeam(admin.scope, one.value.id, { name: '甲队', ...fields, leaderId: '' }),
      updateTeam(admin.scope, two.value.id, { name: '乙队', ...fields, leaderId: v.id }),
    ])
    expect([a.ok, b.ok]).toEqual([true, true])
    expect(await rolesAt(v.id, t.communityA1a)).toEqual(['TEAM_LEADER', 'VOLUNTEER'])
    await setTeamArchived(admin.scope, two.value.id, true)
    expect(await rolesAt(v.id, t.communityA1a)).toEqual(['VOLUNTEER'])
  })
})
