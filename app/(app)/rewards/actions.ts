'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { adjustHours } from '@/lib/server/people/hours'

export async function adjustHoursAction(_prev: FormState, fd: FormData) {
  return runAction('rewards.adjustHours', ['form'], [fd], async () => {
    return toActionState(await adjustHours(await requireScope(), Object.fromEntries(fd)), { message: 'hours.correct.saved' })
  })
}
