import { describe, expect, it } from 'vitest'
import { adjustHours, hoursByYear, listHourAdjustments } from '@/lib/server/people/hours'
import { getCertificate, issueCertificate, verifyCertificate } from '@/lib/server/people/certificates'
import { getTenantSettings, updateTenantSettings } from '@/lib/server/org/tenant-settings'
import { myPointsAndHours } from '@/lib/server/people/points'
import type { Scope } from '@/lib/server/authz/scope'
import { serviceWorld, tree, userWith } from './helpers'

const CODE = /^[A-HJ-NP-Z2-9]{12}$/
const chinaYear = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear()

const community = () => serviceWorld('时长')

const totalOf = async (scope: Scope, userId: string) => {
  const r = await hoursByYear(scope, userId)
  if (!r.ok) throw new Error('hours')
  return r.value.totalMinutes
}

describe('service hours: signed corrections', () => {
  it('hours = checked-out minutes + corrections; a correction never drives the total below zero; nothing is ever edited', async () => {
    const { t, db, admin, v, phone, serve } = await community()
    expect(await serve(v, new Date('2026-05-01T01:00:00Z'), new Date('2026-05-01T02:30:00Z'))).toBe(90)
    expect(await totalOf(v.scope, v.id)).toBe(90)

    expect(await adjustHours(admin.scope, { phone: '12', hours: '0', reason: '' })).toMatchObject({ ok: false, fieldErrors: { phone: 'validation.phone.format', hours: 'validation.hoursDelta.zero', reason: 'validation.correctionReason.required' } })
    expect(await adjustHours(admin.scope, { phone, hours: '1.234', reason: '补录' })).toMatchObject({ ok: false, fieldErrors: { hours: 'validation.hoursDelta.format' } })
    expect(await adjustHours(admin.scope, { phone, hours: '2', reason: '补' })).toMatchObject({ ok: false, fieldErrors: { reason: 'validation.correctionReason.short' } })
    expect(await adjustHours(admin.scope, { phone, hours: '2', reason: '补'.repeat(101) })).toMatchObject({ ok: false, fieldErrors: { reason: 'validation.correctionReason.long' } })
    expect(await db.hourAdjustment.count({ where: { userId: v.id } })).toBe(0)

    expect(await adjustHours(admin.scope, { phone, hours: '2', reason: '补录线下活动' })).toMatchObject({ ok: true })
    expect(await adjustHours(admin.scope, { phone, hours: '-1.5', reason: '重复签到' })).toMatchObject({ ok: true })
    expect(await totalOf(v.scope, v.id)).toBe(90 + 120 - 90)
    expect(await myPointsAndHours(v.scope)).toMatchObject({ hours: 2 })
    // 120 minutes left: -2.01 h (121 min) would go below zero and is refused; nothing written
    expect(await adjustHours(admin.scope, { phone, hours: '-2.01', reason: '扣减过多' })).toEqual({ ok: false, error: 'INVALID', fieldErrors: { hours: 'validation.hoursDelta.negative' } })
    expect(await db.hourAdjustment.count({ where: { userId: v.id } })).toBe(2)
    // two deductions of 1.5 h at once against 2 h: only one goes through
    const both = await Promise.all([adjustHours(admin.scope, { phone, hours: '-1.5', reason: '并发扣减甲' }), adjustHours(admin.scope, { phone, hours: '-1.5', reason: '并发扣减乙' })])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.filter((r) => !r.ok && r.fieldErrors?.hours === 'validation.hoursDelta.negative')).toHaveLength(1)
    expect(await totalOf(v.scope, v.id)).toBe(30)
    expect(await adjustHours(admin.scope, { phone, hours: '-0.5', reason: '清零' })).toMatchObject({ ok: true })
    expect(await totalOf(v.scope, v.id)).toBe(0)

    // stored with the volunteer's community; listed latest first, phones masked for staff, own for the volunteer
    const rows = await db.hourAdjustment.findMany({ where: { userId: v.id }, select: { orgUnitId: true, orgPath: true, createdById: true, tenantId: true } })
    expect(rows).toHaveLength(4)
    for (const r of rows) expect(r).toEqual({ orgUnitId: t.communityA1a.id, orgPath: t.communityA1a.path, createdById: admin.id, tenantId: t.tenant.id })
    const listed = await listHourAdjustments(admin.scope)
    expect(listed.map((c) => c.minutes).sort((a, b) => a - b)).toEqual([-90, -90, -30, 120])
    expect(listed[0].volunteer.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`)
    expect(listed[0].by).toBe('测试COMMUNITY_ADMIN')
    expect(await listHourAdjustments(v.scope, v.id)).toHaveLength(4)
    expect(await listHourAdjustments(v.scope)).toHaveLength(0) // a volunteer keeps no community's corrections

    // append-only, whatever the code does: the database refuses UPDATE and DELETE
    const adj = await db.hourAdjustment.findFirstOrThrow({ where: { userId: v.id }, select: { id: true } })
    await expect(db.$executeRaw`UPDATE "HourAdjustment" SET "minutes" = 6000 WHERE "id" = ${adj.id}`).rejects.toThrow(/append-only/)
    await expect(db.$executeRaw`DELETE FROM "HourAdjustment" WHERE "id" = ${adj.id}`).rejects.toThrow(/append-only/)
    const entry = await db.pointsEntry.findFirstOrThrow({ where: { userId: v.id }, select: { id: true } })
    await expect(db.$executeRaw`UPDATE "PointsEntry" SET "amount" = 1000 WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/)
    await expect(db.$executeRaw`DELETE FROM "PointsEntry" WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/)
    expect(await db.hourAdjustment.count({ where: { userId: v.id } })).toBe(4)
    expect(await totalOf(v.scope, v.id)).toBe(0)
  }, 120_000)

  it("only staff who keep points in the volunteer's community correct hours; everyone else finds no such volunteer", async () => {
    const { t, db, admin, v, phone } = await community()
    const other = await tree()
    const neighbour = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const foreign = await userWith('COMMUNITY_ADMIN', other.communityA1a)
    const v2 = await userWith('VOLUNTEER', t.communityA1a)
    const input = { phone, hours: '3', reason: '补录线下活动' }
    for (const s of [neighbour.scope, county.scope, region.scope, foreign.scope, v.scope, v2.scope]) {
      expect(await adjustHours(s, input)).toEqual({ ok: false, error: 'INVALID', fieldErrors: { phone: 'validation.volunteer.notFound' } })
    }
    expect(await db.hourAdjustment.count({ where: { userId: v.id } })).toBe(0)
    // nobody corrects their own hours, even staff who also volunteer
    const both = await userWith('COMMUNITY_ADMIN', t.communityA1a, [{ role: 'VOLUNTEER', unit: t.communityA1a }])
    const bothPhone = (await db.user.findUniqueOrThrow({ where: { id: both.id }, select: { phone: true } })).phone
    expect(await adjustHours(both.scope, { ...input, phone: bothPhone })).toMatchObject({ ok: false, fieldErrors: { phone: 'validation.hoursDelta.self' } })
    expect(await adjustHours(admin.scope, input)).toMatchObject({ ok: true })
    // reading someone's hours follows the same scope
    for (const s of [neighbour.scope, county.scope, foreign.scope, v2.scope]) expect(await hoursByYear(s, v.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect((await hoursByYear(admin.scope, v.id)).ok).toBe(true)
    expect(await listHourAdjustments(neighbour.scope)).toHaveLength(0)
    expect(await listHourAdjustments(foreign.scope)).toHaveLength(0)
    expect(await listHourAdjustments(neighbour.scope, v.id)).toHaveLength(0)
    expect(await listHourAdjustments(admin.scope, v.id)).toHaveLength(1)
  }, 120_000)

  it("star level changes exactly at the tenant's thresholds, after a correction and after the thresholds change", async () => {
    const { t, admin, v, phone } = await community()
    const region = await userWith('REGION_OFFICIAL', t.region)
    expect(await adjustHours(admin.scope, { phone, hours: '99.9', reason: '历史服务时长补录' })).toMatchObject({ ok: true })
    expect(await myPointsAndHours(v.scope)).toMatchObject({ hours: 99.9, stars: 0, toNextStar: 0.1 })
    expect(await adjustHours(admin.scope, { phone, hours: '0.05', reason: '补录三分钟' })).toMatchObject({ ok: true })
    expect(await myPointsAndHours(v.scope)).toMatchObject({ hours: 99.9, stars: 0 }) // 99.95 h is not 100 h
    expect(await adjustHours(admin.scope, { phone, hours: '0.05', reason: '补录三分钟' })).toMatchObject({ ok: true })
    expect(await myPointsAndHours(v.scope)).toMatchObject({ hours: 100, stars: 1, toNextStar: 200 })
    expect(await adjustHours(admin.scope, { phone, hours: '-0.01', reason: '扣减一分钟' })).toMatchObject({ ok: true })
    expect(await myPointsAndHours(v.scope)).toMatchObject({ hours: 99.9, stars: 0 })
    expect(await adjustHours(admin.scope, { phone, hours: '0.01', reason: '补回一分钟' })).toMatchObject({ ok: true })
    // the tenant's own thresholds: 100 h is now the second star
    expect(await updateTenantSettings(region.scope, { pointsPerHour: '10', starThresholds: ['50', '100', '150', '200', '250'], certificationTarget: '50', ceHoursPerYear: '90' })).toEqual({ ok: true, value: null })
    expect(await myPointsAndHours(v.scope)).toMatchObject({ hours: 100, stars: 2, toNextStar: 50 })
    const cert = await issueCertificate(v.scope)
    if (!cert.ok) throw new Error('certificate')
    expect(await getCertificate(v.scope, cert.value.id)).toMatchObject({ ok: true, value: { hours: 100, stars: 2 } })
  }, 120_000)
})

describe('tenant settings', () => {
  it("only the region's officials change them; bad input is refused field by field and writes nothing; the new points rate applies at the next check-out", async () => {
    const { t, db, admin, v, serve } = await community()
    const region = await userWith('REGION_OFFICIAL', t.region)
    const league = await userWith('LEAGUE_OFFICIAL', t.leagueA)
    const other = await tree()
    const foreignRegion = await userWith('REGION_OFFICIAL', other.region)
    const before = await db.tenant.findUniqueOrThrow({ where: { id: t.tenant.id }, select: { pointsPerHour: true, starThresholds: true, certificationTarget: true, ceHoursPerYear: true } })
    expect(before).toEqual({ pointsPerHour: 10, starThresholds: [100, 300, 600, 1000, 1500], certificationTarget: 50, ceHoursPerYear: 90 })
    const good = { pointsPerHour: '20', starThresholds: ['100', '300', '600', '1000', '1500'], certificationTarget: '60', ceHoursPerYear: '72' }

    expect(await updateTenantSettings(region.scope, { ...good, starThresholds: ['100', '300', '300', '1000', '900'] })).toEqual({
      ok: false,
      error: 'INVALID',
      fieldErrors: { 'starThresholds.2': 'validation.starThresholds.increasing', 'starThresholds.4': 'validation.starThresholds.increasing' },
    })
    expect(await updateTenantSettings(region.scope, { ...good, starThresholds: ['0', '300', 'abc', '1000', '1500'] })).toMatchObject({ ok: false, fieldErrors: { 'starThresholds.0': 'validation.starThreshold.number', 'starThresholds.2': 'validation.starThreshold.number' } })
    expect(await updateTenantSettings(region.scope, { ...good, starThresholds: ['100', '300', '600', '1000'] })).toMatchObject({ ok: false, fieldErrors: { starThresholds: 'validation.starThresholds.count' } })
    expect(await updateTenantSettings(region.scope, { pointsPerHour: '0', starThresholds: good.starThresholds, certificationTarget: '101', ceHoursPerYear: '0' })).toEqual({
      ok: false,
      error: 'INVALID',
      fieldErrors: { pointsPerHour: 'validation.pointsPerHour.range', certificationTarget: 'validation.certificationTarget.range', ceHoursPerYear: 'validation.ceHoursPerYear.range' },
    })
    expect(await updateTenantSettings(region.scope, { ...good, pointsPerHour: '1001', ceHoursPerYear: '501', certificationTarget: '-1' })).toMatchObject({ ok: false, fieldErrors: { pointsPerHour: 'validation.pointsPerHour.range', ceHoursPerYear: 'validation.ceHoursPerYear.range', certificationTarget: 'validation.certificationTarget.range' } })
    expect(await updateTenantSettings(region.scope, { ...good, pointsPerHour: '1.5' })).toMatchObject({ ok: false, fieldErrors: { pointsPerHour: 'validation.pointsPerHour.range' } })
    for (const s of [league.scope, admin.scope, v.scope]) {
      expect(await updateTenantSettings(s, good)).toEqual({ ok: false, error: 'NOT_FOUND' })
      expect(await getTenantSettings(s)).toEqual({ ok: false, error: 'NOT_FOUND' })
    }
    // another tenant's region official changes their own tenant, never this one
    expect(await updateTenantSettings(foreignRegion.scope, { ...good, pointsPerHour: '999' })).toMatchObject({ ok: true })
    expect(await db.tenant.findUniqueOrThrow({ where: { id: t.tenant.id }, select: { pointsPerHour: true, starThresholds: true, certificationTarget: true, ceHoursPerYear: true } })).toEqual(before)

    expect(await updateTenantSettings(region.scope, good)).toEqual({ ok: true, value: null })
    expect(await getTenantSettings(region.scope)).toMatchObject({ ok: true, value: { pointsPerHour: 20, starThresholds: [100, 300, 600, 1000, 1500], certificationTarget: 60, ceHoursPerYear: 72 } })
    // 90 minutes at 20 points an hour: creditServicePoints reads the new rate
    expect(await serve(v, new Date('2026-06-01T01:00:00Z'), new Date('2026-06-01T02:30:00Z'))).toBe(90)
    expect(await db.pointsEntry.findMany({ where: { userId: v.id }, select: { kind: true, amount: true } })).toEqual([{ kind: 'SERVICE', amount: 30 }])
    expect(await myPointsAndHours(v.scope)).toMatchObject({ balance: 30, pointsPerHour: 20 })
  }, 120_000)
})

describe('service-hours certificates', () => {
  it('snapshot with hours split by China-time year, verified by code in any case; the holder and community staff open it, no one else', async () => {
    const { t, db, admin, v, phone, serve } = await community()
    // 23:00–23:50 on 31 Dec 2025 and 00:00–01:00 on 1 Jan 2026, China time (both still 2025 in UTC)
    expect(await serve(v, new Date('2025-12-31T15:00:00Z'), new Date('2025-12-31T15:50:00Z'))).toBe(50)
    expect(await serve(v, new Date('2025-12-31T16:00:00Z'), new Date('2025-12-31T17:00:00Z'))).toBe(60)
    expect(await adjustHours(admin.scope, { phone, hours: '1.5', reason: '补录线下活动' })).toMatchObject({ ok: true })
    const adjustedYear = chinaYear((await db.hourAdjustment.findFirstOrThrow({ where: { userId: v.id }, select: { createdAt: true } })).createdAt)
    const byYear = await hoursByYear(v.scope, v.id)
    if (!byYear.ok) throw new Error('hours')
    const expected = new Map<number, number>([[2025, 50], [2026, 60]])
    expected.set(adjustedYear, (expected.get(adjustedYear) ?? 0) + 90)
    expect(byYear.value.byYear.map((y) => [y.year, y.minutes])).toEqual([...expected.entries()].sort(([a], [b]) => a - b))
    expect(byYear.value.totalMinutes).toBe(200)

    const mine = await issueCertificate(v.scope)
    if (!mine.ok) throw new Error('certificate')
    expect(mine.value.code).toMatch(CODE)
    const stored = await db.hoursCertificate.findUniqueOrThrow({ where: { id: mine.value.id }, select: { holderName: true, unitName: true, totalMinutes: true, byYear: true, orgUnitId: true, orgPath: true, issuedById: true } })
    expect(stored).toMatchObject({ holderName: '测试VOLUNTEER', unitName: t.communityA1a.name, totalMinutes: 200, orgUnitId: t.communityA1a.id, orgPath: t.communityA1a.path, issuedById: v.id })
    expect(stored.byYear).toEqual([...expected.entries()].sort(([a], [b]) => a - b).map(([year, minutes]) => ({ year, minutes })))

    // anyone checks it by its code, typed in any case; the name is masked
    const checked = await verifyCertificate(mine.value.code.toLowerCase())
    expect(checked).toMatchObject({ code: mine.value.code, holderName: '测**********', unitName: t.communityA1a.name, hours: 3.3 })
    expect(checked?.byYear[0]).toEqual({ year: 2025, hours: 0.8 })
    expect(await verifyCertificate(` ${mine.value.code.slice(0, 6)}-${mine.value.code.slice(6).toLowerCase()} `)).toMatchObject({ code: mine.value.code })
    expect(await verifyCertificate('ABCDEFGHJKLM')).toBeNull() // well-formed, never issued (a clash is a 1-in-10^18 chance)
    expect(await verifyCertificate('0O1I0O1I0O1I')).toBeNull()
    expect(await verifyCertificate(undefined)).toBeNull()

    // a snapshot: later corrections do not change it; the real name from a volunteer profile is used when there is one
    expect(await adjustHours(admin.scope, { phone, hours: '10', reason: '补录线下活动' })).toMatchObject({ ok: true })
    expect((await verifyCertificate(mine.value.code))?.hours).toBe(3.3)
    await db.volunteerProfile.create({ data: { userId: v.id, tenantId: t.tenant.id, orgUnitId: t.communityA1a.id, orgPath: t.communityA1a.path, realName: '赵丽娜' } })
    const byStaff = await issueCertificate(admin.scope, v.id)
    if (!byStaff.ok) throw new Error('certificate by staff')
    expect(byStaff.value.code).not.toBe(mine.value.code)
    expect(await getCertificate(admin.scope, byStaff.value.id)).toMatchObject({ ok: true, value: { holderName: '赵丽娜', hours: 13.3, unitName: t.communityA1a.name } })
    expect(await verifyCertificate(byStaff.value.code)).toMatchObject({ holderName: '赵**', hours: 13.3 })

    // who may open and issue
    const v2 = await userWith('VOLUNTEER', t.communityA1a)
    const neighbour = await userWith('COMMUNITY_ADMIN', t.communityA1b)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const foreign = await userWith('COMMUNITY_ADMIN', (await tree()).communityA1a)
    expect((await getCertificate(v.scope, mine.value.id)).ok).toBe(true)
    expect((await getCertificate(v.scope, byStaff.value.id)).ok).toBe(true)
    expect((await getCertificate(admin.scope, mine.value.id)).ok).toBe(true)
    for (const s of [v2.scope, neighbour.scope, county.scope, foreign.scope]) {
      expect(await getCertificate(s, mine.value.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
      expect(await issueCertificate(s, v.id)).toEqual({ ok: false, error: 'NOT_FOUND' })
    }
    expect(await getCertificate(v.scope, 'not-a-uuid')).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await issueCertificate(admin.scope, 'not-a-uuid')).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await issueCertificate(admin.scope)).toEqual({ ok: false, error: 'NOT_FOUND' }) // staff are not volunteers themselves
    expect(await db.hoursCertificate.count({ where: { userId: v.id } })).toBe(2)

    // append-only
    await expect(db.$executeRaw`UPDATE "HoursCertificate" SET "totalMinutes" = 60000 WHERE "id" = ${mine.value.id}`).rejects.toThrow(/append-only/)
    await expect(db.$executeRaw`DELETE FROM "HoursCertificate" WHERE "id" = ${mine.value.id}`).rejects.toThrow(/append-only/)
    expect((await verifyCertificate(mine.value.code))?.hours).toBe(3.3)
  }, 120_000)
})
