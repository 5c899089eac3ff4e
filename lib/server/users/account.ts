import 'server-only'
import { db } from '../db'
import type { Scope } from '../authz/scope'

/** The caller's own account (their own phone number is shown unmasked to them). */
export async function getMyAccount(scope: Scope) {
  const prisma = await db()
  const u = await prisma.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true, phone: true, lastLoginAt: true } })
  return { name: u.name, phone: u.phone, lastLoginAt: u.lastLoginAt }
}
