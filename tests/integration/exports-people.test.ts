// The people and pilot exports hold exactly what their pages show: the caller's scope, the filter, and
// phones and ID numbers masked.
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { EXPORTS, exportPilots, exportProjects, exportTalent, exportVolunteers } from '@/lib/server/people/exports'
import { saveMyProfile } from '@/lib/server/people/volunteers'
import { saveWorkerProfile } from '@/lib/server/people/talent'
import { openCase } from '@/lib/server/cases/cases'
import { prisma, tree, userWith } from './helpers'

async function sheet(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as never)
  const rows: string[][] = []
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))))
  return rows
}

describe('people exports', () => {
  it('volunteers: the roster of the admin, masked, under the filter; nothing for a neighbour', async () => {
    const t = await tree()
    const db = await prisma()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const neighbour = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const a = await userWith('VOLUNTEER', t.communityA1a)
    const b = await userWith('VOLUNTEER', t.communityA1a)
    expect((await saveMyProfile(a.scope, { realName: '导出甲', kind: 'YOUTH', idNumber: '11010519491231002X' })).ok).toBe(true)
    expect((await saveMyProfile(b.scope, { realName: '导出乙', kind: 'VETERAN' })).ok).toBe(true)
    const rows = await sheet(await exportVolunteers(admin.scope, {}))
    expect(rows[0]).toEqual(['姓名', '手机号', '身份证号', '性别', '出生年份', '志愿者类别', '技能特长', '社区', '服务时长（小时）', '星级'])
    const phoneA = (await db.user.findUniqueOrThrow({ where: { id: a.id } })).phone
    const rowA = rows.find((r) => r[0] === '导出甲')!
    expect(rowA[1]).toBe(`${phoneA.slice(0, 3)}****${phoneA.slice(7)}`)
    expect(rowA[2]).toBe('1101**********002X')
    expect(rowA.slice(3, 6)).toEqual(['女', '1949', '青年志愿者'])
    expect(JSON.stringify(rows)).not.toContain('11010519491231002X')
    expect((await sheet(await exportVolunteers(admin.scope, { kind: 'VETERAN' }))).map((r) => r[0])).toEqual(['姓名', '导出乙'])
    expect(await sheet(await exportVolunteers(neighbour.scope, {}))).toHaveLength(1)
  })

  it('talent, projects and pilots: only the subtree', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    expect((await saveWorkerProfile(admin.scope, worker.id, { certLevel: 'SENIOR', certNumber: 'GJ20240001', certDate: '2024-03-01', employerKind: 'COMMUNITY', station: '社工站' })).ok).toBe(true)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const otherCounty = await userWith('COUNTY_OFFICIAL', t.countyA2)
    const talent = await sheet(await exportTalent(county.scope, {}))
    expect(talent.find((r) => r[3] === '高级社会工作师')).toBeTruthy()
    expect(await sheet(await exportTalent(otherCounty.scope, {}))).toHaveLength(1)
    expect((await sheet(await exportTalent(county.scope, { level: 'ASSISTANT' }))).length).toBe(1)

    const pilots = await sheet(await exportPilots(county.scope, {}))
    expect(pilots.map((r) => r[0])).toEqual(['社区', t.communityA1a.name]) // A1a is the county's only pilot
    expect(pilots[1].slice(5)).toHaveLength(4)
    expect(await sheet(await exportPilots(otherCounty.scope, {}))).toHaveLength(1)
    expect(await sheet(await exportProjects(otherCounty.scope, {}))).toHaveLength(1)
  })

  it('/api/exports/<list>: who may export which list, and every list builds a workbook with its header', async () => {
    const t = await tree()
    const expect_ = (role: Awaited<ReturnType<typeof userWith>>, lists: string[]) =>
      expect(Object.keys(EXPORTS).filter((k) => EXPORTS[k].allowed(role.scope)).sort()).toEqual([...lists].sort())
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    expect_(county, ['talent', 'projects', 'pilots', 'training', 'agencies', 'inspections', 'rectifications', 'practice', 'spot-checks', 'surveys', 'teams', 'venues', 'units', 'templates'])
    expect_(await userWith('COMMUNITY_ADMIN', t.communityA1a), ['volunteers', 'talent', 'projects', 'pilots', 'training', 'agencies', 'inspections', 'rectifications', 'practice', 'surveys', 'teams', 'venues', 'rewards', 'units'])
    expect_(await userWith('TEAM_LEADER', t.communityA1a), ['volunteers', 'practice', 'teams', 'venues'])
    expect_(await userWith('CASE_SUPERVISOR', t.communityA1a), ['cases', 'pilots', 'practice', 'teams', 'venues', 'units'])
    expect_(await userWith('VOLUNTEER', t.communityA1a), ['practice', 'teams', 'venues'])
    for (const [name, spec] of Object.entries(EXPORTS)) {
      if (!spec.allowed(county.scope)) continue
      const rows = await sheet(await spec.build(county.scope, { q: t.countyA1.name }))
      expect(rows[0].length, name).toBeGreaterThan(2)
    }
  })

  it('cases: the worker’s own caseload with the person’s name masked; nothing for a volunteer', async () => {
    const t = await tree()
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    expect((await openCase(worker.scope, { orgUnitId: t.communityA1a.id, personName: '李桂英', gender: 'F', birthYear: '1949', vulnerabilityGroup: 'ELDERLY', foundVia: 'VISIT', situation: '独居老人，自行停用降压药' })).ok).toBe(true)
    const rows = await sheet(await EXPORTS.cases.build(worker.scope, {}))
    expect(rows[1].slice(0, 3)).toEqual(['李**', '老年人', '接案'])
    expect(JSON.stringify(rows)).not.toContain('李桂英')
    expect(JSON.stringify(rows)).not.toContain('降压药')
    expect(EXPORTS.cases.allowed((await userWith('VOLUNTEER', t.communityA1a)).scope)).toBe(false)
  })
})

