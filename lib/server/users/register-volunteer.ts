import 'server-only'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import { hashPassword } from '../auth/password'
import { fingerprint } from '../crypto'
import { addVolunteerRole, writeProfile } from '../people/volunteers'
import type { Tx } from '../workflow/common'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZRegisterVolunteer } from '@/lib/schemas/auth'

/**
 * Self-registration of a volunteer (no scope: the caller is not signed in yet). The account is active
 * at once and holds the VOLUNTEER role at the chosen community, in that community's tenant.
 * An ID number given is written on the volunteer's profile (encrypted + fingerprint, as /profile does)
 * and must not be on file in the tenant. Writes nothing unless every field is valid; a phone number
 * that is taken is a field error — except
 * an account the community imported and nobody has claimed: its owner claims it by registering with
 * the same phone and name (and the same ID number when one was recorded), which sets the password.
 */
export async function registerVolunteer(input: unknown): Promise<Result<{ userId: string; claimed: boolean }, 'INVALID'>> {
  const parsed = ZRegisterVolunteer.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const { phone, name, password, communityId, idNumber } = parsed.data
  const prisma = await db()
  const community = await prisma.orgUnit.findFirst({
    where: { id: communityId, level: 'COMMUNITY' },
    select: { id: true, path: true, tenantId: true },
  })
  if (!community) return fail('INVALID', { communityId: 'validation.community.required' })
  const passwordHash = await hashPassword(password)
  try {
    const user = await prisma.$transaction(async (tx) => {
      const u = await tx.user.create({ data: { tenantId: community.tenantId, phone, name, passwordHash }, select: { id: true } })
      // an ID number given is kept on the new volunteer's profile, as /profile keeps it; a number on
      // file in the tenant refuses the registration (and rolls the account back)
      if (idNumber) await storeIdNumber(tx, community.tenantId, u.id, community, name, idNumber)
      await addVolunteerRole(tx, community.tenantId, u.id, community)
      return u
    })
    return ok({ userId: user.id, claimed: false })
  } catch (e) {
    if (e instanceof IdNumberTaken) return fail('INVALID', { idNumber: 'validation.idNumber.taken' })
    // the unique index decides, so two sign-ups racing for one phone cannot both succeed
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e
  }
  return claimImported({ phone, name, idNumber, passwordHash, community })
}

/** The ID number is taken in the tenant: the transaction is rolled back, the caller answers with the field error. */
class IdNumberTaken extends Error {
  constructor() {
    super('idNumber taken')
  }
}

/**
 * Writes the registrant's ID number on their profile (name = the registered name, gender and birth
 * year from the number). Two registrations racing for one number: the unique index on
 * (tenantId, idNumberHash) lets one through; the other's insert fails with P2002, mapped here.
 */
async function storeIdNumber(tx: Tx, tenantId: string, userId: string, community: { id: string; path: string }, realName: string, idNumber: string) {
  try {
    const r = await writeProfile(tx, tenantId, userId, community, { realName, idNumber, kind: 'OTHER', skills: [], availability: [] })
    if (!r.ok) throw new IdNumberTaken()
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new IdNumberTaken()
    throw e
  }
}

async function claimImported(c: { phone: string; name: string; idNumber?: string; passwordHash: string; community: { id: string; path: string; tenantId: string } }): Promise<Result<{ userId: string; claimed: boolean }, 'INVALID'>> {
  const prisma = await db()
  const taken = fail('INVALID', { phone: 'validation.phone.taken' })
  const user = await prisma.user.findUnique({
    where: { phone: c.phone },
    select: { id: true, tenantId: true, passwordHash: true, lastLoginAt: true, volunteerProfile: { select: { imported: true, realName: true, idNumberHash: true } } },
  })
  const p = user?.volunteerProfile
  if (!user || !p?.imported || user.passwordHash !== '' || user.lastLoginAt || user.tenantId !== c.community.tenantId) return taken
  if (p.realName !== c.name) return fail('INVALID', { name: 'validation.name.mismatchImported' })
  if (p.idNumberHash && (!c.idNumber || fingerprint('idNumber', c.idNumber) !== p.idNumberHash)) return fail('INVALID', { idNumber: 'validation.idNumber.mismatch' })
  // conditional: of two claims racing, only the first finds the account unclaimed
  let claimed: boolean
  try {
    claimed = await prisma.$transaction(async (tx) => {
      const n = await tx.user.updateMany({ where: { id: user.id, passwordHash: '' }, data: { passwordHash: c.passwordHash } })
      if (n.count !== 1) return false
      await tx.volunteerProfile.update({ where: { userId: user.id }, data: { imported: false }, select: { userId: true } })
      // imported without an ID number: the one given now is kept, under the same rule as a new registration
      if (!p.idNumberHash && c.idNumber) await storeIdNumber(tx, c.community.tenantId, user.id, c.community, p.realName, c.idNumber)
      await addVolunteerRole(tx, c.community.tenantId, user.id, c.community)
      return true
    })
  } catch (e) {
    if (e instanceof IdNumberTaken) return fail('INVALID', { idNumber: 'validation.idNumber.taken' })
    throw e
  }
  return claimed ? ok({ userId: user.id, claimed: true }) : taken
}
