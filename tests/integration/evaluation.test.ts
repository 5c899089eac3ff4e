import { describe, expect, it } from 'vitest'
import {
  acceptRectification, archiveTemplate, createTemplate, getInspection, getTemplate, listInspections, listRectifications, listTemplates, orderRectification,
  overdueCount, respondRectification, returnRectification, scheduleInspection, scoreInspection, totalScore, updateTemplate,
} from '@/lib/server/evaluation/inspections'
import { drawSpotCheck, getSpotCheck, listSpotChecks, verifyDraw } from '@/lib/server/evaluation/spot-checks'
import { closeCampaign, createCampaign, getCampaign, listCampaigns, publicCampaign, RATE_LIMIT, satisfactionOverview, submitSurveyResponse, subtreeSatisfaction } from '@/lib/server/evaluation/surveys'
import { sampleIds } from '@/lib/server/evaluation/prng'
import { moveUnit } from '@/lib/server/org/mutations'
import { ZEvalListQuery, ZInspectionListQuery, ZRectListQuery } from '@/lib/schemas/evaluation'
import { ensureCategories } from '@/tests/factories/workflow'
import type { Scope } from '@/lib/server/authz/scope'
import type { UnitRef } from '@/tests/factories/org'
import { prisma, tree, userWith } from './helpers'

const q = ZEvalListQuery.parse({})
const NF = { ok: false, error: 'NOT_FOUND' }
const ITEMS = [
  { text: '服务台账齐全', weight: 30 },
  { text: '志愿者培训到位', weight: 50 },
  { text: '居民知晓率', weight: 20 },
]

async function template(scope: Scope, name = '社区服务检查表', items = ITEMS) {
  const r = await createTemplate(scope, { name, items })
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.value.id
}

async function inspect(scope: Scope, unit: UnitRef, templateId: string, date = '2026-05-10') {
  const r = await scheduleInspection(scope, { targetKind: 'UNIT', unitId: unit.id, templateId, date })
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.value.id
}

async function itemIds(templateId: string) {
  return (await (await prisma()).checklistItem.findMany({ where: { templateId }, orderBy: { position: 'asc' }, select: { id: true } })).map((i) => i.id)
}

describe('checklist templates', () => {
  it('validation: a name, 1–30 items, positive whole weights; bad input writes nothing; flat form fields keep row numbers', async () => {
    const t = await tree()
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const db = await prisma()
    expect(await createTemplate(county.scope, { name: '检查表', items: [] })).toMatchObject({ error: 'INVALID', fieldErrors: { 'items.0.text': 'validation.checklist.empty' } })
    expect(await createTemplate(county.scope, { name: '', items: ITEMS })).toMatchObject({ fieldErrors: { name: 'validation.templateName.required' } })
    expect(await createTemplate(county.scope, { name: '检查表', items: [{ text: '台账', weight: 0 }] })).toMatchObject({ fieldErrors: { 'items.0.weight': 'validation.checklistWeight.number' } })
    expect(await createTemplate(county.scope, { name: '检查表', items: [{ text: '台账', weight: '2.5' }] })).toMatchObject({ fieldErrors: { 'items.0.weight': 'validation.checklistWeight.number' } })
    expect(await createTemplate(county.scope, { name: '检查表', items: [{ text: '台账', weight: 101 }] })).toMatchObject({ fieldErrors: { 'items.0.weight': 'validation.checklistWeight.number' } })
    expect(await createTemplate(county.scope, { name: '检查表', items: Array.from({ length: 31 }, (_, i) => ({ text: `第${i}项`, weight: 1 })) })).toMatchObject({ fieldErrors: { 'items.0.text': 'validation.checklist.tooMany' } })
    // form fields: the blank row 1 is skipped, row 2's missing weight is reported as row 2
    expect(await createTemplate(county.scope, { name: '检查表', 'items.0.text': '台账', 'items.0.weight': '10', 'items.1.text': '', 'items.1.weight': '', 'items.2.text': '<b>培训</b>', 'items.2.weight': '' })).toMatchObject({
      fieldErrors: { 'items.2.text': 'validation.noMarkup', 'items.2.weight': 'validation.checklistWeight.number' },
    })
    expect(await db.checklistTemplate.count({ where: { tenantId: t.tenant.id } })).toBe(0)
    const ok = await createTemplate(county.scope, { name: '检查表', 'items.0.text': '台账', 'items.0.weight': '10', 'items.2.text': '培训', 'items.2.weight': '5' })
    expect(ok.ok).toBe(true)
    const tpl = await getTemplate(county.scope, (ok as { value: { id: string } }).value.id)
    expect(tpl).toMatchObject({ ok: true, value: { totalWeight: 15, canEdit: true, items: [{ position: 0, text: '台账', weight: 10 }, { position: 1, text: '培训', weight: 5 }] } })
    // the community cannot keep templates
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    expect(await createTemplate(admin.scope, { name: '检查表', items: ITEMS })).toEqual(NF)
  })

  it('editable until first used, then frozen (STATE); archived templates cannot be scheduled; a county uses its league’s lists, not a sibling’s', async () => {
    const t = await tree()
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const sibling = await userWith('COUNTY_OFFICIAL', t.countyA2)
    const leagueTpl = await template(league.scope, '盟级检查表')
    const siblingTpl = await template(sibling.scope, '邻县检查表')
    expect((await listTemplates(county.scope)).map((x) => x.name)).toEqual(['盟级检查表'])
    expect(await getTemplate(county.scope, siblingTpl)).toEqual(NF)
    expect(await updateTemplate(county.scope, leagueTpl, { name: '改名', items: ITEMS })).toEqual(NF) // usable, not owned
    expect(await scheduleInspection(county.scope, { targetKind: 'UNIT', unitId: t.communityA1a.id, templateId: siblingTpl, date: '2026-05-10' })).toMatchObject({ fieldErrors: { templateId: 'validation.template.required' } })

    expect(await updateTemplate(league.scope, leagueTpl, { name: '盟级检查表（修订）', items: [{ text: '台账', weight: 10 }] })).toEqual({ ok: true, value: null })
    await inspect(county.scope, t.communityA1a, leagueTpl)
    expect(await updateTemplate(league.scope, leagueTpl, { name: '再改', items: ITEMS })).toEqual({ ok: false, error: 'STATE' })
    expect((await getTemplate(league.scope, leagueTpl)) as { value: { canEdit: boolean; used: number } }).toMatchObject({ value: { canEdit: false, used: 1 } })
    expect(await archiveTemplate(league.scope, leagueTpl)).toEqual({ ok: true, value: null })
    expect(await scheduleInspection(county.scope, { targetKind: 'UNIT', unitId: t.communityA1a.id, templateId: leagueTpl, date: '2026-05-10' })).toMatchObject({ fieldErrors: { templateId: 'validation.template.required' } })
    expect(await listTemplates(county.scope)).toEqual([])
  })
})

describe('inspections', () => {
  it('scheduling only within the subtree, strictly below the official: sibling county, own unit, other tenant → NOT_FOUND', async () => {
    const t = await tree()
    const other = await tree()
    const region = await userWith('REGION_OFFICIAL', t.region)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const tpl = await template(county.scope)
    const at = (unit: UnitRef, scope = county.scope) => scheduleInspection(scope, { targetKind: 'UNIT', unitId: unit.id, templateId: tpl, date: '2026-05-10' })
    expect(await at(t.communityA2a)).toEqual(NF) // sibling county's community
    expect(await at(t.countyA2)).toEqual(NF)
    expect(await at(t.countyA1)).toEqual(NF) // itself
    expect(await at(other.communityA1a)).toEqual(NF) // another tenant
    expect((await at(t.communityA1b)).ok).toBe(true)
    expect(await scheduleInspection(county.scope, { targetKind: 'UNIT', templateId: tpl, date: 'tomorrow' })).toMatchObject({ fieldErrors: { unitId: 'validation.inspectionUnit.required', date: 'validation.inspectionDate.format' } })
    // a region official inspects any level below: a league, a county
    const regionTpl = await template(region.scope)
    expect((await at(t.leagueB, region.scope)).ok).toBe(true) // templates kept below are usable above
    expect((await scheduleInspection(region.scope, { targetKind: 'UNIT', unitId: t.leagueB.id, templateId: regionTpl, date: '2026-05-10' })).ok).toBe(true)
    expect((await scheduleInspection(region.scope, { targetKind: 'UNIT', unitId: t.countyA1.id, templateId: regionTpl, date: '2026-05-10' })).ok).toBe(true)

    // a project of the subtree; one of the sibling county is not found
    const db = await prisma()
    const lead = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const project = (unit: UnitRef) =>
      db.project.create({
        data: { tenantId: t.tenant.id, orgUnitId: unit.id, orgPath: unit.path, name: '小钦代办', targetGroups: ['ELDERLY'], objectives: '目标', plannedActivities: '活动', leadId: lead.id, fundingSource: 'PROJECT_FUNDS', fundingFen: 100, startDate: new Date('2026-03-01'), endDate: new Date('2026-12-31'), status: 'RUNNING', createdById: lead.id },
        select: { id: true },
      })
    const mine = await project(t.communityA1a)
    const theirs = await project(t.communityA2a)
    const p = await scheduleInspection(county.scope, { targetKind: 'PROJECT', projectId: mine.id, templateId: tpl, date: '2026-05-10' })
    expect(p.ok).toBe(true)
    expect(await scheduleInspection(county.scope, { targetKind: 'PROJECT', projectId: theirs.id, templateId: tpl, date: '2026-05-10' })).toEqual(NF)
    const insp = await db.inspection.findUniqueOrThrow({ where: { id: (p as { value: { id: string } }).value.id }, select: { orgPath: true, orgUnitId: true, inspectorUnitId: true } })
    expect(insp).toEqual({ orgPath: t.communityA1a.path, orgUnitId: t.communityA1a.id, inspectorUnitId: t.countyA1.id })
  })

  it('score computation: Σ points ÷ Σ weights × 100 to one decimal; each item 0..weight whole points; scored once', async () => {
    expect(totalScore([{ weight: 30, points: 25 }, { weight: 50, points: 40 }, { weight: 20, points: 13 }])).toEqual({ scorePoints: 78, maxPoints: 100, scorePercent: 78 })
    expect(totalScore([{ weight: 3, points: 2 }])).toEqual({ scorePoints: 2, maxPoints: 3, scorePercent: 66.7 })
    const t = await tree()
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const tpl = await template(county.scope, '检查表', [{ text: '台账', weight: 7 }, { text: '培训', weight: 5 }])
    const id = await inspect(county.scope, t.communityA1a, tpl)
    const [a, b] = await itemIds(tpl)
    expect(await scoreInspection(county.scope, id, { [`score.${a}`]: '8', [`score.${b}`]: '' })).toEqual({
      ok: false, error: 'INVALID', fieldErrors: { [`score.${a}`]: 'validation.score.range', [`score.${b}`]: 'validation.score.range' },
    })
    expect(await scoreInspection(county.scope, id, { [`score.${a}`]: '6', [`score.${b}`]: '-1' })).toMatchObject({ fieldErrors: { [`score.${b}`]: 'validation.score.range' } })
    const db = await prisma()
    expect(await db.inspectionScore.count({ where: { inspectionId: id } })).toBe(0)
    expect(await scoreInspection(county.scope, id, { [`score.${a}`]: '6', [`score.${b}`]: '4', findings: '台账缺少三月记录' })).toEqual({ ok: true, value: { scorePercent: 83.3 } }) // 10/12
    expect(await scoreInspection(county.scope, id, { [`score.${a}`]: '7', [`score.${b}`]: '5' })).toEqual({ ok: false, error: 'STATE' })
    const view = await getInspection(county.scope, id)
    expect(view).toMatchObject({ ok: true, value: { status: 'SCORED', scorePoints: 10, maxPoints: 12, scorePercent: 83.3, findings: '台账缺少三月记录', items: [{ points: 6 }, { points: 4 }], canScore: false, canOrder: true } })
    // the community reads its inspection, cannot score it; a sibling county does not see it
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const sibling = await userWith('COUNTY_OFFICIAL', t.countyA2)
    expect((await getInspection(admin.scope, id)) as { value: { canScore: boolean; canOrder: boolean } }).toMatchObject({ value: { canOrder: false } })
    expect(await getInspection(sibling.scope, id)).toEqual(NF)
    expect(await scoreInspection(sibling.scope, id, {})).toEqual(NF)
  })

  it('rectification flow: order → respond → send back → respond → accept; overdue flagged to every official above, not to a sibling', async () => {
    const t = await tree()
    const region = await userWith('REGION_OFFICIAL', t.region)
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const sibling = await userWith('COUNTY_OFFICIAL', t.countyA2)
    const leagueB = await userWith('LEAGUE_OFFICIAL', t.leagueB)
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const neighbour = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const tpl = await template(county.scope)
    const id = await inspect(county.scope, t.communityA1a, tpl)
    const now = new Date('2026-05-10T04:00:00Z')

    expect(await orderRectification(county.scope, id, { description: '补齐台账', deadline: '2026-05-20' }, now)).toEqual({ ok: false, error: 'STATE' }) // not scored yet
    const ids = await itemIds(tpl)
    expect((await scoreInspection(county.scope, id, Object.fromEntries(ids.map((i) => [`score.${i}`, '10'])))).ok).toBe(true)
    expect(await orderRectification(county.scope, id, { description: '补齐台账', deadline: '2026-05-09' }, now)).toMatchObject({ fieldErrors: { deadline: 'validation.deadline.past' } })
    expect(await orderRectification(county.scope, id, { description: '', deadline: 'x' }, now)).toMatchObject({ fieldErrors: { description: 'validation.rectification.required', deadline: 'validation.deadline.format' } })
    expect(await orderRectification(admin.scope, id, { description: '补齐台账', deadline: '2026-05-20' }, now)).toEqual(NF)
    const r1 = await orderRectification(county.scope, id, { description: '补齐三月服务台账', deadline: '2026-05-20' }, now)
    const r2 = await orderRectification(county.scope, id, { description: '组织志愿者培训', deadline: '2026-06-30' }, now)
    if (!r1.ok || !r2.ok) throw new Error('order')
    const db = await prisma()
    expect(await db.rectification.count({ where: { inspectionId: id } })).toBe(2)

    // respond: only the inspected community's admin (the county holds evaluation.respond only for a county inspected)
    expect(await respondRectification(neighbour.scope, r1.value.id, { response: '已补齐' }, now)).toEqual(NF)
    expect(await respondRectification(county.scope, r1.value.id, { response: '已补齐' }, now)).toEqual(NF)
    expect(await respondRectification(admin.scope, r1.value.id, { response: '' }, now)).toMatchObject({ fieldErrors: { response: 'validation.rectificationResponse.required' } })
    expect(await respondRectification(admin.scope, r1.value.id, { response: '已补齐三月台账并归档' }, now)).toMatchObject({ ok: true })
    expect(await respondRectification(admin.scope, r1.value.id, { response: '再答一次' }, now)).toEqual({ ok: false, error: 'STATE' })
    expect(await acceptRectification(admin.scope, r1.value.id, now)).toEqual(NF) // the community cannot accept its own
    expect(await returnRectification(county.scope, r1.value.id, { note: '缺少签字' }, now)).toMatchObject({ ok: true })
    expect(await acceptRectification(county.scope, r1.value.id, now)).toEqual({ ok: false, error: 'STATE' }) // sent back: open again

    // overdue after 2026-05-20 (China date): every official above sees it, a sibling county and another league do not
    const later = new Date('2026-05-21T01:00:00Z')
    const onDeadline = new Date('2026-05-20T15:59:00Z') // 23:59 in China: not yet overdue
    expect(await overdueCount(county.scope, onDeadline)).toBe(0)
    for (const who of [region, league, county, admin]) expect(await overdueCount(who.scope, later)).toBe(1)
    for (const who of [sibling, leagueB, neighbour]) expect(await overdueCount(who.scope, later)).toBe(0)
    const list = await listRectifications(league.scope, q, later)
    expect(list.overdue.map((r) => r.id)).toEqual([r1.value.id])
    expect(list.overdue[0]).toMatchObject({ unit: t.communityA1a.name, overdue: true, status: 'OPEN', returnCount: 1 })
    expect(list.all.total).toBe(2)
    expect((await listRectifications(sibling.scope, q, later)).all.total).toBe(0)

    // responding late is still possible; accepted items are no longer overdue
    expect((await respondRectification(admin.scope, r1.value.id, { response: '已补签字' }, later)).ok).toBe(true)
    expect(await overdueCount(region.scope, later)).toBe(1) // responded but not accepted: still overdue
    expect(await acceptRectification(county.scope, r1.value.id, later)).toMatchObject({ ok: true })
    expect(await overdueCount(region.scope, later)).toBe(0)
    expect(await db.rectification.findUniqueOrThrow({ where: { id: r1.value.id }, select: { status: true, returnCount: true, returnNote: true, acceptedAt: true, respondedAt: true } })).toEqual({
      status: 'ACCEPTED', returnCount: 1, returnNote: '缺少签字', acceptedAt: later, respondedAt: later,
    })
    // a league official above the inspecting county may accept too (evaluation.manage over the inspector's unit); a sibling may not
    expect(await acceptRectification(sibling.scope, r2.value.id, later)).toEqual(NF)

    // inspections list: the community sees its own, the neighbour none, a county inspected is answered by its official
    expect((await listInspections(admin.scope, q)).total).toBe(1)
    expect((await listInspections(neighbour.scope, q)).total).toBe(0)
    const regionTpl = await template(region.scope)
    const countyInspection = await inspect(region.scope, t.countyA1, regionTpl)
    const rIds = await itemIds(regionTpl)
    expect((await scoreInspection(region.scope, countyInspection, Object.fromEntries(rIds.map((i) => [`score.${i}`, '1'])))).ok).toBe(true)
    const rc = await orderRectification(region.scope, countyInspection, { description: '完善牵头机制', deadline: '2026-06-01' }, now)
    if (!rc.ok) throw new Error('order county')
    expect(await respondRectification(admin.scope, rc.value.id, { response: '社区不能代答' }, now)).toEqual(NF)
    expect((await respondRectification(county.scope, rc.value.id, { response: '已建立联席会议' }, now)).ok).toBe(true)
    expect(await acceptRectification(county.scope, rc.value.id, now)).toEqual(NF) // not the inspector
    expect((await acceptRectification(region.scope, rc.value.id, now)).ok).toBe(true)
    // a league inspected has nobody to respond: no rectification can be ordered
    const leagueInspection = await inspect(region.scope, t.leagueB, regionTpl)
    expect((await scoreInspection(region.scope, leagueInspection, Object.fromEntries(rIds.map((i) => [`score.${i}`, '1'])))).ok).toBe(true)
    expect(await orderRectification(region.scope, leagueInspection, { description: '完善', deadline: '2026-06-01' }, now)).toMatchObject({ fieldErrors: { description: 'validation.rectification.noResponder' } })
  })
})

describe('spot checks (随机抽查)', () => {
  it('reproducible from the stored seed and population; N above the population takes all; repeated draws are all kept', async () => {
    const t = await tree()
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const sibling = await userWith('COUNTY_OFFICIAL', t.countyA2)
    const db = await prisma()

    // pilots of the whole region: A1a and B1a
    const all = await drawSpotCheck(region.scope, { kind: 'PILOT', unitId: t.region.id, size: '10' })
    if (!all.ok) throw new Error('draw')
    const row = await db.spotCheckDraw.findUniqueOrThrow({ where: { id: all.value.id } })
    expect(row.populationIds).toEqual([t.communityA1a.id, t.communityB1a.id].sort())
    expect(row.populationSize).toBe(2)
    expect([...row.sampleIds].sort()).toEqual(row.populationIds) // N > population: everyone
    expect(row.seed).toMatch(/^[0-9a-f]{32}$/)

    // closed needs of the county: 12 needs, 9 RESOLVED/CLOSED (one resolved outside the period), 3 open
    const cat = await ensureCategories(db, t.tenant.id)
    const need = (unit: UnitRef, status: 'OPEN' | 'RESOLVED' | 'CLOSED', resolvedAt: Date | null) =>
      db.need.create({
        data: { tenantId: t.tenant.id, orgUnitId: unit.id, orgPath: unit.path, title: '助老', description: '说明', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: 1, status, resolvedAt, createdById: county.id },
        select: { id: true },
      })
    const closed: string[] = []
    for (let i = 0; i < 8; i++) closed.push((await need(i % 2 ? t.communityA1a : t.communityA1b, i % 3 ? 'RESOLVED' : 'CLOSED', new Date(`2026-04-${10 + i}T02:00:00Z`))).id)
    const early = (await need(t.communityA1a, 'RESOLVED', new Date('2026-03-31T15:00:00Z'))).id // 2026-03-31 23:00 China
    for (let i = 0; i < 3; i++) await need(t.communityA1a, 'OPEN', null)
    await need(t.communityA2a, 'RESOLVED', new Date('2026-04-12T02:00:00Z')) // sibling county

    const d1 = await drawSpotCheck(county.scope, { kind: 'CLOSED_NEED', unitId: t.countyA1.id, size: '4' })
    if (!d1.ok) throw new Error('d1')
    const s1 = await db.spotCheckDraw.findUniqueOrThrow({ where: { id: d1.value.id } })
    expect(s1.populationIds).toEqual([...closed, early].sort())
    expect(s1.sampleIds).toHaveLength(4)
    // re-run from the stored row: the same sample
    expect(sampleIds(s1.seed, s1.populationIds, s1.sampleSize)).toEqual(s1.sampleIds)
    expect(verifyDraw(s1).matches).toBe(true)
    const view = await getSpotCheck(county.scope, d1.value.id)
    expect(view).toMatchObject({ ok: true, value: { verification: { matches: true }, currentSize: 9, populationSize: 9 } })
    expect((view as { value: { sample: { label: string | null }[] } }).value.sample.every((s) => s.label === '助老')).toBe(true)
    // a tampered record does not verify
    expect(verifyDraw({ ...s1, sampleIds: [...s1.sampleIds].reverse() }).matches).toBe(false)
    expect(verifyDraw({ ...s1, populationIds: [...s1.populationIds].reverse() }).matches).toBe(false)

    // period filter in China dates: 2026-04-01 … 2026-04-30 leaves out the need resolved on 03-31 China time
    const d2 = await drawSpotCheck(county.scope, { kind: 'CLOSED_NEED', unitId: t.countyA1.id, size: '3', from: '2026-04-01', to: '2026-04-30' }, s1.seed)
    if (!d2.ok) throw new Error('d2')
    const s2 = await db.spotCheckDraw.findUniqueOrThrow({ where: { id: d2.value.id } })
    expect(s2.populationIds).toEqual([...closed].sort())
    expect(s2.filters).toEqual({ unitId: t.countyA1.id, from: '2026-04-01', to: '2026-04-30' })
    // same seed, different population: a different sample (in general — checked over 20 seeds here)
    let differ = 0
    for (let i = 0; i < 20; i++) {
      const seed = i.toString(16).padStart(32, 'a')
      if (JSON.stringify(sampleIds(seed, s1.populationIds, 3)) !== JSON.stringify(sampleIds(seed, s2.populationIds, 3))) differ++
    }
    expect(differ).toBeGreaterThan(15)
    expect(await drawSpotCheck(county.scope, { kind: 'CLOSED_NEED', unitId: t.countyA1.id, size: '3', from: '2026-05-01', to: '2026-04-01' })).toMatchObject({ fieldErrors: { to: 'validation.evalPeriod.order' } })
    expect(await drawSpotCheck(county.scope, { kind: 'PILOT', unitId: t.countyA1.id, size: '0' })).toMatchObject({ fieldErrors: { size: 'validation.sampleSize.number' } })

    // the same draw again: a new row, both listed with their times
    const again = await drawSpotCheck(county.scope, { kind: 'CLOSED_NEED', unitId: t.countyA1.id, size: '4' })
    expect(again.ok).toBe(true)
    const list = await listSpotChecks(county.scope, q)
    expect(list.total).toBe(3)
    expect(list.rows.every((r) => r.createdAt instanceof Date && r.drawnBy === county.scope.userName)).toBe(true)

    // scope: outside the subtree → NOT_FOUND, draws of others not listed
    expect(await drawSpotCheck(county.scope, { kind: 'PILOT', unitId: t.countyA2.id, size: '1' })).toEqual(NF)
    expect(await getSpotCheck(sibling.scope, d1.value.id)).toEqual(NF)
    expect((await listSpotChecks(sibling.scope, q)).total).toBe(0)
    expect((await listSpotChecks(region.scope, q)).total).toBe(4)
  })

  it('a draw cannot be UPDATEd or DELETEd (database trigger); a unit move still rewrites its path', async () => {
    const t = await tree()
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const d = await drawSpotCheck(county.scope, { kind: 'PILOT', unitId: t.countyA1.id, size: '1' })
    if (!d.ok) throw new Error('draw')
    const db = await prisma()
    await expect(db.$executeRawUnsafe(`UPDATE "SpotCheckDraw" SET "seed" = '${'f'.repeat(32)}' WHERE "id" = '${d.value.id}'`)).rejects.toThrow()
    await expect(db.$executeRawUnsafe(`UPDATE "SpotCheckDraw" SET "sampleIds" = '{}' WHERE "id" = '${d.value.id}'`)).rejects.toThrow()
    await expect(db.spotCheckDraw.delete({ where: { id: d.value.id } })).rejects.toThrow()
    expect(await db.spotCheckDraw.count({ where: { id: d.value.id } })).toBe(1)
    // a unit move may still rewrite its orgPath (the only change the trigger lets through), and it re-runs
    const region = await userWith('REGION_OFFICIAL', t.region)
    expect((await moveUnit(region.scope, t.countyA1.id, t.leagueB.id)).ok).toBe(true)
    const moved = await db.spotCheckDraw.findUniqueOrThrow({ where: { id: d.value.id } })
    expect(moved.orgPath).toBe(`${t.leagueB.path}${t.countyA1.id}/`)
    expect(verifyDraw(moved).matches).toBe(true)
  })
})

describe('satisfaction surveys', () => {
  const QUESTIONS = { 'questions.0.kind': 'RATING', 'questions.0.text': '服务态度', 'questions.1.kind': 'RATING', 'questions.1.text': '服务及时', 'questions.2.kind': 'CHOICE', 'questions.2.text': '如何得知', 'questions.2.options': '网格员、微信群、公告栏', 'questions.3.kind': 'TEXT', 'questions.3.text': '建议' }

  // the campaigns below are set up as of 1 April 2026 (a campaign cannot open or close in the past)
  const SET_UP = new Date('2026-04-01T02:00:00Z')

  async function campaign(scope: Scope, unit: UnitRef, extra: Record<string, string> = {}) {
    const r = await createCampaign(scope, { orgUnitId: unit.id, title: '2026 年上半年服务满意度', startsOn: '2026-05-01', endsOn: '2026-06-30', ...QUESTIONS, ...extra }, SET_UP)
    if (!r.ok) throw new Error(JSON.stringify(r))
    const row = await (await prisma()).surveyCampaign.findUniqueOrThrow({ where: { id: r.value.id }, select: { token: true } })
    return { id: r.value.id, token: row.token }
  }

  it('campaign validation: 3–8 questions, choices need 2–6 options, a period in order; bad input writes nothing', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const base = { orgUnitId: t.communityA1a.id, title: '满意度', startsOn: '2026-05-01', endsOn: '2026-06-30' }
    expect(await createCampaign(admin.scope, { ...base, 'questions.0.kind': 'RATING', 'questions.0.text': '态度' }, SET_UP)).toMatchObject({ fieldErrors: { 'questions.0.text': 'validation.questions.count' } })
    expect(await createCampaign(admin.scope, { ...base, ...QUESTIONS, 'questions.2.options': '只有一个' }, SET_UP)).toMatchObject({ fieldErrors: { 'questions.2.options': 'validation.questionOptions.count' } })
    expect(await createCampaign(admin.scope, { ...base, ...QUESTIONS, endsOn: '2026-04-01' }, SET_UP)).toMatchObject({ fieldErrors: { endsOn: 'validation.evalPeriod.order' } })
    expect(await createCampaign(admin.scope, { ...base, ...QUESTIONS, orgUnitId: t.communityA1b.id }, SET_UP)).toMatchObject({ fieldErrors: { orgUnitId: 'validation.surveyUnit.required' } })
    expect(await (await prisma()).surveyCampaign.count({ where: { tenantId: t.tenant.id } })).toBe(0)
    const { token } = await campaign(admin.scope, t.communityA1a)
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const pub = await publicCampaign(token, new Date('2026-05-10T00:00:00Z'))
    expect(pub).toMatchObject({ state: 'OPEN', unit: t.communityA1a.name, questions: [{ kind: 'RATING' }, { kind: 'RATING' }, { kind: 'CHOICE', options: ['网格员', '微信群', '公告栏'] }, { kind: 'TEXT', options: [] }] })
    expect(await publicCampaign('x'.repeat(24))).toBeNull()
  })

  it('responses validated; averages equal a hand computation; closed campaigns refuse; rate limit; officials see only their subtree', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const adminB = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const sibling = await userWith('COUNTY_OFFICIAL', t.countyA2)
    const a = await campaign(admin.scope, t.communityA1a)
    const b = await campaign(adminB.scope, t.communityA1b)
    const now = new Date('2026-05-10T02:00:00Z')
    const db = await prisma()

    expect(await submitSurveyResponse(a.token, { 'a.0': '6', 'a.1': '', 'a.2': '3', 'a.3': '<script>' }, now)).toEqual({
      ok: false, error: 'INVALID', fieldErrors: { 'a.0': 'validation.surveyRating.required', 'a.1': 'validation.surveyRating.required', 'a.2': 'validation.surveyChoice.required', 'a.3': 'validation.noMarkup' },
    })
    expect(await db.surveyResponse.count({ where: { campaignId: a.id } })).toBe(0)
    expect(await submitSurveyResponse(a.token, { 'a.0': '5', 'a.1': '4', 'a.2': '0' }, new Date('2026-04-30T15:00:00Z'))).toEqual({ ok: false, error: 'NOT_STARTED' }) // 04-30 23:00 China

    // campaign A: ratings q0 = 5,4,3 → 4; q1 = 4,4,5 → 4.33; choices 0,0,2
    const answersA = [['5', '4', '0', '很好'], ['4', '4', '0', ''], ['3', '5', '2', '希望增加理发服务']]
    for (const [x, y, c, s] of answersA) expect(await submitSurveyResponse(a.token, { 'a.0': x, 'a.1': y, 'a.2': c, 'a.3': s }, now)).toEqual({ ok: true, value: null })
    // campaign B: q0 = 2, q1 = 1
    expect((await submitSurveyResponse(b.token, { 'a.0': '2', 'a.1': '1', 'a.2': '1' }, now)).ok).toBe(true)

    const ra = await getCampaign(admin.scope, a.id)
    if (!ra.ok) throw new Error('campaign')
    expect(ra.value.responses).toBe(3)
    expect(ra.value.results.map((r) => r.average)).toEqual([4, 4.33, null, null])
    expect(ra.value.results[0].distribution).toEqual([0, 0, 1, 1, 1])
    expect(ra.value.results[2].choices).toEqual([2, 0, 1])
    expect([...ra.value.results[3].texts].sort()).toEqual(['希望增加理发服务', '很好'])
    // subtree average, one answer one vote: A1a (5+4+3+4+4+5)/6 = 4.17; county (25+3)/8 = 3.5
    expect(await subtreeSatisfaction(county.scope, t.communityA1a.id)).toEqual({ ok: true, value: { answers: 6, average: 4.17 } })
    expect(await subtreeSatisfaction(county.scope, t.countyA1.id)).toEqual({ ok: true, value: { answers: 8, average: 3.5 } })
    const overview = await satisfactionOverview(league.scope)
    expect(overview).toHaveLength(1)
    expect(overview[0]).toMatchObject({ unit: t.leagueA.name, answers: 8, average: 3.5, children: [{ unit: t.countyA1.name, answers: 8, average: 3.5 }] })
    expect((await satisfactionOverview(county.scope))[0].children).toEqual([{ unit: t.communityA1a.name, answers: 6, average: 4.17 }, { unit: t.communityA1b.name, answers: 2, average: 1.5 }])

    // scope: the neighbour community and a sibling county see nothing of A
    expect(await getCampaign(adminB.scope, a.id)).toEqual(NF)
    expect(await getCampaign(sibling.scope, a.id)).toEqual(NF)
    expect(await subtreeSatisfaction(sibling.scope, t.countyA1.id)).toEqual(NF)
    expect((await satisfactionOverview(sibling.scope))[0]).toMatchObject({ answers: 0, average: null })
    expect((await listCampaigns(county.scope, q)).total).toBe(2)
    expect((await listCampaigns(adminB.scope, q)).total).toBe(1)
    expect((await listCampaigns(sibling.scope, q)).total).toBe(0)

    // closed: refused with CLOSED, nothing written; after the end date too
    expect(await closeCampaign(adminB.scope, a.id)).toEqual(NF)
    expect(await closeCampaign(admin.scope, a.id)).toEqual({ ok: true, value: null })
    expect(await submitSurveyResponse(a.token, { 'a.0': '5', 'a.1': '5', 'a.2': '0' }, now)).toEqual({ ok: false, error: 'CLOSED' })
    expect((await publicCampaign(a.token, now))?.state).toBe('CLOSED')
    expect(await submitSurveyResponse(b.token, { 'a.0': '5', 'a.1': '5', 'a.2': '0' }, new Date('2026-06-30T16:30:00Z'))).toEqual({ ok: false, error: 'CLOSED' }) // 07-01 China
    expect(await db.surveyResponse.count({ where: { campaignId: a.id } })).toBe(3)

    // abuse limit: 20 per minute per campaign (B has 1 already, at `now`)
    const burst = new Date('2026-05-11T02:00:00Z')
    let accepted = 0
    for (let i = 0; i < RATE_LIMIT + 5; i++) if ((await submitSurveyResponse(b.token, { 'a.0': '3', 'a.1': '3', 'a.2': '0' }, new Date(burst.getTime() + i * 100))).ok) accepted++
    expect(accepted).toBe(RATE_LIMIT)
    expect(await submitSurveyResponse(b.token, { 'a.0': '3', 'a.1': '3', 'a.2': '0' }, new Date(burst.getTime() + 61_000))).toEqual({ ok: true, value: null })
  })
})

describe('evaluation lists', () => {
  it('sort as their URL says: inspections by date and score (unscored last), rectifications by deadline', async () => {
    const t = await tree()
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const tpl = await template(county.scope)
    const may = await inspect(county.scope, t.communityA1a, tpl, '2026-05-10')
    const june = await inspect(county.scope, t.communityA1b, tpl, '2026-06-10')
    const april = await inspect(county.scope, t.communityA1a, tpl, '2026-04-10')
    const ids = await itemIds(tpl)
    const score = async (id: string, points: string[]) => {
      const r = await scoreInspection(county.scope, id, Object.fromEntries(ids.map((i, n) => [`score.${i}`, points[n]])))
      if (!r.ok) throw new Error(JSON.stringify(r))
    }
    await score(may, ['30', '50', '20']) // 100
    await score(april, ['10', '10', '10']) // 30
    const inspections = async (query: Record<string, string>) => (await listInspections(county.scope, ZInspectionListQuery.parse(query))).rows.map((r) => r.id)
    expect(await inspections({})).toEqual([june, may, april])
    expect(await inspections({ sort: 'date', dir: 'asc' })).toEqual([april, may, june])
    expect(await inspections({ sort: 'score', dir: 'desc' })).toEqual([may, april, june])
    expect(await inspections({ sort: 'score', dir: 'asc' })).toEqual([april, may, june])
    expect(await inspections({ sort: 'nonsense' })).toEqual([june, may, april])

    const now = new Date('2026-05-11T04:00:00Z')
    const later = await orderRectification(county.scope, may, { description: '组织志愿者培训', deadline: '2026-06-30' }, now)
    const sooner = await orderRectification(county.scope, may, { description: '补齐三月服务台账', deadline: '2026-05-20' }, now)
    if (!later.ok || !sooner.ok) throw new Error('order')
    const rects = async (query: Record<string, string>) => (await listRectifications(county.scope, ZRectListQuery.parse(query), now)).all.rows.map((r) => r.id)
    expect(await rects({ sort: 'deadline' })).toEqual([sooner.value.id, later.value.id])
    expect(await rects({ sort: 'deadline', dir: 'desc' })).toEqual([later.value.id, sooner.value.id])
  })
})
