// Volunteer profiles: validation (GB 11643 check digit), encryption at rest, who sees whom (masked),
// the .xlsx import matched by phone (no duplicates on re-import, saved profiles never overwritten),
// and claiming an imported account at registration.
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { listVolunteers, myProfile, saveMyProfile, volunteerDetail } from '@/lib/server/people/volunteers'
import { importVolunteers, volunteerTemplate, type ImportResult } from '@/lib/server/workflow/xlsx'
import { registerVolunteer } from '@/lib/server/users/register-volunteer'
import { verifyPassword } from '@/lib/server/auth/password'
import { createTestTree, uniquePhone } from '@/tests/factories/org'
import { prisma, tree, userWith } from './helpers'

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** A valid ID number: 6-digit area, birth date, 3-digit sequence (odd = male), check digit. */
function idNumber(birth: string, seq: number): string {
  const body = `150502${birth}${String(seq).padStart(3, '0')}`
  const sum = W.reduce((a, w, i) => a + w * Number(body[i]), 0)
  return body + '10X98765432'[sum % 11]
}
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')

const PROFILE = { realName: '赵丽娜', kind: 'PARTY_MEMBER', skills: ['CARE', 'LAW'], availability: ['WEEKEND'] }

async function fill(template: Buffer, rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(template as never)
  for (const r of rows) wb.worksheets[0].addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function summary(r: ImportResult) {
  if (!r.ok) throw new Error(`import refused: ${r.message}`)
  const { errorFile, ...counts } = r.value
  return { ...counts, hasErrorFile: !!errorFile }
}

describe('volunteer profile', () => {
  it('validates the ID number, stores it encrypted and derives gender and birth year from it', async () => {
    const t = await tree()
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const id = idNumber('19900307', 123) // 3rd sequence digit odd → male

    const bad = await saveMyProfile(v.scope, { ...PROFILE, idNumber: wrongCheck(id) })
    expect(bad).toMatchObject({ ok: false, error: 'INVALID', fieldErrors: { idNumber: 'validation.idNumber.checkDigit' } })
    const badDate = await saveMyProfile(v.scope, { ...PROFILE, idNumber: '150502199002301234' })
    expect(badDate.ok).toBe(false)
    const mismatch = await saveMyProfile(v.scope, { ...PROFILE, idNumber: id, gender: 'FEMALE', birthYear: '1991' })
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { gender: 'validation.gender.mismatchId', birthYear: 'validation.birthYear.mismatchId' } })
    const noKind = await saveMyProfile(v.scope, { realName: '赵' })
    expect(noKind).toMatchObject({ ok: false, fieldErrors: { realName: 'validation.realName.short', kind: 'validation.volunteerKind.required' } })
    expect(await (await prisma()).volunteerProfile.count({ where: { userId: v.id } })).toBe(0) // nothing written

    expect((await saveMyProfile(v.scope, { ...PROFILE, idNumber: id.toLowerCase() })).ok).toBe(true)
    const row = await (await prisma()).volunteerProfile.findUniqueOrThrow({ where: { userId: v.id } })
    expect(row.idNumberEnc).toBeTruthy()
    expect(row.idNumberEnc).not.toContain(id.slice(6, 14)) // ciphertext, not the number
    expect(row.idNumberHash).not.toContain(id.slice(6, 14))
    expect(row).toMatchObject({ gender: 'MALE', birthYear: 1990, kind: 'PARTY_MEMBER', skills: ['CARE', 'LAW'], orgPath: t.communityA1a.path })

    const mine = await myProfile(v.scope)
    expect(mine?.profile?.idNumberMasked).toBe(`1505${'*'.repeat(10)}${id.slice(-4)}`)

    // a blank ID number keeps the one on file
    expect((await saveMyProfile(v.scope, { ...PROFILE, kind: 'YOUTH', idNumber: '' })).ok).toBe(true)
    const kept = await (await prisma()).volunteerProfile.findUniqueOrThrow({ where: { userId: v.id } })
    expect(kept.idNumberHash).toBe(row.idNumberHash)
    expect(kept.kind).toBe('YOUTH')

    // one number, one volunteer per tenant
    const other = await userWith('VOLUNTEER', t.communityA1b)
    expect(await saveMyProfile(other.scope, { ...PROFILE, realName: '钱多多', idNumber: id })).toMatchObject({ ok: false, fieldErrors: { idNumber: 'validation.idNumber.taken' } })
  })

  it('is seen masked by the community admin and by the leaders of the teams the volunteer is in, by nobody else', async () => {
    const t = await tree()
    const db = await prisma()
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const id = idNumber('19851120', 246)
    expect((await saveMyProfile(v.scope, { ...PROFILE, idNumber: id })).ok).toBe(true)
    const stranger = await userWith('VOLUNTEER', t.communityA1a) // same community, in no team of the leader

    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const neighbourAdmin = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const leader = await userWith('TEAM_LEADER', t.communityA1a)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const team = await db.team.create({ data: { tenantId: t.tenant.id, orgUnitId: t.communityA1a.id, orgPath: t.communityA1a.path, name: '党旗红', kind: 'VOLUNTEER_TEAM', leaderId: leader.id }, select: { id: true } })
    await db.teamMember.create({ data: { teamId: team.id, userId: v.id } })

    const seen = await listVolunteers(admin.scope, {})
    const ids = seen.rows.map((r) => r.id)
    expect(ids).toEqual(expect.arrayContaining([v.id, stranger.id, leader.id]))
    const row = seen.rows.find((r) => r.id === v.id)!
    expect(row.idNumber).toBe(`1505${'*'.repeat(10)}${id.slice(-4)}`)
    expect(row.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(JSON.stringify(seen)).not.toContain(id)

    expect((await listVolunteers(leader.scope, {})).rows.map((r) => r.id)).toEqual([v.id])
    expect(await volunteerDetail(leader.scope, stranger.id)).toBeNull()
    expect((await volunteerDetail(leader.scope, v.id))?.manages).toBe(false)
    expect((await volunteerDetail(admin.scope, v.id))?.manages).toBe(true)

    for (const outsider of [neighbourAdmin, county, stranger]) {
      expect((await listVolunteers(outsider.scope, {})).total).toBe(0)
      expect(await volunteerDetail(outsider.scope, v.id)).toBeNull()
    }

    // filters and search
    expect((await listVolunteers(admin.scope, { kind: 'PARTY_MEMBER' })).rows.map((r) => r.id)).toEqual([v.id])
    expect((await listVolunteers(admin.scope, { skill: 'LAW' })).rows.map((r) => r.id)).toEqual([v.id])
    expect((await listVolunteers(admin.scope, { q: '赵丽' })).rows.map((r) => r.id)).toEqual([v.id])

    // sorted by registration (/volunteers?sort=registered): newest first, and back
    for (const [u, year] of [[v, 2020], [stranger, 2021], [leader, 2022]] as const) await db.user.update({ where: { id: u.id }, data: { createdAt: new Date(`${year}-01-01T00:00:00Z`) } })
    const byRegistered = async (dir: string) => (await listVolunteers(admin.scope, { sort: 'registered', dir })).rows.map((r) => r.id).filter((id) => [v.id, stranger.id, leader.id].includes(id))
    expect(await byRegistered('desc')).toEqual([leader.id, stranger.id, v.id])
    expect(await byRegistered('asc')).toEqual([v.id, stranger.id, leader.id])
  })
})

describe('volunteers import', () => {
  it('registers new phones once, matches existing phones, refuses bad rows with reasons, and never overwrites a saved profile', async () => {
    const t = await tree()
    const db = await prisma()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const existing = await userWith('VOLUNTEER', t.communityA1a)
    expect((await saveMyProfile(existing.scope, { ...PROFILE, realName: '自己填的', kind: 'VETERAN' })).ok).toBe(true)
    const existingPhone = (await db.user.findUniqueOrThrow({ where: { id: existing.id } })).phone
    const foreign = await createTestTree(db)
    const foreignUser = await userWith('VOLUNTEER', foreign.communityA1a)
    const foreignPhone = (await db.user.findUniqueOrThrow({ where: { id: foreignUser.id } })).phone

    const [p1, p2, p3] = [uniquePhone(), uniquePhone(), uniquePhone()]
    const id1 = idNumber('19700101', 11)
    const template = await volunteerTemplate(admin.scope)
    // community, phone, name, ID, gender, birth year, kind, skills, availability
    const file = await fill(template, [
      [null, p1, '孙志强', id1, null, null, '党员志愿者', '法律咨询、驾驶', '周末'],
      [null, p2, '周敏', null, '女', 1998, '青年志愿者', null, '工作日晚上'],
      [null, p2, '周敏', null, '女', 1998, '青年志愿者', null, null], // the same phone twice in one file
      [null, existingPhone, '覆盖者', null, null, null, '其他', null, null],
      [null, foreignPhone, '外省人', null, null, null, '其他', null, null],
      [null, p3, '错号', wrongCheck(idNumber('19800101', 13)), null, null, '其他', null, null],
      [null, '1234', '短号', null, null, null, '其他', '飞行', null],
    ])
    const first = summary(await importVolunteers(admin.scope, file))
    expect(first).toMatchObject({ total: 7, created: 2, duplicates: 2, failed: 3, hasErrorFile: true })

    const u1 = await db.user.findUniqueOrThrow({ where: { phone: p1 }, select: { id: true, passwordHash: true, volunteerProfile: true, roles: { select: { role: true, orgUnitId: true } } } })
    expect(u1.passwordHash).toBe('') // cannot sign in until claimed
    expect(u1.roles).toEqual([{ role: 'VOLUNTEER', orgUnitId: t.communityA1a.id }])
    expect(u1.volunteerProfile).toMatchObject({ realName: '孙志强', imported: true, kind: 'PARTY_MEMBER', skills: ['LAW', 'DRIVING'], availability: ['WEEKEND'], gender: 'MALE', birthYear: 1970 })
    expect(await db.volunteerProfile.findUniqueOrThrow({ where: { userId: existing.id } })).toMatchObject({ realName: '自己填的', kind: 'VETERAN' })
    expect(await db.user.count({ where: { phone: p3 } })).toBe(0)
    expect(await db.user.findUniqueOrThrow({ where: { id: foreignUser.id }, select: { tenantId: true } })).toEqual({ tenantId: foreign.tenant.id })

    // the error file says why, per row, in Chinese
    if (!(await importVolunteers(admin.scope, file)).ok) throw new Error('refused')
    const r = await importVolunteers(admin.scope, file)
    if (!r.ok || !r.value.errorFile) throw new Error('no error file')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.value.errorFile as never)
    const reasons: string[] = []
    wb.worksheets[0].eachRow((row, i) => {
      if (i > 1) reasons.push(String(row.getCell(10).value))
    })
    expect(reasons).toHaveLength(3)
    expect(reasons.filter((x) => x.includes('其他省份'))).toHaveLength(1)
    expect(reasons.filter((x) => x.includes('校验位'))).toHaveLength(1)
    expect(reasons.filter((x) => x.includes('手机号') && x.includes('飞行'))).toHaveLength(1)

    // re-importing adds nobody
    expect(summary(r)).toMatchObject({ created: 0, duplicates: 4, failed: 3 })
    expect(await db.user.count({ where: { phone: { in: [p1, p2] } } })).toBe(2)
  })

  it('refuses a row whose phone or name is a formula, naming the cell; registers nobody for it', async () => {
    const t = await tree()
    const db = await prisma()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const [p1, p2, p3] = [uniquePhone(), uniquePhone(), uniquePhone()]
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await volunteerTemplate(admin.scope)) as never)
    const ws = wb.worksheets[0]
    ws.addRow([null, p1, '正常行', null, null, null, '其他', null, null])
    ws.addRow([null, { formula: `"${p2.slice(0, 3)}"&"${p2.slice(3)}"`, result: p2 }, '公式手机号', null, null, null, '其他', null, null])
    ws.addRow([null, p3, { formula: "'[名单.xlsx]Sheet1'!C2", result: '外部姓名' }, null, null, null, '其他', null, null])
    const r = await importVolunteers(admin.scope, Buffer.from(await wb.xlsx.writeBuffer()))
    expect(summary(r)).toMatchObject({ total: 3, created: 1, failed: 2, hasErrorFile: true })
    if (!r.ok || !r.value.errorFile) throw new Error('no error file')
    const errors = new ExcelJS.Workbook()
    await errors.xlsx.load(r.value.errorFile as never)
    const reasons: string[] = []
    errors.worksheets[0].eachRow((row, i) => {
      if (i > 1) reasons.push(String(row.getCell(10).value))
    })
    expect(reasons).toEqual([expect.stringContaining('第 3 行 B 列是公式，请粘贴为数值后再导入'), expect.stringContaining('第 4 行 C 列是公式，请粘贴为数值后再导入')])
    expect(await db.user.count({ where: { phone: { in: [p2, p3] } } })).toBe(0)
    expect(await db.user.count({ where: { phone: p1 } })).toBe(1)
  })

  it('imports only into communities where the caller keeps volunteers', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const neighbour = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const template = await volunteerTemplate(admin.scope)
    const phone = uniquePhone()
    const file = await fill(template, [[t.communityA1b.name, phone, '越界者', null, null, null, '其他', null, null]])
    expect(summary(await importVolunteers(admin.scope, file))).toMatchObject({ created: 0, failed: 1 })
    expect(await importVolunteers(worker.scope, file)).toMatchObject({ ok: false, error: 'NOT_FOUND' })
    void neighbour
    expect(await (await prisma()).user.count({ where: { phone } })).toBe(0)
  })

  it('lets the owner claim an imported account with the recorded name and ID number, once', async () => {
    const t = await tree()
    const db = await prisma()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const phone = uniquePhone()
    const id = idNumber('19920215', 42)
    const file = await fill(await volunteerTemplate(admin.scope), [[null, phone, '吴桂芳', id, null, null, '老年志愿者', null, null]])
    expect(summary(await importVolunteers(admin.scope, file)).created).toBe(1)

    const base = { phone, password: 'Volunteer2026', confirmPassword: 'Volunteer2026', communityId: t.communityA1a.id }
    expect(await registerVolunteer({ ...base, name: '吴桂花', idNumber: id })).toMatchObject({ ok: false, fieldErrors: { name: 'validation.name.mismatchImported' } })
    expect(await registerVolunteer({ ...base, name: '吴桂芳' })).toMatchObject({ ok: false, fieldErrors: { idNumber: 'validation.idNumber.mismatch' } })
    expect(await registerVolunteer({ ...base, name: '吴桂芳', idNumber: idNumber('19920215', 44) })).toMatchObject({ ok: false, fieldErrors: { idNumber: 'validation.idNumber.mismatch' } })
    expect((await db.user.findUniqueOrThrow({ where: { phone } })).passwordHash).toBe('')

    const claimed = await registerVolunteer({ ...base, name: '吴桂芳', idNumber: id })
    expect(claimed).toMatchObject({ ok: true, value: { claimed: true } })
    const u = await db.user.findUniqueOrThrow({ where: { phone }, select: { passwordHash: true, volunteerProfile: { select: { imported: true } } } })
    expect(await verifyPassword('Volunteer2026', u.passwordHash)).toBe(true)
    expect(u.volunteerProfile?.imported).toBe(false)

    // a second claim is an ordinary "phone taken"
    expect(await registerVolunteer({ ...base, name: '吴桂芳', idNumber: id, password: 'Another2026x', confirmPassword: 'Another2026x' })).toMatchObject({ ok: false, fieldErrors: { phone: 'validation.phone.taken' } })
    expect(await verifyPassword('Volunteer2026', (await db.user.findUniqueOrThrow({ where: { phone } })).passwordHash)).toBe(true)
  })
})
