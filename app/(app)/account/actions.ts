'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { getSessionId, requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { changePassword } from '@/lib/server/users/password'

/** The caller's own password; every other session of theirs ends. */
export async function changePasswordAction(_prev: FormState, fd: FormData) {
  return runAction('account.changePassword', ['form'], [fd], async () => {
    const scope = await requireScope()
    return toActionState(await changePassword(scope, await getSessionId(), Object.fromEntries(fd)), { message: 'account.password.done' })
  })
}
