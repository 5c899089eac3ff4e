// One normaliser per kind of value, on every path that writes it (issue 13): an ID number given at
// registration is stored as /profile stores it and is unique per tenant on registration, profile and
// import alike (also when two registrations race); phones are found however they are written; text
// holding zero-width or bidirectional characters is refused with a field error and nothing is written.
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { Prisma } from '@/lib/server/generated/prisma/client'
import { registerVolunteer } from '@/lib/server/users/register-volunteer'
import { saveMyProfile } from '@/lib/server/people/volunteers'
import { importVolunteers, volunteerTemplate, type ImportResult } from '@/lib/server/workflow/xlsx'
import { verifyCredentials } from '@/lib/server/auth/credentials'
import { passwordSignIn } from '@/lib/server/auth/sign-in'
import { createNeed } from '@/lib/server/workflow/needs'
import { validateAnswers } from '@/lib/server/evaluation/surveys'
import { decryptField, fingerprint } from '@/lib/server/crypto'
import { createUser, uniquePhone } from '@/tests/factories/org'
import { ensureCategories } from '@/tests/factories/workflow'
import { prisma, tree, userWith } from './helpers'

const ID = '15050219900101007X' // valid (GB 11643), check character X; born 1990-01-01, sequence 007 (odd: male)
const ID_LOWER = '15050219900101007x'
/** ASCII → full-width forms, as a Chinese IME in full-width mode types them. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
const PASSWORD = 'grassland 2026'
const registration = (communityId: string, extra: Record<string, unknown> = {}) => ({ phone: uniquePhone(), name: '乌云其木格', password: PASSWORD, confirmPassword: PASSWORD, communityId, ...extra })

async function importFile(scope: Parameters<typeof volunteerTemplate>[0], rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await volunteerTemplate(scope)) as never)
  for (const r of rows) wb.worksheets[0].addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
function counts(r: ImportResult) {
  if (!r.ok) throw new Error(`import refused: ${r.message}`)
  return { created: r.value.created, failed: r.value.failed }
}

describe('an ID number given at registration', () => {
  it('is stored on the new profile (encrypted, fingerprinted, upper-case), and a second registration with it is refused and writes no user', async () => {
    const t = await tree()
    const db = await prisma()
    const first = registration(t.communityA1a.id, { idNumber: ID_LOWER })
    const r = await registerVolunteer(first)
    if (!r.ok) throw new Error(JSON.stringify(r))
    const p = await db.volunteerProfile.findUniqueOrThrow({ where: { userId: r.value.userId } })
    expect(p).toMatchObject({ tenantId: t.tenant.id, orgUnitId: t.communityA1a.id, realName: '乌云其木格', gender: 'MALE', birthYear: 1990, imported: false, idNumberHash: fingerprint('idNumber', ID) })
    expect(decryptField(p.idNumberEnc!)).toBe(ID)
    expect(p.idNumberEnc).not.toContain('19900101')
    // still a volunteer of the community, signed in with the phone as given
    expect(await verifyCredentials({ phone: first.phone, password: PASSWORD })).toEqual({ ok: true, value: { userId: r.value.userId } })
    expect(await db.roleAssignment.count({ where: { userId: r.value.userId, role: 'VOLUNTEER', orgUnitId: t.communityA1a.id } })).toBe(1)

    // the same number, upper-case, full-width or grouped: one number, refused on the field
    for (const written of [ID, fullWidth(ID_LOWER), '150502 19900101 007X']) {
      const second = registration(t.communityA1b.id, { idNumber: written })
      expect(await registerVolunteer(second), written).toEqual({ ok: false, error: 'INVALID', fieldErrors: { idNumber: 'validation.idNumber.taken' } })
      expect(await db.user.count({ where: { phone: second.phone } })).toBe(0)
    }
    expect(await db.volunteerProfile.count({ where: { tenantId: t.tenant.id, idNumberHash: fingerprint('idNumber', ID) } })).toBe(1)
  })

  it('is unique per tenant only: another province registers the same number', async () => {
    const [a, b] = [await tree(), await tree()]
    expect((await registerVolunteer(registration(a.communityA1a.id, { idNumber: ID }))).ok).toBe(true)
    expect((await registerVolunteer(registration(b.communityA1a.id, { idNumber: ID_LOWER }))).ok).toBe(true)
  })

  it('without one, registration writes no profile (as before); a wrong one is a field error and writes nothing', async () => {
    const t = await tree()
    const db = await prisma()
    const plain = await registerVolunteer(registration(t.communityA1a.id, { idNumber: '' }))
    if (!plain.ok) throw new Error(JSON.stringify(plain))
    expect(await db.volunteerProfile.count({ where: { userId: plain.value.userId } })).toBe(0)
    const bad = registration(t.communityA1a.id, { idNumber: '150502199001010071' })
    expect(await registerVolunteer(bad)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { idNumber: 'validation.idNumber.checkDigit' } })
    expect(await db.user.count({ where: { phone: bad.phone } })).toBe(0)
  })

  it('is refused on /profile and in the import when a registration holds it, however it is written', async () => {
    const t = await tree()
    const db = await prisma()
    expect((await registerVolunteer(registration(t.communityA1a.id, { idNumber: ID_LOWER }))).ok).toBe(true)

    const other = await userWith('VOLUNTEER', t.communityA1b)
    expect(await saveMyProfile(other.scope, { realName: '其他人', kind: 'OTHER', idNumber: fullWidth(ID) })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { idNumber: 'validation.idNumber.taken' } })
    expect(await db.volunteerProfile.count({ where: { userId: other.id } })).toBe(0)

    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const phone = uniquePhone()
    const file = await importFile(admin.scope, [[null, phone, '导入者', ID_LOWER, null, null, '其他', null, null]])
    expect(counts(await importVolunteers(admin.scope, file))).toEqual({ created: 0, failed: 1 })
    expect(await db.user.count({ where: { phone } })).toBe(0)
  })

  it('and an import holding it first refuses the registration that brings it', async () => {
    const t = await tree()
    const db = await prisma()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    // the import writes the phone as people do: with spaces and +86; it is stored as 11 digits
    const phone = uniquePhone()
    const written = `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`
    expect(counts(await importVolunteers(admin.scope, await importFile(admin.scope, [[null, written, '导入者', ID, null, null, '其他', null, null]])))).toEqual({ created: 1, failed: 0 })
    expect(await db.user.count({ where: { phone } })).toBe(1)
    const late = registration(t.communityA1a.id, { idNumber: ID_LOWER })
    expect(await registerVolunteer(late)).toMatchObject({ ok: false, fieldErrors: { idNumber: 'validation.idNumber.taken' } })
    expect(await db.user.count({ where: { phone: late.phone } })).toBe(0)
  })

  it('claiming an account imported without one keeps the number given, under the same uniqueness', async () => {
    const t = await tree()
    const db = await prisma()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const [p1, p2] = [uniquePhone(), uniquePhone()]
    expect(counts(await importVolunteers(admin.scope, await importFile(admin.scope, [[null, p1, '吴桂芳', null, null, null, '其他', null, null], [null, p2, '王秀兰', null, null, null, '其他', null, null]])))).toEqual({ created: 2, failed: 0 })
    const claimed = await registerVolunteer({ ...registration(t.communityA1a.id, { idNumber: ID_LOWER }), phone: p1, name: '吴桂芳' })
    expect(claimed).toMatchObject({ ok: true, value: { claimed: true } })
    const p = await db.volunteerProfile.findFirstOrThrow({ where: { user: { phone: p1 } } })
    expect(p).toMatchObject({ imported: false, idNumberHash: fingerprint('idNumber', ID), gender: 'MALE', birthYear: 1990 })
    // the second imported owner brings the same number: refused, and the account stays unclaimed
    expect(await registerVolunteer({ ...registration(t.communityA1a.id, { idNumber: ID }), phone: p2, name: '王秀兰' })).toMatchObject({ ok: false, fieldErrors: { idNumber: 'validation.idNumber.taken' } })
    expect(await db.user.findUniqueOrThrow({ where: { phone: p2 }, select: { passwordHash: true } })).toEqual({ passwordHash: '' })
  })

  it('two registrations racing with one number: exactly one is stored, the others get the field error and no user', async () => {
    const t = await tree()
    const db = await prisma()
    const inputs = Array.from({ length: 8 }, (_, i) => registration(i % 2 ? t.communityA1a.id : t.communityA1b.id, { idNumber: i % 2 ? ID : ID_LOWER }))
    const results = await Promise.all(inputs.map((x) => registerVolunteer(x)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, error: 'INVALID', fieldErrors: { idNumber: 'validation.idNumber.taken' } })
    expect(await db.user.count({ where: { phone: { in: inputs.map((x) => x.phone) } } })).toBe(1)
    expect(await db.volunteerProfile.count({ where: { tenantId: t.tenant.id, idNumberHash: fingerprint('idNumber', ID) } })).toBe(1)
  })

  it('the database itself holds one profile per number per tenant (the index behind the races)', async () => {
    const t = await tree()
    const db = await prisma()
    const [a, b] = [await createUser(db, { tenantId: t.tenant.id, name: '甲', roles: [] }), await createUser(db, { tenantId: t.tenant.id, name: '乙', roles: [] })]
    const row = (userId: string) => ({ userId, tenantId: t.tenant.id, orgUnitId: t.communityA1a.id, orgPath: t.communityA1a.path, realName: '某人', idNumberHash: fingerprint('idNumber', ID) })
    await db.volunteerProfile.create({ data: row(a.id) })
    const e = await db.volunteerProfile.create({ data: row(b.id) }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(Prisma.PrismaClientKnownRequestError)
    expect((e as Prisma.PrismaClientKnownRequestError).code).toBe('P2002')
  })
})

describe('phones as people write them', () => {
  it('sign-in finds the account whatever way the number is written', async () => {
    const t = await tree()
    const db = await prisma()
    const phone = uniquePhone()
    const u = await createUser(db, { tenantId: t.tenant.id, name: '手机号', phone, password: PASSWORD, roles: [{ role: 'VOLUNTEER', unit: t.communityA1a }] })
    const grouped = `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` // 139 0000 0009
    for (const written of [grouped, `+86${phone}`, `+86 ${grouped}`, `0086-${phone}`, fullWidth(phone), fullWidth(`+86 ${grouped}`).replaceAll(' ', '\u3000'), `\u3000${phone}\u00a0`]) {
      expect(await verifyCredentials({ phone: written, password: PASSWORD }), written).toEqual({ ok: true, value: { userId: u.id } })
      expect(await passwordSignIn({ phone: written, password: PASSWORD }, '203.0.113.9'), written).toMatchObject({ ok: true, value: { userId: u.id } })
    }
    // the audit names the one number, masked, however it was typed
    const targets = await db.auditEntry.findMany({ where: { action: 'auth.signIn', actorId: u.id }, select: { target: true } })
    expect(new Set(targets.map((x) => x.target)).size).toBe(1)
    expect(await verifyCredentials({ phone: grouped, password: 'wrong password' })).toEqual({ ok: false, error: 'INVALID' })
  })

  it('registration stores the 11 digits of a number written with spaces, +86 or full-width', async () => {
    const t = await tree()
    const db = await prisma()
    for (const render of [(p: string) => `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`, (p: string) => `+86${p}`, fullWidth]) {
      const phone = uniquePhone()
      const r = await registerVolunteer(registration(t.communityA1a.id, { phone: render(phone) }))
      if (!r.ok) throw new Error(JSON.stringify(r))
      expect(await db.user.findUniqueOrThrow({ where: { id: r.value.userId }, select: { phone: true } })).toEqual({ phone })
      // and the same number written another way is the same, taken number
      expect(await registerVolunteer(registration(t.communityA1a.id, { phone: `0086 ${phone}` }))).toMatchObject({ ok: false, fieldErrors: { phone: 'validation.phone.taken' } })
    }
  })
})

describe('invisible text', () => {
  it('a need titled with zero-width or bidirectional characters is refused on the title and nothing is written', async () => {
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const need = { orgUnitId: t.communityA1a.id, description: '上门理发', categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' }
    for (const title of ['\u200b\u200b', '\u202e需求\u202c', '理发\u200b', '\u2067理发\u2069', '\ufeff理发']) {
      expect(await createNeed(worker.scope, { ...need, title }), JSON.stringify(title)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { title: 'validation.text.invisible' } })
    }
    expect(await db.need.count({ where: { orgUnitId: t.communityA1a.id } })).toBe(0)
    // Mongolian script with its narrow no-break space, and an emoji ZWJ sequence, are text
    const ok = await createNeed(worker.scope, { ...need, title: 'ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ 👨‍👩‍👧', residentPhone: '０４７５－１２３４５６７' })
    if (!ok.ok) throw new Error(JSON.stringify(ok))
    expect(await db.need.findUniqueOrThrow({ where: { id: ok.value.id }, select: { title: true, residentPhone: true } })).toEqual({ title: 'ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ 👨‍👩‍👧', residentPhone: '0475-1234567' })
  })

  it('the public survey\'s text answers keep the same rule', () => {
    const qs = [{ kind: 'TEXT' as const, text: '建议', options: [] }]
    expect(validateAnswers(qs, { 'a.0': '\u3000 很好\u0301 ' })).toEqual({ answers: [{ question: 0, rating: null, choice: null, text: '很好\u0301'.normalize('NFC') }] })
    expect(validateAnswers(qs, { 'a.0': '\u202e好评' })).toEqual({ errors: { 'a.0': 'validation.text.invisible' } })
    expect(validateAnswers(qs, { 'a.0': '\ufeff' })).toEqual({ errors: { 'a.0': 'validation.text.invisible' } })
    expect(validateAnswers(qs, { 'a.0': '\u3000' })).toEqual({ answers: [] })
  })
})
