import { describe, expect, it } from 'vitest'
import { addIntervention, advanceCase, caseAccessLog, caseStats, completeFollowUp, getCase, listMyCases, openCase, overdueFollowUps, revealCaseField, saveSensitive, scheduleFollowUp } from '@/lib/server/cases/cases'
import { chinaYear } from '@/lib/china-time'
import { prisma, tree, userWith } from './helpers'

const ID = '11010519491231002X' // a valid GB 11643 number (check digit X)

async function world() {
  const t = await tree()
  const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
  const supervisor = await userWith('CASE_SUPERVISOR', t.communityA1a)
  const c = await openCase(worker.scope, { orgUnitId: t.communityA1a.id, personName: '李桂英', gender: 'F', birthYear: '1949', vulnerabilityGroup: 'ELDERLY', foundVia: 'VISIT', situation: '独居老人，自行停用降压药' })
  if (!c.ok) throw new Error(JSON.stringify(c))
  return { t, worker, supervisor, id: c.value.id }
}

describe('case work', () => {
  it('stores the ID number and health notes only with consent, encrypted at rest, masked until unmasked (logged)', async () => {
    const w = await world()
    const db = await prisma()
    expect(await saveSensitive(w.worker.scope, w.id, { idNumber: ID, healthNotes: '高血压三级，停药两周' })).toMatchObject({ ok: false, fieldErrors: { consentBy: 'validation.consent.required' } })
    expect(await saveSensitive(w.worker.scope, w.id, { idNumber: '110105194912310021', consentBy: '李桂英' })).toMatchObject({ ok: false, fieldErrors: { idNumber: 'validation.idNumber.format' } })
    expect(await saveSensitive(w.worker.scope, w.id, { idNumber: ID, healthNotes: '高血压三级，停药两周', consentBy: '李桂英' })).toEqual({ ok: true, value: null })

    // the raw table holds no plaintext
    const raw = await db.$queryRaw<{ idNumberEnc: string; healthNotesEnc: string }[]>`SELECT "idNumberEnc", "healthNotesEnc" FROM "CaseFile" WHERE id = ${w.id}`
    expect(raw[0].idNumberEnc).toMatch(/^v1:/)
    expect(raw[0].idNumberEnc).not.toContain('110105')
    expect(raw[0].healthNotesEnc).not.toContain('高血压')
    expect(Buffer.from(raw[0].healthNotesEnc.split(':')[3], 'base64').toString('utf8')).not.toContain('高血压')

    const read = await getCase(w.worker.scope, w.id)
    if (!read.ok) throw new Error('read')
    expect(read.value).toMatchObject({ idNumberMasked: '1101**********002X', hasHealthNotes: true, consentBy: '李桂英' })
    expect(JSON.stringify(read.value)).not.toContain('高血压')
    expect(await revealCaseField(w.worker.scope, w.id, 'healthNotes')).toEqual({ ok: true, value: '高血压三级，停药两周' })
    expect(await revealCaseField(w.supervisor.scope, w.id, 'idNumber')).toEqual({ ok: true, value: ID })

    const log = await caseAccessLog(w.supervisor.scope, w.id)
    if (!log.ok) throw new Error('log')
    const entries = log.value.map((e) => `${e.by}:${e.action}:${e.fields.join(',')}`)
    expect(entries).toEqual(expect.arrayContaining([`测试SOCIAL_WORKER:READ:`, `测试SOCIAL_WORKER:UNMASK:healthNotes`, `测试CASE_SUPERVISOR:UNMASK:idNumber`, `测试SOCIAL_WORKER:WRITE:idNumber,healthNotes`]))
    expect(await caseAccessLog(w.worker.scope, w.id)).toEqual({ ok: false, error: 'NOT_FOUND' }) // the log is the supervisor's
  })

  it('asks a guardian’s consent for a child under 14', async () => {
    const w = await world()
    const child = await openCase(w.worker.scope, { orgUnitId: w.t.communityA1a.id, personName: '小明', birthYear: String(chinaYear() - 9), vulnerabilityGroup: 'CHILDREN', foundVia: 'GRID_PATROL', situation: '事实无人抚养' })
    if (!child.ok) throw new Error('child')
    expect(await saveSensitive(w.worker.scope, child.value.id, { healthNotes: '营养不良', consentBy: '小明' })).toMatchObject({ ok: false, fieldErrors: { guardianName: 'validation.guardianConsent.required' } })
    expect(await saveSensitive(w.worker.scope, child.value.id, { healthNotes: '营养不良', consentBy: '小明', guardianName: '王奶奶' })).toEqual({ ok: true, value: null })
    const read = await getCase(w.worker.scope, child.value.id)
    expect(read.ok && read.value).toMatchObject({ minor: true, guardianName: '王奶奶' })
  })

  it('is visible only to its social worker and the community supervisor: everyone else gets 404 and no name', async () => {
    const w = await world()
    const others = await Promise.all([
      userWith('SOCIAL_WORKER', w.t.communityA1b),
      userWith('SOCIAL_WORKER', w.t.communityA1a), // same community, not assigned
      userWith('CASE_SUPERVISOR', w.t.communityA1b),
      userWith('VOLUNTEER', w.t.communityA1a),
      userWith('COMMUNITY_ADMIN', w.t.communityA1a),
      userWith('COUNTY_OFFICIAL', w.t.countyA1),
      userWith('LEAGUE_OFFICIAL', w.t.leagueA),
      userWith('REGION_OFFICIAL', w.t.region),
    ])
    for (const o of others) {
      expect(await getCase(o.scope, w.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
      expect(await revealCaseField(o.scope, w.id, 'idNumber')).toEqual({ ok: false, error: 'NOT_FOUND' })
      expect(await advanceCase(o.scope, w.id, 'ASSESSMENT')).toEqual({ ok: false, error: 'NOT_FOUND' })
      expect(JSON.stringify(await listMyCases(o.scope))).not.toContain('李桂英')
    }
    expect((await getCase(w.supervisor.scope, w.id)).ok).toBe(true)
    // officials see de-identified counts only
    const stats = await caseStats(others[5].scope)
    expect(stats).toMatchObject({ total: 1, byGroup: { ELDERLY: 1 }, byStatus: { INTAKE: 1 } })
    expect(JSON.stringify(stats)).not.toContain('李桂英')
    expect((await caseStats(others[0].scope)).total).toBe(0) // another community's worker: counts of their own community
  })

  it('runs the closed loop, refuses invalid steps with a reason, flags overdue follow-ups, closes and reopens', async () => {
    const w = await world()
    const now = new Date('2026-11-22T08:00:00Z')
    expect(await advanceCase(w.worker.scope, w.id, 'PLANNING')).toEqual({ ok: false, error: 'TRANSITION' })
    expect(await advanceCase(w.worker.scope, w.id, 'ASSESSMENT')).toEqual({ ok: true, value: null })
    expect(await advanceCase(w.worker.scope, w.id, 'PLANNING', {})).toMatchObject({ ok: false, fieldErrors: { text: 'validation.caseText.required' } })
    expect(await advanceCase(w.worker.scope, w.id, 'PLANNING', { text: '服药依从性差，独居无人提醒' })).toEqual({ ok: true, value: null })
    expect(await advanceCase(w.worker.scope, w.id, 'INTERVENTION', { text: '一个月内恢复规律服药' })).toEqual({ ok: true, value: null })
    expect(await advanceCase(w.worker.scope, w.id, 'FOLLOW_UP')).toMatchObject({ ok: false, fieldErrors: { text: 'validation.intervention.none' } })
    expect(await addIntervention(w.worker.scope, w.id, { kind: 'REFERRAL', description: '链接社区医生上门测血压', professional: '社区医生', outcome: '医生每周上门一次' })).toEqual({ ok: true, value: null })
    const db0 = await prisma()
    const otherRes = await db0.resource.create({ data: { tenantId: w.t.tenant.id, orgUnitId: w.t.communityA1b.id, orgPath: w.t.communityA1b.path, providerName: '外社区药店', providerKind: 'SHOP', type: 'GOODS', categoryIds: [], capacity: 1, availability: '随时', createdById: w.worker.id } })
    expect(await addIntervention(w.worker.scope, w.id, { kind: 'REFERRAL', description: '买药', resourceId: otherRes.id })).toMatchObject({ ok: false, fieldErrors: { resourceId: 'validation.resources.unknown' } })
    const ownRes = await db0.resource.create({ data: { tenantId: w.t.tenant.id, orgUnitId: w.t.communityA1a.id, orgPath: w.t.communityA1a.path, providerName: '社区卫生服务站', providerKind: 'HOSPITAL', type: 'EXPERTISE', categoryIds: [], capacity: 5, availability: '工作日', createdById: w.worker.id } })
    expect(await addIntervention(w.worker.scope, w.id, { kind: 'REFERRAL', description: '转介卫生服务站', resourceId: ownRes.id })).toEqual({ ok: true, value: null })
    expect(await advanceCase(w.worker.scope, w.id, 'FOLLOW_UP')).toEqual({ ok: true, value: null })
    expect(await scheduleFollowUp(w.worker.scope, w.id, { dueOn: '2026-11-01' })).toEqual({ ok: true, value: null })
    expect(await scheduleFollowUp(w.worker.scope, w.id, { dueOn: '2026-12-01' })).toEqual({ ok: true, value: null })
    expect(await overdueFollowUps(w.worker.scope, now)).toBe(1)
    const read = await getCase(w.worker.scope, w.id, now)
    if (!read.ok) throw new Error('read')
    expect(read.value.interventions.map((i) => i.resource)).toEqual([null, '社区卫生服务站'])
    const overdue = read.value.followUps.find((f) => f.overdue)!
    expect(await completeFollowUp(w.worker.scope, overdue.id, { note: '血压平稳' })).toEqual({ ok: true, value: null })
    expect(await overdueFollowUps(w.worker.scope, now)).toBe(0)
    expect(await advanceCase(w.worker.scope, w.id, 'EVALUATION')).toEqual({ ok: true, value: null })
    expect(await advanceCase(w.worker.scope, w.id, 'CLOSED', { text: '已恢复规律服药' })).toMatchObject({ ok: false, fieldErrors: { outcome: 'validation.outcome.required' } })
    expect(await advanceCase(w.worker.scope, w.id, 'CLOSED', { text: '已恢复规律服药', outcome: 'IMPROVED' })).toEqual({ ok: true, value: null })
    expect(await addIntervention(w.worker.scope, w.id, { kind: 'SERVICE', description: '结案后不能再加' })).toEqual({ ok: false, error: 'TRANSITION' })
    const county = await userWith('COUNTY_OFFICIAL', w.t.countyA1)
    expect((await caseStats(county.scope)).byOutcome).toEqual({ IMPROVED: 1 })
    expect(await advanceCase(w.worker.scope, w.id, 'ASSESSMENT')).toEqual({ ok: true, value: null }) // reopened
    const db = await prisma()
    const history = await db.statusChange.findMany({ where: { entityId: w.id }, select: { to: true, note: true }, orderBy: { at: 'asc' } })
    expect(history.map((h) => h.to)).toEqual(['INTAKE', 'ASSESSMENT', 'PLANNING', 'INTERVENTION', 'FOLLOW_UP', 'EVALUATION', 'CLOSED', 'ASSESSMENT'])
    expect(history.every((h) => h.note === null)).toBe(true) // no sensitive text in the shared history
  })
})
