import 'server-only'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import { hashPassword } from '../auth/password'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZRegisterVolunteer } from '@/lib/schemas/auth'

/**
 * Self-registration of a volunteer (no scope: the caller is not signed in yet). The account is active
 * at once and holds the VOLUNTEER role at the chosen community, in that community's tenant.
 * Writes nothing unless every field is valid; a phone number that is taken is a field error.
 */
export async function registerVolunteer(input: unknown): Promise<Result<{ userId: string }, 'INVALID'>> {
  const parsed = ZRegisterVolunteer.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const { phone, name, password, communityId } = parsed.data
  const prisma = await db()
  const community = await prisma.orgUnit.findFirst({
    where: { id: communityId, level: 'COMMUNITY' },
    select: { id: true, path: true, tenantId: true },
  })
  if (!community) return fail('INVALID', { communityId: 'validation.community.required' })
  const passwordHash = await hashPassword(password)
  try {
    const user = await prisma.user.create({
      data: {
        tenantId: community.tenantId,
        phone,
        name,
        passwordHash,
        roles: { create: { orgUnitId: community.id, orgPath: community.path, role: 'VOLUNTEER' } },
      },
      select: { id: true },
    })
    return ok({ userId: user.id })
  } catch (e) {
    // the unique index decides, so two sign-ups racing for one phone cannot both succeed
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return fail('INVALID', { phone: 'validation.phone.taken' })
    throw e
  }
}
