import { describe, expect, it } from 'vitest'
import { getTalentRecord, listTalent, myTalentRecord, saveWorkerProfile, setElderlyPopulation, talentFigures } from '@/lib/server/people/talent'
import { createAgency, getAgency, listAgencies, updateAgency } from '@/lib/server/people/agencies'
import { ceStatus, createTrainingEvent, getTrainingEvent, listTrainingEvents, recordAttendance, removeAttendance } from '@/lib/server/people/training'
import { ZTalentListQuery, ZAgencyListQuery, ZTrainingListQuery } from '@/lib/schemas/talent'
import type { Scope } from '@/lib/server/authz/scope'
import type { UnitRef } from '@/tests/factories/org'
import { fromChinaDate } from '@/lib/china-time'
import { prisma, tree, userWith } from './helpers'

const talentQ = (q: Record<string, string> = {}) => ZTalentListQuery.parse(q)
const agencyQ = (q: Record<string, string> = {}) => ZAgencyListQuery.parse(q)
const certified = (level: 'ASSISTANT' | 'INTERMEDIATE' | 'SENIOR', n = 1) => ({ certLevel: level, certNumber: `S2020${String(n).padStart(6, '0')}`, certDate: '2020-06-21', employerKind: 'COMMUNITY', station: '社工站' })
const uncertified = { certLevel: 'NONE', employerKind: 'COMMUNITY' }

/** An event on `date`, recorded that morning (a training cannot be recorded after its day). */
async function event(scope: Scope, unit: UnitRef, date: string, hours: string, title = '社会工作实务专题讲座') {
  const r = await createTrainingEvent(scope, { orgUnitId: unit.id, kind: 'LECTURE', title, date, hours }, fromChinaDate(date)!)
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.value.id
}

describe('talent registry (人才队伍)', () => {
  it('profile validation: a certificate needs its number and date; bad input writes nothing', async () => {
    const db = await prisma()
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const staff = await userWith('SOCIAL_ORG_STAFF', t.communityA1a)
    const volunteer = await userWith('VOLUNTEER', t.communityA1a)

    expect(await saveWorkerProfile(admin.scope, worker.id, { certLevel: 'INTERMEDIATE', employerKind: 'COMMUNITY' })).toEqual({
      ok: false, error: 'INVALID', fieldErrors: { certNumber: 'validation.certNumber.required', certDate: 'validation.certDate.required' },
    })
    expect(await saveWorkerProfile(admin.scope, worker.id, { certLevel: 'SENIOR', certNumber: 'ab1', certDate: '2099-01-01', employerKind: 'COMMUNITY' })).toMatchObject({
      fieldErrors: { certNumber: 'validation.certNumber.format', certDate: 'validation.certDate.future' },
    })
    expect(await saveWorkerProfile(admin.scope, worker.id, { ...certified('ASSISTANT'), certNumber: 'x'.repeat(31) })).toMatchObject({ fieldErrors: { certNumber: 'validation.certNumber.format' } })
    expect(await saveWorkerProfile(admin.scope, worker.id, { ...certified('ASSISTANT'), employerKind: 'AGENCY' })).toMatchObject({ fieldErrors: { agencyId: 'validation.agency.required' } })
    expect(await saveWorkerProfile(admin.scope, worker.id, { certLevel: 'MASTER', employerKind: 'COMMUNITY' })).toMatchObject({ fieldErrors: { certLevel: 'validation.certLevel.required' } })
    expect(await saveWorkerProfile(admin.scope, worker.id, { ...certified('ASSISTANT'), station: '<b>社工站</b>' })).toMatchObject({ fieldErrors: { station: 'validation.noMarkup' } })
    expect(await db.workerProfile.count({ where: { userId: worker.id } })).toBe(0)

    expect(await saveWorkerProfile(admin.scope, worker.id, { ...certified('INTERMEDIATE'), certNumber: 's2020-000001' })).toEqual({ ok: true, value: null })
    expect(await db.workerProfile.findUniqueOrThrow({ where: { userId: worker.id }, select: { certLevel: true, certNumber: true, certDate: true, orgUnitId: true, orgPath: true, station: true } })).toEqual({
      certLevel: 'INTERMEDIATE', certNumber: 'S2020-000001', certDate: new Date('2020-06-21T00:00:00Z'), orgUnitId: t.communityA1a.id, orgPath: t.communityA1a.path, station: '社工站',
    })
    // back to NONE: the stale number and date go
    expect((await saveWorkerProfile(admin.scope, worker.id, { ...uncertified, certNumber: 'S2020000001', certDate: '2020-01-01' })).ok).toBe(true)
    expect(await db.workerProfile.findUniqueOrThrow({ where: { userId: worker.id }, select: { certLevel: true, certNumber: true, certDate: true } })).toEqual({ certLevel: 'NONE', certNumber: null, certDate: null })
    // social-organisation staff are kept too; volunteers are not in the registry
    expect((await saveWorkerProfile(admin.scope, staff.id, uncertified)).ok).toBe(true)
    expect(await saveWorkerProfile(admin.scope, volunteer.id, uncertified)).toEqual({ ok: false, error: 'NOT_FOUND' })

    const list = await listTalent(admin.scope, talentQ())
    expect(list.rows.map((r) => r.id).sort()).toEqual([worker.id, staff.id].sort())
    expect(list.rows.every((r) => /^\d{3}\*{4}\d{4}$/.test(r.phone ?? ''))).toBe(true) // masked
    expect((await listTalent(admin.scope, talentQ({ level: 'NONE' }))).total).toBe(2)
    expect((await listTalent(admin.scope, talentQ({ level: 'SENIOR' }))).total).toBe(0)
  })

  it('scope: another community keeps nothing here, another league and another tenant see none of it', async () => {
    const t = await tree()
    const other = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const neighbour = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const leagueB = await userWith('LEAGUE_OFFICIAL', t.leagueB)
    const otherRegion = await userWith('REGION_OFFICIAL', other.region)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    // a worker with roles in two communities: the first community to keep the record keeps it
    const both = await userWith('SOCIAL_WORKER', t.communityA1a, [{ role: 'SOCIAL_WORKER', unit: t.communityA1b }])
    expect((await saveWorkerProfile(admin.scope, worker.id, certified('ASSISTANT'))).ok).toBe(true)
    expect((await saveWorkerProfile(admin.scope, both.id, uncertified)).ok).toBe(true)

    expect(await saveWorkerProfile(neighbour.scope, worker.id, certified('SENIOR'))).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await saveWorkerProfile(neighbour.scope, both.id, certified('SENIOR'))).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await getTalentRecord(neighbour.scope, worker.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect((await getTalentRecord(neighbour.scope, both.id)).ok).toBe(true) // readable there (a role there), not editable
    expect((await getTalentRecord(neighbour.scope, both.id)) as { value: { canEdit: boolean } }).toMatchObject({ value: { canEdit: false } })
    // the county reads the registry of its communities but does not keep records
    expect((await listTalent(county.scope, talentQ())).total).toBe(2)
    expect(await saveWorkerProfile(county.scope, worker.id, certified('SENIOR'))).toEqual({ ok: false, error: 'NOT_FOUND' })
    for (const s of [leagueB.scope, otherRegion.scope]) {
      expect((await listTalent(s, talentQ())).total).toBe(0)
      expect(await getTalentRecord(s, worker.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
      expect(await saveWorkerProfile(s, worker.id, certified('SENIOR'))).toEqual({ ok: false, error: 'NOT_FOUND' })
      expect((await talentFigures(s)).total.profiles).toBe(0)
    }
    // the unit filter stays inside the caller's subtree
    expect((await listTalent(county.scope, talentQ({ unit: t.communityA1a.id }))).total).toBe(2)
    expect((await listTalent(county.scope, talentQ({ unit: t.communityB1a.id }))).total).toBe(0)
    expect((await getTalentRecord(admin.scope, worker.id)) as { value: { canEdit: boolean; profile: { certLevel: string } } }).toMatchObject({ value: { canEdit: true, profile: { certLevel: 'ASSISTANT' } } })
  })

  it('agencies: registered in the subtree, name unique per tenant, staff readable where they work', async () => {
    const db = await prisma()
    const t = await tree()
    const other = await tree()
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const neighbour = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const leagueB = await userWith('LEAGUE_OFFICIAL', t.leagueB)
    const otherCounty = await userWith('COUNTY_OFFICIAL', other.countyA1)
    const worker = await userWith('SOCIAL_ORG_STAFF', t.communityA1a)
    const name = '益民社会工作服务中心'

    expect(await createAgency(county.scope, { orgUnitId: t.countyA1.id, name: '益', kind: 'SOCIAL_WORK_AGENCY', creditCode: 'ABC' })).toMatchObject({
      ok: false, fieldErrors: { name: 'validation.agencyName.short', creditCode: 'validation.creditCode.format' },
    })
    expect(await createAgency(county.scope, { orgUnitId: t.countyA1.id, name, kind: 'SOCIAL_WORK_AGENCY', creditCode: '91150502MA0N1234I7' })).toMatchObject({ fieldErrors: { creditCode: 'validation.creditCode.format' } }) // no I
    expect(await createAgency(county.scope, { orgUnitId: t.countyB1.id, name, kind: 'SOCIAL_WORK_AGENCY' })).toMatchObject({ fieldErrors: { orgUnitId: 'validation.agencyUnit.required' } })
    expect(await createAgency(admin.scope, { orgUnitId: t.communityA1a.id, name, kind: 'SOCIAL_WORK_AGENCY' })).toMatchObject({ fieldErrors: { orgUnitId: 'validation.agencyUnit.required' } }) // no agency.manage
    expect(await db.agency.count({ where: { tenantId: t.tenant.id } })).toBe(0)

    const created = await createAgency(county.scope, { orgUnitId: t.countyA1.id, name, kind: 'SOCIAL_WORK_AGENCY', creditCode: '91150502ma0n1234x7', contactName: '周主任', phone: '13904750000' })
    if (!created.ok) throw new Error(JSON.stringify(created))
    const id = created.value.id
    expect(await db.agency.findUniqueOrThrow({ where: { id }, select: { creditCode: true, orgPath: true } })).toEqual({ creditCode: '91150502MA0N1234X7', orgPath: t.countyA1.path })
    expect(await createAgency(county.scope, { orgUnitId: t.countyA1.id, name: ` ${name} `, kind: 'SOCIAL_ORGANISATION' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { name: 'validation.agencyName.taken' } })
    expect((await createAgency(otherCounty.scope, { orgUnitId: other.countyA1.id, name, kind: 'SOCIAL_WORK_AGENCY' })).ok).toBe(true) // unique per tenant only
    const second = await createAgency(county.scope, { orgUnitId: t.communityA1b.id, name: '乐龄之家', kind: 'SOCIAL_ORGANISATION' })
    if (!second.ok) throw new Error('second')
    expect(await updateAgency(county.scope, second.value.id, { orgUnitId: t.communityA1b.id, name, kind: 'SOCIAL_ORGANISATION' })).toMatchObject({ fieldErrors: { name: 'validation.agencyName.taken' } })
    expect(await updateAgency(leagueB.scope, id, { orgUnitId: t.countyA1.id, name: '改名', kind: 'SOCIAL_ORGANISATION' })).toEqual({ ok: false, error: 'NOT_FOUND' })

    // the community sees the county's agency only once one of its staff works there
    expect((await listAgencies(admin.scope, agencyQ())).total).toBe(0)
    expect(await getAgency(admin.scope, id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await saveWorkerProfile(admin.scope, worker.id, { ...uncertified, employerKind: 'AGENCY', agencyId: second.value.id })).toMatchObject({ fieldErrors: { agencyId: 'validation.agency.required' } }) // a neighbour's agency
    expect((await saveWorkerProfile(admin.scope, worker.id, { ...uncertified, employerKind: 'AGENCY', agencyId: id })).ok).toBe(true)
    const seen = await getAgency(admin.scope, id)
    if (!seen.ok) throw new Error('admin should read the agency')
    expect(seen.value.staff.map((s) => s.userId)).toEqual([worker.id])
    expect(seen.value.canEdit).toBe(false)
    expect((await listAgencies(admin.scope, agencyQ())).rows.map((a) => [a.name, a.staff])).toEqual([[name, 1]])
    const byCounty = await getAgency(county.scope, id)
    expect(byCounty.ok && byCounty.value.canEdit).toBe(true)
    for (const s of [neighbour.scope, leagueB.scope, otherCounty.scope]) expect(await getAgency(s, id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect((await listAgencies(leagueB.scope, agencyQ())).total).toBe(0)
    // sorted by registration (/agencies?sort=created): newest first, and back
    await db.agency.update({ where: { id }, data: { createdAt: new Date('2024-01-01T00:00:00Z') } })
    const byCreated = async (dir: string) => (await listAgencies(county.scope, agencyQ({ sort: 'created', dir }))).rows.map((a) => a.id)
    expect(await byCreated('desc')).toEqual([second.value.id, id])
    expect(await byCreated('asc')).toEqual([id, second.value.id])
  })

  it('training: attendance is recorded once per person; CE hours count per China-time year', async () => {
    const db = await prisma()
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const neighbour = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const noRecord = await userWith('SOCIAL_WORKER', t.communityA1a)
    const elsewhere = await userWith('SOCIAL_WORKER', t.communityA1b)
    expect((await saveWorkerProfile(admin.scope, worker.id, certified('ASSISTANT'))).ok).toBe(true)
    expect((await saveWorkerProfile(neighbour.scope, elsewhere.id, uncertified)).ok).toBe(true)

    const base = { orgUnitId: t.communityA1a.id, kind: 'EXCHANGE', title: '经验交流会', date: '2026-01-01' }
    expect(await createTrainingEvent(admin.scope, { ...base, hours: '0.25' })).toMatchObject({ fieldErrors: { hours: 'validation.trainingHours.range' } })
    expect(await createTrainingEvent(admin.scope, { ...base, hours: '24.5' })).toMatchObject({ fieldErrors: { hours: 'validation.trainingHours.range' } })
    expect(await createTrainingEvent(admin.scope, { ...base, hours: '两小时' })).toMatchObject({ fieldErrors: { hours: 'validation.trainingHours.number' } })
    expect(await createTrainingEvent(admin.scope, { ...base, kind: 'PARTY', date: '2026-02-30', hours: '2' })).toMatchObject({ fieldErrors: { kind: 'validation.trainingKind.required', date: 'validation.date.format' } })
    expect(await createTrainingEvent(admin.scope, { ...base, orgUnitId: t.countyA1.id, hours: '2' })).toMatchObject({ fieldErrors: { orgUnitId: 'validation.trainingUnit.required' } })
    expect(await db.trainingEvent.count({ where: { tenantId: t.tenant.id } })).toBe(0)

    const newYear = await event(admin.scope, t.communityA1a, '2026-01-01', '2.5')
    const lastDay = await event(county.scope, t.countyA1, '2025-12-31', '3', '实地观摩')
    expect(await db.trainingEvent.findUniqueOrThrow({ where: { id: newYear }, select: { minutes: true, orgPath: true } })).toEqual({ minutes: 150, orgPath: t.communityA1a.path })

    // idempotent: recording twice adds nothing
    expect(await recordAttendance(admin.scope, newYear, { userIds: [worker.id] })).toEqual({ ok: true, value: { added: 1 } })
    expect(await recordAttendance(admin.scope, newYear, { userIds: [worker.id, worker.id] })).toEqual({ ok: true, value: { added: 0 } })
    expect(await db.trainingAttendance.count({ where: { eventId: newYear } })).toBe(1)
    // only workers whose record lies under the event's unit; nothing written otherwise
    expect(await recordAttendance(admin.scope, newYear, { userIds: [noRecord.id] })).toMatchObject({ fieldErrors: { userIds: 'validation.attendees.unknown' } })
    expect(await recordAttendance(admin.scope, newYear, { userIds: [worker.id, elsewhere.id] })).toMatchObject({ fieldErrors: { userIds: 'validation.attendees.unknown' } })
    expect(await recordAttendance(admin.scope, newYear, {})).toMatchObject({ fieldErrors: { userIds: 'validation.attendees.required' } })
    expect(await recordAttendance(neighbour.scope, newYear, { userIds: [worker.id] })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await recordAttendance(admin.scope, lastDay, { userIds: [worker.id] })).toEqual({ ok: false, error: 'NOT_FOUND' }) // the county's event: the county records
    expect(await recordAttendance(county.scope, lastDay, { userIds: [worker.id, elsewhere.id] })).toEqual({ ok: true, value: { added: 2 } })
    expect(await db.trainingAttendance.count({ where: { event: { tenantId: t.tenant.id } } })).toBe(3)
    // an event still to come takes no attendance
    const future = await event(admin.scope, t.communityA1a, '2026-12-01', '2')
    expect(await recordAttendance(admin.scope, future, { userIds: [worker.id] }, new Date('2026-11-30T15:59:00Z'))).toMatchObject({ fieldErrors: { userIds: 'validation.attendance.future' } })
    expect((await recordAttendance(admin.scope, future, { userIds: [worker.id] }, new Date('2026-11-30T16:00:00Z'))).ok).toBe(true) // already 1 Dec in China
    expect((await removeAttendance(admin.scope, future, worker.id)).ok).toBe(true)

    const ev = await getTrainingEvent(admin.scope, newYear)
    if (!ev.ok) throw new Error('event')
    expect(ev.value).toMatchObject({ hours: 2.5, canRecord: true, attendees: [{ userId: worker.id }] })
    expect(ev.value.candidates).toEqual([]) // the only record under the community already attends
    const countyEv = await getTrainingEvent(county.scope, lastDay)
    expect(countyEv.ok && countyEv.value.attendees.length).toBe(2)
    expect(await getTrainingEvent(admin.scope, lastDay)).toEqual({ ok: false, error: 'NOT_FOUND' }) // organised above the community
    expect((await listTrainingEvents(county.scope, ZTrainingListQuery.parse({}))).rows.map((e) => [e.title, e.hours, e.attendees])).toEqual([
      ['社会工作实务专题讲座', 2, 0], ['社会工作实务专题讲座', 2.5, 1], ['实地观摩', 3, 2],
    ])
    // sorted by attendance (/training?sort=attendees): the best attended first, and back
    const byAttendees = async (dir: string) => (await listTrainingEvents(county.scope, ZTrainingListQuery.parse({ sort: 'attendees', dir }))).rows.map((e) => e.id)
    expect(await byAttendees('desc')).toEqual([lastDay, newYear, future])
    expect(await byAttendees('asc')).toEqual([future, newYear, lastDay])

    // half past midnight on 1 January in China is still 31 December in UTC: the 2026 event counts for 2026
    const me = worker.scope
    const newYearNight = await myTalentRecord(me, new Date('2025-12-31T16:30:00Z'))
    if (!newYearNight.ok) throw new Error('me')
    expect(newYearNight.value.thisYear).toMatchObject({ year: 2026, hours: 2.5 })
    expect(newYearNight.value.years).toEqual([
      { year: 2026, hours: 2.5, status: 'ON_TRACK' },
      { year: 2025, hours: 3, status: 'NOT_MET' },
    ])
    const eve = await myTalentRecord(me, new Date('2025-12-31T15:30:00Z'))
    expect(eve.ok && eve.value.thisYear).toMatchObject({ year: 2025, hours: 3, status: 'BEHIND' })
    expect(newYearNight.value.trainings.map((x) => x.title)).toEqual(['社会工作实务专题讲座', '实地观摩'])
  })

  it('behind the pro-rata expectation at a fixed date; past years below the requirement are not met', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const behind = await userWith('SOCIAL_WORKER', t.communityA1a)
    const onTrack = await userWith('SOCIAL_WORKER', t.communityA1a)
    for (const w of [behind, onTrack]) expect((await saveWorkerProfile(admin.scope, w.id, certified('ASSISTANT'))).ok).toBe(true)
    // 45 h vs 46 h by 3 July (China): 183 of 365 days have passed → 90 × 183/365 = 45.12 h expected
    const a = await event(admin.scope, t.communityA1a, '2026-03-10', '22.5')
    const b = await event(admin.scope, t.communityA1a, '2026-05-12', '22.5')
    const c = await event(admin.scope, t.communityA1a, '2026-06-20', '1')
    for (const e of [a, b]) expect((await recordAttendance(admin.scope, e, { userIds: [behind.id, onTrack.id] })).ok).toBe(true)
    expect((await recordAttendance(admin.scope, c, { userIds: [onTrack.id] })).ok).toBe(true)

    const now = new Date('2026-07-02T16:00:00Z') // 2026-07-03 00:00 in China
    const list = await listTalent(admin.scope, talentQ(), now)
    const row = (id: string) => list.rows.find((r) => r.id === id)!
    expect(row(behind.id)).toMatchObject({ ceHours: 45, ceStatus: 'BEHIND' })
    expect(row(onTrack.id)).toMatchObject({ ceHours: 46, ceStatus: 'ON_TRACK' })
    expect(list.requiredHours).toBe(90)

    // the rule itself: pro-rata during the year, the full requirement at its end and for past years
    const h = (x: number) => x * 60
    expect(ceStatus(0, 2026, 90, new Date('2025-12-31T16:00:00Z'))).toBe('ON_TRACK') // New Year's midnight in China
    expect(ceStatus(h(89.5), 2026, 90, new Date('2026-12-31T15:59:00Z'))).toBe('BEHIND') // the last minute of the year
    expect(ceStatus(h(90), 2026, 90, new Date('2026-12-31T15:59:00Z'))).toBe('MET')
    expect(ceStatus(h(89.5), 2025, 90, now)).toBe('NOT_MET')
    expect(ceStatus(h(120), 2025, 90, now)).toBe('MET')
    // the tenant's requirement is read, not assumed
    const db = await prisma()
    await db.tenant.update({ where: { id: t.tenant.id }, data: { ceHoursPerYear: 60 } })
    expect((await listTalent(admin.scope, talentQ(), now)).rows.find((r) => r.id === behind.id)).toMatchObject({ ceStatus: 'ON_TRACK' })
  })

  it("officials' figures equal a hand count: by level, rate against the target, per 1,000 elderly where entered", async () => {
    const db = await prisma()
    const t = await tree()
    const admins = {
      A1a: await userWith('COMMUNITY_ADMIN', t.communityA1a),
      A1b: await userWith('COMMUNITY_ADMIN', t.communityA1b),
      A2a: await userWith('COMMUNITY_ADMIN', t.communityA2a),
      B1a: await userWith('COMMUNITY_ADMIN', t.communityB1a),
    }
    const units = { A1a: t.communityA1a, A1b: t.communityA1b, A2a: t.communityA2a, B1a: t.communityB1a }
    // county A1: A1a INTERMEDIATE, ASSISTANT, NONE · A1b SENIOR, NONE │ county A2: A2a NONE, NONE, ASSISTANT │ league B: B1a SENIOR
    const mix: [keyof typeof units, 'NONE' | 'ASSISTANT' | 'INTERMEDIATE' | 'SENIOR'][] = [
      ['A1a', 'INTERMEDIATE'], ['A1a', 'ASSISTANT'], ['A1a', 'NONE'], ['A1b', 'SENIOR'], ['A1b', 'NONE'], ['A2a', 'NONE'], ['A2a', 'NONE'], ['A2a', 'ASSISTANT'], ['B1a', 'SENIOR'],
    ]
    for (const [i, [c, level]] of mix.entries()) {
      const w = await userWith(i % 2 ? 'SOCIAL_WORKER' : 'SOCIAL_ORG_STAFF', units[c])
      expect((await saveWorkerProfile(admins[c].scope, w.id, level === 'NONE' ? uncertified : certified(level, i))).ok).toBe(true)
    }
    // elderly population: entered for A1a (2,000) and A2a (1,500); A1b has none
    const countyA1 = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const countyA2 = await userWith('COUNTY_OFFICIAL', t.countyA2)
    expect(await setElderlyPopulation(admins.A1a.scope, { orgUnitId: t.communityA1a.id, elderlyPopulation: '-3' })).toMatchObject({ fieldErrors: { elderlyPopulation: 'validation.elderlyPopulation.number' } })
    expect(await setElderlyPopulation(admins.A1a.scope, { orgUnitId: t.communityA1b.id, elderlyPopulation: '900' })).toMatchObject({ fieldErrors: { orgUnitId: 'validation.community.required' } })
    expect(await setElderlyPopulation(countyA1.scope, { orgUnitId: t.communityA2a.id, elderlyPopulation: '900' })).toMatchObject({ fieldErrors: { orgUnitId: 'validation.community.required' } })
    expect(await setElderlyPopulation(countyA1.scope, { orgUnitId: t.countyA1.id, elderlyPopulation: '900' })).toMatchObject({ fieldErrors: { orgUnitId: 'validation.community.required' } }) // communities only
    expect(await db.orgUnit.count({ where: { tenantId: t.tenant.id, elderlyPopulation: { not: null } } })).toBe(0)
    expect(await setElderlyPopulation(admins.A1a.scope, { orgUnitId: t.communityA1a.id, elderlyPopulation: '2000' })).toEqual({ ok: true, value: null })
    expect((await setElderlyPopulation(countyA2.scope, { orgUnitId: t.communityA2a.id, elderlyPopulation: '1500' })).ok).toBe(true)

    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const f = await talentFigures(league.scope)
    expect(f.target).toBe(50)
    expect(f.rows.map((r) => r.name)).toEqual([t.countyA1.name, t.countyA2.name])
    expect(f.rows[0]).toMatchObject({ byLevel: { ASSISTANT: 1, INTERMEDIATE: 1, SENIOR: 1 }, certified: 3, profiles: 5, rate: 0.6, reached: true, communities: 2, withFigure: 1, elderly: 2000, workersWithFigure: 3, per1000: 1.5 })
    expect(f.rows[1]).toMatchObject({ byLevel: { ASSISTANT: 1, INTERMEDIATE: 0, SENIOR: 0 }, certified: 1, profiles: 3, reached: false, communities: 1, withFigure: 1, elderly: 1500, workersWithFigure: 3, per1000: 2 })
    expect(f.rows[1].rate).toBeCloseTo(1 / 3)
    expect(f.total).toMatchObject({ byLevel: { ASSISTANT: 2, INTERMEDIATE: 1, SENIOR: 1 }, certified: 4, profiles: 8, rate: 0.5, reached: true, communities: 3, withFigure: 2, elderly: 3500, workersWithFigure: 6, per1000: 1.71 })

    const region = await userWith('REGION_OFFICIAL', t.region)
    const r = await talentFigures(region.scope)
    expect(r.rows.map((x) => [x.name, x.profiles, x.certified])).toEqual([[t.leagueA.name, 8, 4], [t.leagueB.name, 1, 1]])
    expect(r.total).toMatchObject({ profiles: 9, certified: 5, communities: 4, withFigure: 2, workersWithFigure: 6, per1000: 1.71 })
    const c = await talentFigures(countyA1.scope)
    expect(c.rows.map((x) => [x.name, x.profiles, x.per1000])).toEqual([[t.communityA1a.name, 3, 1.5], [t.communityA1b.name, 2, null]])
    const own = await talentFigures(admins.A1b.scope)
    expect(own.rows.map((x) => [x.name, x.profiles, x.certified, x.per1000])).toEqual([[t.communityA1b.name, 2, 1, null]])

    // the target is the tenant's
    await db.tenant.update({ where: { id: t.tenant.id }, data: { certificationTarget: 60 } })
    const raised = await talentFigures(league.scope)
    expect([raised.rows[0].reached, raised.total.reached]).toEqual([true, false])
    // clearing a figure takes the community out of the per-1,000 count
    expect((await setElderlyPopulation(countyA2.scope, { orgUnitId: t.communityA2a.id, elderlyPopulation: '' })).ok).toBe(true)
    expect((await talentFigures(league.scope)).total).toMatchObject({ withFigure: 1, elderly: 2000, workersWithFigure: 3, per1000: 1.5 })
  })
})
