// Authorization matrix of the people records: every role × (own subtree, sibling subtree, other tenant)
// against the read functions of volunteer profiles, talent records, agencies, training events, hours
// certificates and the tenant's rules. Expected answers come from the permission table; out of scope is
// always "not found", never a partial record.
import { beforeAll, describe, expect, it } from 'vitest'
import { saveMyProfile, volunteerDetail } from '@/lib/server/people/volunteers'
import { getTalentRecord, saveWorkerProfile } from '@/lib/server/people/talent'
import { createAgency, getAgency } from '@/lib/server/people/agencies'
import { createTrainingEvent, getTrainingEvent, recordAttendance } from '@/lib/server/people/training'
import { getCertificate, issueCertificate } from '@/lib/server/people/certificates'
import { getTenantSettings } from '@/lib/server/org/tenant-settings'
import type { Role } from '@/lib/server/generated/prisma/enums'
import type { TestTree, UnitRef } from '@/tests/factories/org'
import { prisma, tree, userWith } from './helpers'

type Ids = { volunteer: string; worker: string; agency: string; event: string; certificate: string }
let t: TestTree
let other: TestTree
let ids: Ids
let leader: Awaited<ReturnType<typeof userWith>>

const visible = (r: unknown) => r !== null && !(typeof r === 'object' && r !== null && 'ok' in r && (r as { ok: boolean }).ok === false)

beforeAll(async () => {
  t = await tree()
  other = await tree()
  const db = await prisma()
  const v = await userWith('VOLUNTEER', t.communityA1a)
  expect((await saveMyProfile(v.scope, { realName: '矩阵志愿者', kind: 'OTHER' })).ok).toBe(true)
  leader = await userWith('TEAM_LEADER', t.communityA1a)
  const team = await db.team.create({ data: { tenantId: t.tenant.id, orgUnitId: t.communityA1a.id, orgPath: t.communityA1a.path, name: '矩阵队', kind: 'VOLUNTEER_TEAM', leaderId: leader.id }, select: { id: true } })
  await db.teamMember.create({ data: { teamId: team.id, userId: v.id } })

  const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
  const agency = await createAgency(county.scope, { orgUnitId: t.countyA1.id, name: `矩阵社工机构${t.tenant.id.slice(0, 6)}`, kind: 'SOCIAL_WORK_AGENCY' })
  if (!agency.ok) throw new Error(JSON.stringify(agency))
  const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
  const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
  const saved = await saveWorkerProfile(admin.scope, worker.id, { certLevel: 'ASSISTANT', certNumber: 'ZL2024001', certDate: '2024-06-01', employerKind: 'AGENCY', agencyId: agency.value.id, station: '矩阵社工站' })
  expect(saved.ok).toBe(true)
  const event = await createTrainingEvent(admin.scope, { orgUnitId: t.communityA1a.id, kind: 'LECTURE', title: '矩阵培训', date: '2026-01-10', hours: '3' }, new Date('2026-01-09T02:00:00Z')) // recorded the day before
  if (!event.ok) throw new Error(JSON.stringify(event))
  expect((await recordAttendance(admin.scope, event.value.id, { userIds: [worker.id] })).ok).toBe(true)
  const cert = await issueCertificate(v.scope)
  if (!cert.ok) throw new Error('certificate')
  ids = { volunteer: v.id, worker: worker.id, agency: agency.value.id, event: event.value.id, certificate: cert.value.id }
})

type What = 'volunteer' | 'talent' | 'agency' | 'event' | 'certificate' | 'settings'
const READ: Record<What, (scope: Awaited<ReturnType<typeof userWith>>['scope']) => Promise<unknown>> = {
  volunteer: (s) => volunteerDetail(s, ids.volunteer),
  talent: (s) => getTalentRecord(s, ids.worker),
  agency: (s) => getAgency(s, ids.agency),
  event: (s) => getTrainingEvent(s, ids.event),
  certificate: (s) => getCertificate(s, ids.certificate),
  settings: (s) => getTenantSettings(s),
}

// what each role sees from its own place in the tree (the records all live in communityA1a / countyA1)
type Case = { role: Role; own: (t: TestTree) => UnitRef; sibling: (t: TestTree) => UnitRef; sees: What[] }
const OFFICIAL: What[] = ['talent', 'agency', 'event']
const CASES: Case[] = [
  { role: 'REGION_OFFICIAL', own: (t) => t.region, sibling: (t) => t.region, sees: [...OFFICIAL, 'settings'] },
  { role: 'LEAGUE_OFFICIAL', own: (t) => t.leagueA, sibling: (t) => t.leagueB, sees: OFFICIAL },
  { role: 'COUNTY_OFFICIAL', own: (t) => t.countyA1, sibling: (t) => t.countyA2, sees: OFFICIAL },
  // the agency is registered at the county; the community sees it because one of its staff works there
  { role: 'COMMUNITY_ADMIN', own: (t) => t.communityA1a, sibling: (t) => t.communityA1b, sees: ['volunteer', 'talent', 'agency', 'event', 'certificate'] },
  { role: 'SOCIAL_WORKER', own: (t) => t.communityA1a, sibling: (t) => t.communityA1b, sees: ['talent', 'agency', 'event'] },
  { role: 'SOCIAL_ORG_STAFF', own: (t) => t.communityA1a, sibling: (t) => t.communityA1b, sees: [] },
  { role: 'TEAM_LEADER', own: (t) => t.communityA1a, sibling: (t) => t.communityA1b, sees: [] }, // a leader of another team
  { role: 'VOLUNTEER', own: (t) => t.communityA1a, sibling: (t) => t.communityA1b, sees: [] },
  { role: 'CASE_SUPERVISOR', own: (t) => t.communityA1a, sibling: (t) => t.communityA1b, sees: [] },
]
const ALL: What[] = ['volunteer', 'talent', 'agency', 'event', 'certificate', 'settings']

let checked = 0
describe.each(CASES)('$role', (c) => {
  it('sees in its own subtree exactly what the permission table grants', async () => {
    const { scope } = await userWith(c.role, c.own(t))
    for (const w of ALL) {
      expect(visible(await READ[w](scope)), `${c.role} own → ${w}`).toBe(c.sees.includes(w))
      checked++
    }
  })

  it('sees nothing of a sibling subtree (the region has none: its tenant-wide rules stay its own)', async () => {
    if (c.role === 'REGION_OFFICIAL') return
    const { scope } = await userWith(c.role, c.sibling(t))
    for (const w of ALL) {
      expect(visible(await READ[w](scope)), `${c.role} sibling → ${w}`).toBe(false)
      checked++
    }
  })

  it('sees nothing of another tenant', async () => {
    const { scope } = await userWith(c.role, c.own(other))
    for (const w of ALL.filter((x) => x !== 'settings')) {
      expect(visible(await READ[w](scope)), `${c.role} other tenant → ${w}`).toBe(false)
      checked++
    }
  })
})

describe('owners and leaders', () => {
  it('the volunteer opens her certificate; the leader of her team sees her profile, not her certificate', async () => {
    const db = await prisma()
    const { resolveScope } = await import('@/lib/server/authz/scope')
    const self = (await resolveScope(ids.volunteer))!
    expect(visible(await getCertificate(self, ids.certificate))).toBe(true)
    expect(visible(await volunteerDetail(leader.scope, ids.volunteer))).toBe(true)
    expect(visible(await getCertificate(leader.scope, ids.certificate))).toBe(false)
    expect(await db.hoursCertificate.count({ where: { id: ids.certificate } })).toBe(1)
    checked += 4
  })

  it('reports how many combinations were checked', () => {
    // 9 roles × 6 own + 8 × 6 sibling + 9 × 5 other tenant + 4
    expect(checked).toBe(9 * 6 + 8 * 6 + 9 * 5 + 4)
  })
})
