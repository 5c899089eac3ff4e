import 'server-only'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import { hashPassword } from '../auth/password'
import { fingerprint } from '../crypto'
import { addVolunteerRole } from '../people/volunteers'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZRegisterVolunteer } from '@/lib/schemas/auth'

/**
 * Self-registration of a volunteer (no scope: the caller is not signed in yet). The account is active
 * at once and holds the VOLUNTEER role at the chosen community, in that community's tenant.
 * Writes nothing unless every field is valid; a phone number that is taken is a field error — except
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
      await addVolunteerRole(tx, community.tenantId, u.id, community)
      return u
    })
    return ok({ userId: user.id, claimed: false })
  } catch (e) {
    // the unique index decides, so two sign-ups racing for one phone cannot both succeed
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e
  }
  return claimImported({ phone, name, idNumber, passwordHash, community })
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
  const claimed = await prisma.$transaction(async (tx) => {
    const n = await tx.user.updateMany({ where: { id: user.id, passwordHash: '' }, data: { passwordHash: c.passwordHash } })
    if (n.count !== 1) return false
    await tx.volunteerProfile.update({ where: { userId: user.id }, data: { imported: false }, select: { userId: true } })
    await addVolunteerRole(tx, c.community.tenantId, user.id, c.community)
    return true
  })
  return claimed ? ok({ userId: user.id, claimed: true }) : taken
}
