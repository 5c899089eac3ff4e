import 'server-only'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import { can, rootsFor, type Scope } from '../authz/scope'
import { underAny } from '../authz/hierarchy'
import { decryptField, encryptField, fingerprint } from '../crypto'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { fromIdNumber, knownAvailability, knownSkills, ZVolunteerListQuery, ZVolunteerProfile, type TVolunteerListQuery, type VolunteerSort } from '@/lib/schemas/volunteers'
import { orderOf } from '@/lib/schemas/list'
import { maskIdNumber } from '@/lib/id-card'
import { maskPhone } from '@/lib/mask'
import { starLevel } from '@/lib/stars'
import type { Tx } from '../workflow/common'
import { bump, volunteerMetric } from '../stats/counters'
import { endSessionsOf } from '../auth/sessions'
import { toHours } from '@/lib/hours'
import { totalMinutesOf } from './tally'

/**
 * Volunteer profiles (队伍共建): the volunteer keeps their own; the community admin (volunteer.manage) and
 * the leaders of the teams a volunteer is in (volunteer.team) see them — phone and ID number masked.
 * The ID number is stored as ciphertext plus a keyed fingerprint (one profile per number per tenant).
 */

const VOLUNTEER_ROLES = ['VOLUNTEER', 'TEAM_LEADER'] as const
export const ID_PURPOSE = 'idNumber'
export const idFingerprint = (id: string) => fingerprint(ID_PURPOSE, id) // the same purpose as register-volunteer's claim check

/** The community where the caller is a volunteer (their first volunteer.home unit). */
function homeCommunity(scope: Scope) {
  const a = scope.assignments.find((x) => (VOLUNTEER_ROLES as readonly string[]).includes(x.role) && x.level === 'COMMUNITY')
  return a ? { id: a.orgUnitId, path: a.orgPath, name: a.unitName } : null
}

const maskedId = (enc: string | null) => (enc ? maskIdNumber(decryptField(enc)) : null)

const PROFILE_SELECT = {
  realName: true,
  idNumberEnc: true,
  gender: true,
  birthYear: true,
  kind: true,
  skills: true,
  availability: true,
  updatedAt: true,
  orgUnit: { select: { name: true } },
} as const

type ProfileRow = Prisma.VolunteerProfileGetPayload<{ select: typeof PROFILE_SELECT }>

function profileDto(p: ProfileRow | null) {
  if (!p) return null
  const { idNumberEnc, skills, availability, ...rest } = p
  return { ...rest, skills: knownSkills(skills), availability: knownAvailability(availability), idNumberMasked: maskedId(idNumberEnc), hasIdNumber: !!idNumberEnc }
}
export type VolunteerProfileDto = NonNullable<ReturnType<typeof profileDto>>

/** The caller's own profile (ID number masked even for its owner: it is never sent to a browser). */
export async function myProfile(scope: Scope) {
  const home = homeCommunity(scope)
  if (!home) return null
  const prisma = await db()
  const p = await prisma.volunteerProfile.findUnique({ where: { userId: scope.userId }, select: PROFILE_SELECT })
  return { community: home.name, profile: profileDto(p) }
}

type ProfileData = { realName: string; idNumber?: string; gender?: 'MALE' | 'FEMALE'; birthYear?: number; kind: string; skills: string[]; availability: string[] }

/** Columns of a profile from validated input; the ID number (when given) decides gender and birth year. */
function profileColumns(d: ProfileData) {
  const derived = d.idNumber ? fromIdNumber(d.idNumber) : null
  return {
    realName: d.realName,
    ...(d.idNumber ? { idNumberEnc: encryptField(d.idNumber), idNumberHash: idFingerprint(d.idNumber) } : {}),
    gender: derived?.gender ?? d.gender ?? null,
    birthYear: derived?.birthYear ?? d.birthYear ?? null,
    kind: d.kind as 'OTHER',
    skills: [...new Set(d.skills)],
    availability: [...new Set(d.availability)],
  }
}

/** Writes a profile for `userId` at `community`; a number another profile of the tenant holds is a field error. */
export async function upsertProfile(tx: Tx, scope: Scope, userId: string, community: { id: string; path: string }, d: ProfileData, extra: { imported?: boolean } = {}) {
  return writeProfile(tx, scope.tenantId, userId, community, d, extra)
}

/**
 * The profile write itself, for the profile form and the import (through upsertProfile) and for
 * self-registration, the named exception without a scope (register-volunteer.ts: the new user's
 * tenant is the chosen community's). The ID number is unique per tenant: checked here for a field
 * error, and by the unique index on (tenantId, idNumberHash) for two writes racing (P2002, which
 * every caller maps to the same field error).
 */
export async function writeProfile(tx: Tx, tenantId: string, userId: string, community: { id: string; path: string }, d: ProfileData, extra: { imported?: boolean } = {}) {
  const cols = profileColumns(d)
  if (cols.idNumberHash) {
    const other = await tx.volunteerProfile.findFirst({ where: { tenantId, idNumberHash: cols.idNumberHash, NOT: { userId } }, select: { userId: true } })
    if (other) return fail('INVALID', { idNumber: 'validation.idNumber.taken' })
  }
  const before = await tx.volunteerProfile.findUnique({ where: { userId }, select: { kind: true } })
  await tx.volunteerProfile.upsert({
    where: { userId },
    create: { userId, tenantId, orgUnitId: community.id, orgPath: community.path, ...cols, imported: extra.imported ?? false },
    update: cols,
    select: { userId: true },
  })
  // the dashboards count volunteers by kind: move this one wherever they hold the volunteer role
  if ((before?.kind ?? null) !== cols.kind) {
    const roles = await tx.roleAssignment.findMany({ where: { userId, role: 'VOLUNTEER' }, select: { orgPath: true } })
    for (const r of roles) await bump(tx, tenantId, r.orgPath, { [volunteerMetric(before?.kind)]: -1, [volunteerMetric(cols.kind)]: 1 })
  }
  return ok(null)
}

/** Gives a user the VOLUNTEER role at a community unless they hold it, and counts them there. */
export async function addVolunteerRole(tx: Tx, tenantId: string, userId: string, community: { id: string; path: string }) {
  const held = await tx.roleAssignment.findUnique({ where: { userId_orgUnitId_role: { userId, orgUnitId: community.id, role: 'VOLUNTEER' } }, select: { id: true } })
  if (held) return false
  await tx.roleAssignment.create({ data: { userId, orgUnitId: community.id, orgPath: community.path, role: 'VOLUNTEER' }, select: { id: true } })
  const p = await tx.volunteerProfile.findUnique({ where: { userId }, select: { kind: true } })
  await bump(tx, tenantId, community.path, { [volunteerMetric(p?.kind)]: 1 })
  return true
}

/** A volunteer saves their own profile. Nothing is written unless every field is valid. */
export async function saveMyProfile(scope: Scope, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID'>> {
  const home = homeCommunity(scope)
  if (!home || !can(scope, 'volunteer.home')) return fail('NOT_FOUND')
  const parsed = ZVolunteerProfile.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  try {
    return await prisma.$transaction((tx) => upsertProfile(tx, scope, scope.userId, home, parsed.data))
  } catch (e) {
    // two profiles racing for one number: the unique index decides
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return fail('INVALID', { idNumber: 'validation.idNumber.taken' })
    throw e
  }
}

/** Users whose volunteer profile the caller may see: volunteers under volunteer.manage, members of teams they lead. */
function visibleVolunteers(scope: Scope): Prisma.UserWhereInput {
  const manage = rootsFor(scope, 'volunteer.manage')
  const or: Prisma.UserWhereInput[] = []
  if (manage.length) or.push({ roles: { some: { role: { in: [...VOLUNTEER_ROLES] }, ...underAny(manage, 'orgPath') } } })
  if (can(scope, 'volunteer.team')) or.push({ teamMemberships: { some: { team: { leaderId: scope.userId } } } })
  if (!or.length) return { id: { in: [] } }
  return { tenantId: scope.tenantId, OR: or }
}

export const canSeeVolunteers = (scope: Scope) => can(scope, 'volunteer.manage') || can(scope, 'volunteer.team')

/** The same total as tallyHours, for a page of volunteers at once (tally.ts). */
const minutesOf = async (userIds: string[]) => totalMinutesOf(await db(), userIds)

/** The volunteers the caller may see, with search (name / phone), filters (kind, skill) and pages. */
/** 志愿者名册's order: the URL's sort, else by name; the id breaks ties so pages never overlap. */
function volunteerOrder(q: TVolunteerListQuery): Prisma.UserOrderByWithRelationInput[] {
  return orderOf<VolunteerSort, Prisma.UserOrderByWithRelationInput>(q, { name: (dir) => [{ name: dir }], registered: (dir) => [{ createdAt: dir }] }, [{ name: 'asc' }], { id: 'asc' })
}

export async function listVolunteers(scope: Scope, rawQuery: unknown) {
  const query = ZVolunteerListQuery.parse(rawQuery ?? {})
  const prisma = await db()
  const q = query.q
  const where: Prisma.UserWhereInput = {
    AND: [
      visibleVolunteers(scope),
      q ? { OR: [{ name: { contains: q } }, { volunteerProfile: { realName: { contains: q } } }, ...(/^\d{4,11}$/.test(q) ? [{ phone: { contains: q } }] : [])] } : {},
      query.kind ? { volunteerProfile: { kind: query.kind } } : {},
      query.skill ? { volunteerProfile: { skills: { has: query.skill } } } : {},
    ],
  }
  const [total, users, tenant] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      select: {
        id: true,
        name: true,
        phone: true,
        createdAt: true,
        volunteerProfile: { select: { realName: true, idNumberEnc: true, gender: true, birthYear: true, kind: true, skills: true, imported: true } },
        roles: { where: { role: { in: [...VOLUNTEER_ROLES] } }, select: { orgUnit: { select: { name: true } } }, take: 1 },
      },
      orderBy: volunteerOrder(query),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { starThresholds: true } }),
  ])
  const minutes = await minutesOf(users.map((u) => u.id))
  const rows = users.map((u) => {
    const hours = toHours(minutes.get(u.id) ?? 0)
    const p = u.volunteerProfile
    return {
      id: u.id,
      name: p?.realName ?? u.name,
      phone: maskPhone(u.phone)!,
      idNumber: maskedId(p?.idNumberEnc ?? null),
      gender: p?.gender ?? null,
      birthYear: p?.birthYear ?? null,
      kind: p?.kind ?? null,
      skills: knownSkills(p?.skills ?? []),
      imported: p?.imported ?? false,
      community: u.roles[0]?.orgUnit.name ?? '',
      registeredAt: u.createdAt,
      hours,
      stars: starLevel(hours, tenant.starThresholds),
    }
  })
  return { rows, total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)), query }
}

const volunteerReadWhere = (scope: Scope, userId: string) => ({ AND: [{ id: userId }, visibleVolunteers(scope)] }) satisfies Prisma.UserWhereInput

/** Is this volunteer the caller's to see (volunteerDetail's condition; the record page's gate)? */
export async function volunteerInScope(scope: Scope, userId: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.user.findFirst({ where: volunteerReadWhere(scope, userId), select: { id: true } })) !== null
}

/** One volunteer as their community admin or team leader sees them (masked); null when out of scope. */
export async function volunteerDetail(scope: Scope, userId: string) {
  const prisma = await db()
  const u = await prisma.user.findFirst({
    where: volunteerReadWhere(scope, userId),
    select: {
      id: true,
      name: true,
      phone: true,
      active: true,
      createdAt: true,
      volunteerProfile: { select: { ...PROFILE_SELECT, imported: true } },
      roles: { where: { role: { in: [...VOLUNTEER_ROLES] } }, select: { orgUnitId: true, orgPath: true, orgUnit: { select: { name: true } } } },
      teamMemberships: { select: { team: { select: { id: true, name: true } } }, orderBy: { joinedAt: 'asc' } },
      signups: {
        where: { checkOutAt: { not: null } },
        select: { id: true, minutes: true, checkOutAt: true, task: { select: { title: true } } },
        orderBy: { checkOutAt: 'desc' },
        take: 20,
      },
    },
  })
  if (!u) return null
  const [minutes, tenant] = await Promise.all([minutesOf([u.id]), prisma.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { starThresholds: true } })])
  const hours = toHours(minutes.get(u.id) ?? 0)
  const manageRoots = rootsFor(scope, 'volunteer.manage')
  const { volunteerProfile, phone, roles, ...rest } = u
  return {
    ...rest,
    phone: maskPhone(phone)!,
    profile: volunteerProfile ? { ...profileDto(volunteerProfile)!, imported: volunteerProfile.imported } : null,
    communities: roles.map((r) => r.orgUnit.name),
    hours,
    stars: starLevel(hours, tenant.starThresholds),
    /** the caller keeps this volunteer's community (certificates, corrections), not only leads a team of theirs */
    manages: roles.some((r) => manageRoots.some((root) => r.orgPath.startsWith(root))),
  }
}

/**
 * The community's volunteer.manage holder disables (or re-enables) a volunteer's account. Only an
 * account whose every role is a volunteer role in the caller's communities qualifies (a social worker
 * who also volunteers is not the community admin's to switch off), never one's own. Disabling ends
 * every session of the account at once; sign-in then answers "wrong phone or password".
 */
export async function setVolunteerActive(scope: Scope, userId: string, active: boolean): Promise<Result<{ endedSessions: number }, 'NOT_FOUND'>> {
  const manage = rootsFor(scope, 'volunteer.manage')
  if (!manage.length || typeof userId !== 'string' || userId === scope.userId) return fail('NOT_FOUND')
  const prisma = await db()
  const u = await prisma.user.findFirst({
    where: { id: userId, tenantId: scope.tenantId, roles: { some: { role: { in: [...VOLUNTEER_ROLES] }, ...underAny(manage, 'orgPath') } } },
    select: { id: true, roles: { select: { role: true, orgPath: true } } },
  })
  if (!u || !u.roles.every((r) => (VOLUNTEER_ROLES as readonly string[]).includes(r.role) && manage.some((root) => r.orgPath.startsWith(root)))) return fail('NOT_FOUND')
  await prisma.user.update({ where: { id: u.id }, data: { active }, select: { id: true } })
  return ok({ endedSessions: active ? 0 : await endSessionsOf(u.id) })
}
