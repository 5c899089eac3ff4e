import { describe, expect, it } from 'vitest'
import { decideJoin, getTeam, listTeams, requestJoin } from '@/lib/server/people/teams'
import { listMyNotifications } from '@/lib/server/workflow/tasks'
import { createTeam } from '@/tests/factories/workflow'
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
