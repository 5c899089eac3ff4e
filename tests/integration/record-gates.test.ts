// The record pages' gates (lib/server/auth/record-gate.ts) decide the 404 before a skeleton streams, on
// an existence read of their own. Each must agree with the page's read exactly: a gate that refuses what
// the page would show hides a record; one that lets through what the page refuses answers 200 with a
// "not found" inside. Checked here for every role × (own subtree, sibling subtree, other tenant) on one
// record of each kind in 小街-like communityA1a (the HTTP sweep checks every record page's status too).
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@/lib/server/generated/prisma/enums'
import type { Scope } from '@/lib/server/authz/scope'
import type { TestTree, UnitRef } from '@/tests/factories/org'
import { getTask, taskInScope } from '@/lib/server/workflow/tasks'
import { getNeed, needInScope } from '@/lib/server/workflow/needs'
import { getServiceItem, serviceItemInScope } from '@/lib/server/workflow/services'
import { getOrder, orderInScope } from '@/lib/server/workflow/orders'
import { getTeam, teamInScope } from '@/lib/server/people/teams'
import { getUnit, unitInScope } from '@/lib/server/org/queries'
import { volunteerDetail, volunteerInScope } from '@/lib/server/people/volunteers'
import { getTalentRecord, talentRecordInScope } from '@/lib/server/people/talent'
import { createTaskRow } from '@/tests/factories/workflow'
import { serviceWorld, tree, userWith } from './helpers'

type Kind = { name: string; id: () => string; gate: (s: Scope, id: string) => Promise<boolean>; read: (s: Scope, id: string) => Promise<unknown> }
const shown = (r: unknown) => r !== null && !(typeof r === 'object' && r !== null && 'ok' in r && (r as { ok: boolean }).ok === false)

let w: Awaited<ReturnType<typeof serviceWorld>>
let other: TestTree
const ids: Record<string, string> = {}

beforeAll(async () => {
  w = await serviceWorld('门禁')
  other = await tree()
  const order = await w.db.order.findUniqueOrThrow({ where: { id: w.orderId }, select: { id: true, serviceItemId: true, serviceItem: { select: { needId: true } } } })
  const start = new Date(Date.now() + 86_400_000)
  const task = await createTaskRow(w.db, { orderId: order.id, createdById: w.leader.id, title: '门禁任务', startsAt: start, endsAt: new Date(start.getTime() + 7_200_000) })
  Object.assign(ids, { task: task.id, need: order.serviceItem.needId, service: order.serviceItemId, order: order.id, team: w.team.id, unit: w.t.communityA1a.id, volunteer: w.v.id, worker: w.worker.id })
})

const KINDS: Kind[] = [
  { name: 'task', id: () => ids.task, gate: taskInScope, read: getTask },
  { name: 'need', id: () => ids.need, gate: needInScope, read: getNeed },
  { name: 'service item', id: () => ids.service, gate: serviceItemInScope, read: getServiceItem },
  { name: 'order', id: () => ids.order, gate: orderInScope, read: getOrder },
  { name: 'team', id: () => ids.team, gate: teamInScope, read: getTeam },
  { name: 'unit', id: () => ids.unit, gate: unitInScope, read: getUnit },
  { name: 'volunteer', id: () => ids.volunteer, gate: volunteerInScope, read: volunteerDetail },
  { name: 'talent record', id: () => ids.worker, gate: talentRecordInScope, read: getTalentRecord },
]

const ROLES: { role: Role; own: (t: TestTree) => UnitRef; sibling: (t: TestTree) => UnitRef }[] = [
  { role: 'REGION_OFFICIAL', own: (t) => t.region, sibling: (t) => t.region },
  { role: 'LEAGUE_OFFICIAL', own: (t) => t.leagueA, sibling: (t) => t.leagueB },
  { role: 'COUNTY_OFFICIAL', own: (t) => t.countyA1, sibling: (t) => t.countyA2 },
  ...(['COMMUNITY_ADMIN', 'SOCIAL_WORKER', 'SOCIAL_ORG_STAFF', 'TEAM_LEADER', 'VOLUNTEER', 'CASE_SUPERVISOR'] as const).map((role) => ({
    role, own: (t: TestTree) => t.communityA1a, sibling: (t: TestTree) => t.communityA1b,
  })),
]

describe.each(ROLES)('$role', (c) => {
  it('each gate lets through exactly what its page reads, from its own, a sibling and another tenant’s place', async () => {
    let seen = 0
    for (const [where, unit] of [['own', c.own(w.t)], ['sibling', c.sibling(w.t)], ['other tenant', c.own(other)]] as const) {
      const { scope } = await userWith(c.role, unit)
      for (const k of KINDS) {
        const read = shown(await k.read(scope, k.id()))
        expect(await k.gate(scope, k.id()), `${c.role} ${where} → ${k.name}`).toBe(read)
        if (read) seen++
        expect(await k.gate(scope, '00000000-0000-4000-8000-000000000000'), `${k.name}: no such record`).toBe(false)
      }
    }
    // the matrix is not all "no": every role but the sibling-less ones sees something of its own subtree
    if (c.role !== 'SOCIAL_ORG_STAFF' && c.role !== 'CASE_SUPERVISOR') expect(seen, `${c.role} sees something`).toBeGreaterThan(0)
  })
})

it('an official sees every kind from the region, and nothing from another tenant', async () => {
  const region = await userWith('REGION_OFFICIAL', w.t.region)
  const foreign = await userWith('REGION_OFFICIAL', other.region)
  for (const k of KINDS.filter((k) => k.name !== 'volunteer')) {
    expect(await k.gate(region.scope, k.id()), k.name).toBe(true)
    expect(await k.gate(foreign.scope, k.id()), k.name).toBe(false)
  }
})
