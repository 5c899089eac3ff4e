import 'server-only'
import { db } from '../db'
import { fail, ok, type Result } from '../result'
import type { Scope } from '../authz/scope'
import { zodFieldErrors } from '../validation'
import { ZChangePassword } from '@/lib/schemas/auth'
import { hashPassword, verifyPassword } from '../auth/password'
import { endSessionsOf } from '../auth/sessions'

/**
 * The caller changes their own password: the current one is checked, the new one must pass the
 * password policy. Every other session of the user ends at once (a stolen session dies with the old
 * password); the one making the change goes on.
 */
export async function changePassword(scope: Scope, currentSessionId: string | null, input: unknown): Promise<Result<{ endedSessions: number }, 'INVALID'>> {
  const parsed = ZChangePassword.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const user = await prisma.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { passwordHash: true } })
  if (!(await verifyPassword(parsed.data.currentPassword, user.passwordHash))) return fail('INVALID', { currentPassword: 'validation.password.wrong' })
  await prisma.user.update({ where: { id: scope.userId }, data: { passwordHash: await hashPassword(parsed.data.newPassword) }, select: { id: true } })
  return ok({ endedSessions: await endSessionsOf(scope.userId, currentSessionId) })
}
