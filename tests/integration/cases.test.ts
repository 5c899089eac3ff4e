import { describe, expect, it } from 'vitest'
import { addIntervention, advanceCase, caseAccessLog, caseStats, completeFollowUp, getCase, listMyCases, openCase, overdueFollowUps, recordConsent, revealCaseField, saveSensitive, scheduleFollowUp } from '@/lib/server/cases/cases'
import { chinaYear, fromChinaDate } from '@/lib/china-time'
import type { Scope } from '@/lib/server/authz/scope'
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
    expect(await recordConsent(w.worker.scope, w.id, { consentBy: '李桂英' })).toEqual({ ok: true, value: null })
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

// ─── consent before anything beyond intake (lib/server/cases/consent.ts) ─────────────────────────────

/** A valid GB 11643 number born on `yyyyMMdd` (Dongcheng, Beijing; sequence 002). */
function idNumberBorn(yyyymmdd: string) {
  const body = `110105${yyyymmdd}002`
  const sum = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2].reduce((a, w, i) => a + w * Number(body[i]), 0)
  return body + '10X98765432'[sum % 11]
}

/** Noon, China time, of a date. */
const noonOf = (date: string) => new Date(fromChinaDate(date)!.getTime() + 12 * 3_600_000)

async function childCase(scope: Scope, unitId: string, birthYear: number, personName = '小明') {
  const c = await openCase(scope, { orgUnitId: unitId, personName, birthYear: String(birthYear), vulnerabilityGroup: 'CHILDREN', foundVia: 'GRID_PATROL', situation: '父母外出务工，由祖母照看' })
  if (!c.ok) throw new Error(JSON.stringify(c))
  return c.value.id
}

/** What a refused call must not have touched: the case row, its history, its access log's writes. */
async function trace(id: string) {
  const db = await prisma()
  const row = await db.caseFile.findUniqueOrThrow({ where: { id }, select: { status: true, consentAt: true, consentBy: true, guardianConsentAt: true, guardianName: true, childAssentAt: true, healthNotesEnc: true, idNumberEnc: true, updatedAt: true } })
  const history = await db.statusChange.count({ where: { entityId: id } })
  const writes = await db.caseAccessLog.count({ where: { caseId: id, action: 'WRITE' } })
  return { row, history, writes }
}

describe('case consent', () => {
  it('an adult: without their consent no stage move beyond intake (nothing written); a guardian’s cannot stand in; with their own the case moves', async () => {
    const w = await world()
    const before = await trace(w.id)
    expect(await advanceCase(w.worker.scope, w.id, 'ASSESSMENT')).toEqual({ ok: false, error: 'INVALID', fieldErrors: { consent: 'validation.consent.stage' } })
    expect(await trace(w.id)).toEqual(before)
    expect(await recordConsent(w.worker.scope, w.id, { guardianName: '李建国' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { guardianName: 'validation.guardianConsent.over14' } })
    expect(await recordConsent(w.worker.scope, w.id, {})).toEqual({ ok: false, error: 'INVALID', fieldErrors: { consentBy: 'validation.consent.nothing' } })
    expect(await trace(w.id)).toEqual(before)
    const outsider = await userWith('SOCIAL_WORKER', w.t.communityA1b)
    expect(await recordConsent(outsider.scope, w.id, { consentBy: '李桂英' })).toEqual({ ok: false, error: 'NOT_FOUND' })

    expect(await recordConsent(w.worker.scope, w.id, { consentBy: '李桂英' })).toEqual({ ok: true, value: null })
    expect(await recordConsent(w.worker.scope, w.id, { consentBy: '李桂英' })).toMatchObject({ ok: false, fieldErrors: { consentBy: 'validation.consent.already' } })
    const read = await getCase(w.worker.scope, w.id)
    expect(read.ok && read.value).toMatchObject({ consentBy: '李桂英', consentAt: expect.any(Date), guardianConsentAt: null, minor: false, consent: { band: 'OVER_14', missing: [], ok: true } })
    expect(await advanceCase(w.worker.scope, w.id, 'ASSESSMENT')).toEqual({ ok: true, value: null })
    // the consent is a logged write like any other; the stage move too
    const log = await caseAccessLog(w.supervisor.scope, w.id)
    expect(log.ok && log.value.filter((e) => e.action === 'WRITE').map((e) => e.fields.join(','))).toEqual(['status', 'consent', 'intake'])
  })

  it('a child of 13: no consent → stage move and sensitive save refused; the guardian’s consent alone → both allowed, without the child’s own', async () => {
    const w = await world()
    const id = await childCase(w.worker.scope, w.t.communityA1a.id, chinaYear() - 13) // 12 or 13 today: under 14 either way
    const before = await trace(id)
    expect(await advanceCase(w.worker.scope, id, 'ASSESSMENT')).toEqual({ ok: false, error: 'INVALID', fieldErrors: { consent: 'validation.consent.stageGuardian' } })
    expect(await saveSensitive(w.worker.scope, id, { healthNotes: '哮喘' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { guardianName: 'validation.guardianConsent.required' } })
    // the child's own word is no consent under 14: refused, and not even the assent is kept from a refused call
    expect(await saveSensitive(w.worker.scope, id, { healthNotes: '哮喘', consentBy: '小明' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { guardianName: 'validation.guardianConsent.required' } })
    expect(await trace(id)).toEqual(before)

    expect(await saveSensitive(w.worker.scope, id, { healthNotes: '哮喘，随身带药', guardianName: '王奶奶' })).toEqual({ ok: true, value: null })
    expect(await revealCaseField(w.worker.scope, id, 'healthNotes')).toEqual({ ok: true, value: '哮喘，随身带药' })
    expect(await advanceCase(w.worker.scope, id, 'ASSESSMENT')).toEqual({ ok: true, value: null })
    const read = await getCase(w.worker.scope, id)
    expect(read.ok && read.value).toMatchObject({ minor: true, consentAt: null, childAssentAt: null, guardianName: '王奶奶', consent: { band: 'UNDER_14', ok: true } })
    // the child's assent may be recorded beside it, once; it is not the person's consent
    expect(await recordConsent(w.worker.scope, id, { consentBy: '小明' })).toEqual({ ok: true, value: null })
    expect(await recordConsent(w.worker.scope, id, { consentBy: '小明' })).toMatchObject({ fieldErrors: { consentBy: 'validation.childAssent.already' } })
    expect(await recordConsent(w.worker.scope, id, { guardianName: '王爷爷' })).toMatchObject({ fieldErrors: { guardianName: 'validation.guardianConsent.already' } })
    const row = (await trace(id)).row
    expect(row).toMatchObject({ consentBy: '小明', consentAt: null, childAssentAt: expect.any(Date), guardianName: '王奶奶' })
  })

  it('a child turning 14 during the case (birth year only): from 1 January of the year they turn 14 a guardian’s consent alone moves nothing — their own is needed, the guardian’s stays', async () => {
    const w = await world()
    const born = chinaYear() - 13
    const id = await childCase(w.worker.scope, w.t.communityA1a.id, born)
    expect(await recordConsent(w.worker.scope, id, { guardianName: '王奶奶' })).toEqual({ ok: true, value: null })
    expect(await advanceCase(w.worker.scope, id, 'ASSESSMENT', {}, noonOf(`${born + 13}-12-31`))).toEqual({ ok: true, value: null })
    // the year of the 14th birthday: the birth year cannot tell whether it has passed, so both are asked for
    const turning = fromChinaDate(`${born + 14}-01-01`)!
    const before = await trace(id)
    expect(await advanceCase(w.worker.scope, id, 'PLANNING', { text: '需要学业辅导' }, turning)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { consent: 'validation.consent.turning14' } })
    expect(await saveSensitive(w.worker.scope, id, { healthNotes: '近视' }, turning)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { consentBy: 'validation.consent.turning14' } })
    expect(await trace(id)).toEqual(before)
    const read = await getCase(w.worker.scope, id, turning)
    expect(read.ok && read.value.consent).toEqual({ band: 'TURNING_14', missing: ['own'], ok: false })
    // their own word is now their consent (recorded as consent, not as a child's assent)
    expect(await recordConsent(w.worker.scope, id, { consentBy: '小明' }, turning)).toEqual({ ok: true, value: null })
    expect((await trace(id)).row).toMatchObject({ consentAt: turning, childAssentAt: null })
    expect(await advanceCase(w.worker.scope, id, 'PLANNING', { text: '需要学业辅导' }, turning)).toEqual({ ok: true, value: null })

    // another child, only the guardian consented: certainly 14 from the next year on — their own is needed
    const other = await childCase(w.worker.scope, w.t.communityA1a.id, born, '小红')
    expect((await recordConsent(w.worker.scope, other, { guardianName: '李妈妈' })).ok).toBe(true)
    const fifteen = noonOf(`${born + 15}-03-01`)
    expect(await advanceCase(w.worker.scope, other, 'ASSESSMENT', {}, fifteen)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { consent: 'validation.consent.ownAt14' } })
    expect(await saveSensitive(w.worker.scope, other, { healthNotes: '近视' }, fifteen)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { consentBy: 'validation.consent.ownAt14' } })
    expect(await recordConsent(w.worker.scope, other, { guardianName: '李爸爸' }, fifteen)).toMatchObject({ fieldErrors: { guardianName: 'validation.guardianConsent.already' } })
    expect(await advanceCase(w.worker.scope, other, 'ASSESSMENT', {}, noonOf(`${born + 13}-06-01`))).toEqual({ ok: true, value: null }) // at 13 the guardian's was enough
  })

  it('a child turning 14 during the case (ID number on record): the 14th birthday itself is the day their own consent becomes needed', async () => {
    const w = await world()
    const born = chinaYear() - 13
    const id = await childCase(w.worker.scope, w.t.communityA1a.id, born)
    // the guardian consents and the ID number is saved with it (born 15 June): from now on the date decides
    expect(await saveSensitive(w.worker.scope, id, { idNumber: idNumberBorn(`${born}0615`), guardianName: '王奶奶' })).toEqual({ ok: true, value: null })
    // the day before the birthday (in the year the birth year alone would call uncertain): still 13
    expect(await advanceCase(w.worker.scope, id, 'ASSESSMENT', {}, noonOf(`${born + 14}-06-14`))).toEqual({ ok: true, value: null })
    const birthday = fromChinaDate(`${born + 14}-06-15`)!
    expect(await advanceCase(w.worker.scope, id, 'PLANNING', { text: '需要学业辅导' }, birthday)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { consent: 'validation.consent.ownAt14' } })
    expect(await saveSensitive(w.worker.scope, id, { healthNotes: '近视' }, birthday)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { consentBy: 'validation.consent.ownAt14' } })
    expect(await saveSensitive(w.worker.scope, id, { healthNotes: '近视', consentBy: '小明' }, birthday)).toEqual({ ok: true, value: null })
    expect(await advanceCase(w.worker.scope, id, 'PLANNING', { text: '需要学业辅导' }, birthday)).toEqual({ ok: true, value: null })
    const read = await getCase(w.worker.scope, id, birthday)
    expect(read.ok && read.value).toMatchObject({ minor: false, consentBy: '小明', consent: { band: 'OVER_14', ok: true } })
  })
})
