// Factories shared by prisma/seed.ts and the tests: one way to make tenants, units and people.
import { randomUUID } from 'node:crypto'
import type { PrismaClient } from '@/lib/server/generated/prisma/client'
import type { OrgLevel, Role } from '@/lib/server/generated/prisma/enums'
import { depthOf, pathFor } from '@/lib/server/authz/hierarchy'
import { hashPassword } from '@/lib/server/auth/password'
import { bump, volunteerMetric } from '@/lib/server/stats/counters'

type Tx = Pick<PrismaClient, 'tenant' | 'orgUnit' | 'user' | 'roleAssignment' | '$executeRaw'>

export type UnitRef = { id: string; path: string; tenantId: string; level: OrgLevel; name: string }

export type UnitInput = {
  tenantId: string
  parent: UnitRef | null
  level: OrgLevel
  name: string
  code: string
  subDistrict?: string | null
  subDistrictCode?: string | null
  pilot?: { batch: string; start: Date; end: Date } | null
}

/** The row of a new unit with its id and materialized path already computed (for createMany). */
export function buildUnit(input: UnitInput) {
  const id = randomUUID()
  if (input.parent && depthOf(input.parent.level) + 1 !== depthOf(input.level)) {
    throw new Error(`a ${input.level} cannot sit under a ${input.parent.level}`)
  }
  return {
    id,
    tenantId: input.tenantId,
    parentId: input.parent?.id ?? null,
    level: input.level,
    name: input.name,
    code: input.code,
    subDistrict: input.subDistrict ?? null,
    subDistrictCode: input.subDistrictCode ?? null,
    path: pathFor(input.parent?.path ?? null, id),
    depth: depthOf(input.level),
    pilotBatch: input.pilot?.batch ?? null,
    pilotStart: input.pilot?.start ?? null,
    pilotEnd: input.pilot?.end ?? null,
  }
}

export const toRef = (u: ReturnType<typeof buildUnit>): UnitRef => ({ id: u.id, path: u.path, tenantId: u.tenantId, level: u.level, name: u.name })

export async function createTenant(tx: Tx, data: { code: string; name: string }) {
  return tx.tenant.create({ data, select: { id: true, code: true, name: true } })
}

export async function createUnit(tx: Tx, input: UnitInput): Promise<UnitRef> {
  const row = buildUnit(input)
  await tx.orgUnit.create({ data: row })
  return toRef(row)
}

let phoneSeq = 0
/** A syntactically valid, practically unique mainland mobile number for tests. */
export function uniquePhone(): string {
  phoneSeq = (phoneSeq + 1) % 1000
  const n = Math.floor(Math.random() * 1_000_000) * 1000 + phoneSeq
  return '17' + String(n).padStart(9, '0').slice(-9)
}

export async function createUser(
  tx: Tx,
  input: {
    tenantId: string
    name: string
    phone?: string
    password?: string
    passwordHash?: string
    active?: boolean
    roles: { unit: UnitRef; role: Role }[]
  },
) {
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? 'Passw0rd!'))
  const user = await tx.user.create({
    data: {
      tenantId: input.tenantId,
      name: input.name,
      phone: input.phone ?? uniquePhone(),
      passwordHash,
      active: input.active ?? true,
      roles: { create: input.roles.map((r) => ({ orgUnitId: r.unit.id, orgPath: r.unit.path, role: r.role })) },
    },
    select: { id: true, phone: true, name: true },
  })
  // a volunteer role counts on the dashboards like one made at registration
  for (const r of input.roles) if (r.role === 'VOLUNTEER') await bump(tx, input.tenantId, r.unit.path, { [volunteerMetric(null)]: 1 })
  return user
}

/**
 * A small tenant for tests: region R, leagues A and B, counties A1 A2 B1, communities A1a A1b A2a B1a
 * (A1a and B1a are pilots). Codes are made unique per call so many trees share one database: 48 random
 * bits (with 32, two trees of one full run once drew the same tenant code).
 */
export async function createTestTree(tx: Tx, label = randomUUID().replace(/-/g, '').slice(0, 12)) {
  const tenant = await createTenant(tx, { code: `T-${label}`, name: `测试省${label}` })
  const t = tenant.id
  const pilot = { batch: '测试批次', start: new Date('2026-03-01'), end: new Date('2027-02-28') }
  const region = await createUnit(tx, { tenantId: t, parent: null, level: 'REGION', name: `${label}自治区`, code: `${label}-R` })
  const leagueA = await createUnit(tx, { tenantId: t, parent: region, level: 'LEAGUE_CITY', name: `${label}甲盟`, code: `${label}-A` })
  const leagueB = await createUnit(tx, { tenantId: t, parent: region, level: 'LEAGUE_CITY', name: `${label}乙市`, code: `${label}-B` })
  const countyA1 = await createUnit(tx, { tenantId: t, parent: leagueA, level: 'BANNER_COUNTY', name: `${label}甲一旗`, code: `${label}-A1` })
  const countyA2 = await createUnit(tx, { tenantId: t, parent: leagueA, level: 'BANNER_COUNTY', name: `${label}甲二县`, code: `${label}-A2` })
  const countyB1 = await createUnit(tx, { tenantId: t, parent: leagueB, level: 'BANNER_COUNTY', name: `${label}乙一区`, code: `${label}-B1` })
  const comm = (parent: UnitRef, suffix: string, isPilot: boolean) =>
    createUnit(tx, { tenantId: t, parent, level: 'COMMUNITY', name: `${label}${suffix}社区`, code: `${label}-${suffix}`, subDistrict: `${label}幸福街道`, pilot: isPilot ? pilot : null })
  const communityA1a = await comm(countyA1, 'A1a', true)
  const communityA1b = await comm(countyA1, 'A1b', false)
  const communityA2a = await comm(countyA2, 'A2a', false)
  const communityB1a = await comm(countyB1, 'B1a', true)
  return { tenant, region, leagueA, leagueB, countyA1, countyA2, countyB1, communityA1a, communityA1b, communityA2a, communityB1a }
}
export type TestTree = Awaited<ReturnType<typeof createTestTree>>
