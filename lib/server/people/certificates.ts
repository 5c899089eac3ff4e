import 'server-only'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import { rootsFor, type Scope } from '../authz/scope'
import { underAny } from '../authz/hierarchy'
import { permissionsOf } from '../authz/permissions'
import { NOT_FOUND, ok, type Result } from '../result'
import { tallyHours, toHours, volunteerCommunityIn } from './hours'
import { CERTIFICATE_ALPHABET, CERTIFICATE_CODE_LENGTH, ZCertificateCode } from '@/lib/schemas/hours'
import { maskName } from '@/lib/mask'
import { starLevel } from '@/lib/stars'

/**
 * Service-hours certificates: what the volunteer's hours were when issued (a snapshot, never updated:
 * a trigger refuses UPDATE and DELETE), printable, and checked by anyone through its code.
 */

const ZByYear = z.array(z.object({ year: z.number().int(), minutes: z.number().int() })).catch([])
const ZId = z.uuid()

/** 12 characters from a 32-letter alphabet: 256 is a multiple of 32, so `byte % 32` is uniform. */
function newCode(): string {
  return Array.from(randomBytes(CERTIFICATE_CODE_LENGTH), (b) => CERTIFICATE_ALPHABET[b % CERTIFICATE_ALPHABET.length]).join('')
}

/** The caller's own community as a volunteer (the unit of a role that grants volunteer.home). */
function ownCommunity(scope: Scope) {
  const a = scope.assignments.find((x) => x.level === 'COMMUNITY' && permissionsOf(x.role).includes('volunteer.home'))
  return a ? { id: a.orgUnitId, path: a.orgPath, name: a.unitName } : null
}

/**
 * Issues a certificate: a volunteer their own (no userId), or community staff holding volunteer.manage
 * for a volunteer of their community. Anyone else gets NOT_FOUND.
 */
export async function issueCertificate(scope: Scope, userId?: string): Promise<Result<{ id: string; code: string }, 'NOT_FOUND'>> {
  const holderId = userId ?? scope.userId
  if (!ZId.safeParse(holderId).success) return NOT_FOUND
  const community = holderId === scope.userId ? ownCommunity(scope) : await volunteerCommunityIn(scope, holderId, 'volunteer.manage')
  if (!community) return NOT_FOUND
  const prisma = await db()
  const [user, profile, tally] = await Promise.all([
    prisma.user.findFirst({ where: { id: holderId, tenantId: scope.tenantId }, select: { name: true } }),
    prisma.volunteerProfile.findUnique({ where: { userId: holderId }, select: { realName: true } }),
    tallyHours(prisma, holderId),
  ])
  if (!user) return NOT_FOUND
  const data = {
    tenantId: scope.tenantId,
    orgUnitId: community.id,
    orgPath: community.path,
    userId: holderId,
    holderName: profile?.realName || user.name,
    unitName: community.name,
    totalMinutes: tally.totalMinutes,
    byYear: tally.byYear.map((y) => ({ year: y.year, minutes: y.minutes })),
    issuedById: scope.userId,
  }
  // 32^12 ≈ 10^18 codes: a clash is practically impossible, but the unique index has the last word
  for (let attempt = 0; ; attempt++) {
    try {
      return ok(await prisma.hoursCertificate.create({ data: { ...data, code: newCode() }, select: { id: true, code: true } }))
    } catch (e) {
      if (attempt < 4 && e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') continue
      throw e
    }
  }
}

/** A certificate for its holder, or for staff holding volunteer.manage over its community; else NOT_FOUND. */
export async function getCertificate(scope: Scope, id: string) {
  if (!ZId.safeParse(id).success) return NOT_FOUND
  const prisma = await db()
  const c = await prisma.hoursCertificate.findFirst({
    where: { id, tenantId: scope.tenantId, OR: [{ userId: scope.userId }, underAny(rootsFor(scope, 'volunteer.manage'), 'orgPath')] },
    select: { id: true, code: true, holderName: true, unitName: true, totalMinutes: true, byYear: true, issuedAt: true },
  })
  if (!c) return NOT_FOUND
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { name: true, starThresholds: true } })
  const hours = toHours(c.totalMinutes)
  return ok({
    ...c,
    tenantName: tenant.name,
    hours,
    stars: starLevel(hours, tenant.starThresholds),
    byYear: ZByYear.parse(c.byYear).map((y) => ({ year: y.year, hours: toHours(y.minutes) })),
  })
}

/**
 * The public check of a printed certificate by its code (the /verify page, before sign-in), so it takes
 * no scope on purpose: it shows only what the paper shows, with the holder's name masked, and nothing
 * else about the holder. Case, spaces and dashes in the typed code do not matter.
 */
export async function verifyCertificate(code: unknown) {
  const parsed = ZCertificateCode.safeParse(code)
  if (!parsed.success) return null
  const prisma = await db()
  const c = await prisma.hoursCertificate.findUnique({
    where: { code: parsed.data },
    select: { code: true, holderName: true, unitName: true, totalMinutes: true, byYear: true, issuedAt: true },
  })
  if (!c) return null
  return {
    code: c.code,
    holderName: maskName(c.holderName) ?? '',
    unitName: c.unitName,
    hours: toHours(c.totalMinutes),
    byYear: ZByYear.parse(c.byYear).map((y) => ({ year: y.year, hours: toHours(y.minutes) })),
    issuedAt: c.issuedAt,
  }
}
