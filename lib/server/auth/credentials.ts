import 'server-only'
import { db } from '../db'
import { fail, ok, type Result } from '../result'
import { ZSignIn } from '@/lib/schemas/auth'
import { normaliseMobile } from '@/lib/schemas/phone'
import { dummyPasswordHash, verifyPassword } from './password'

export const MAX_FAILED_ATTEMPTS = 5
export const LOCK_MINUTES = 15

export type SignInError = 'INVALID' | 'LOCKED'

/** LOCKED with the minutes left until the stored expiry, rounded up ("请 3 分钟后再试", never "0 分钟"). */
const locked = (until: Date, now: Date) => fail('LOCKED', undefined, { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) })

/**
 * Checks phone + password (the phone however it is written: ZSignIn normalises it to its 11 digits). Five wrong passwords in a row lock the account for 15 minutes; while
 * locked even the right password is refused. An unknown phone, a wrong password and a deactivated
 * account all answer INVALID so the form never tells which phone numbers exist.
 */
export async function verifyCredentials(input: unknown, now = new Date()): Promise<Result<{ userId: string }, SignInError>> {
  const parsed = ZSignIn.safeParse(input)
  if (!parsed.success) return fail('INVALID')
  const { phone, password } = parsed.data
  const prisma = await db()
  const user = await prisma.user.findUnique({
    where: { phone },
    select: { id: true, passwordHash: true, active: true, lockedUntil: true },
  })
  if (!user) {
    await verifyPassword(password, await dummyPasswordHash())
    return fail('INVALID')
  }
  if (user.lockedUntil && user.lockedUntil > now) return locked(user.lockedUntil, now)
  const good = await verifyPassword(password, user.passwordHash)
  if (!good) {
    // atomic increment: concurrent wrong guesses all count
    const after = await prisma.user.update({
      where: { id: user.id },
      data: { failedLoginCount: { increment: 1 } },
      select: { failedLoginCount: true },
    })
    if (after.failedLoginCount >= MAX_FAILED_ATTEMPTS) {
      const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000)
      await prisma.user.update({ where: { id: user.id }, data: { lockedUntil, failedLoginCount: 0 } })
      return locked(lockedUntil, now)
    }
    return fail('INVALID')
  }
  if (!user.active) return fail('INVALID')
  await prisma.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  })
  return ok({ userId: user.id })
}

/** Who a phone number belongs to, for the audit entry of a sign-in attempt (null: nobody). */
export async function actorByPhone(written: string): Promise<{ id: string; tenantId: string; name: string } | null> {
  const phone = normaliseMobile(written)
  if (!phone) return null
  const prisma = await db()
  return prisma.user.findUnique({ where: { phone }, select: { id: true, tenantId: true, name: true } })
}

export async function actorById(id: string): Promise<{ id: string; tenantId: string; name: string } | null> {
  const prisma = await db()
  return prisma.user.findUnique({ where: { id }, select: { id: true, tenantId: true, name: true } })
}
