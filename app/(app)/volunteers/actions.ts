'use server'
import { runAction } from '@/lib/server/security/run-action'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { setVolunteerActive } from '@/lib/server/people/volunteers'

/** Disable or re-enable a volunteer's account (the community's volunteer.manage holder). */
export async function setVolunteerActiveAction(userId: string, active: boolean) {
  return runAction('volunteers.setActive', ['id', 'bool'], [userId, active], async () => {
    const r = await setVolunteerActive(await requireScope(), userId, active === true)
    return toActionState(r, { message: active === true ? 'volunteers.account.enabledDone' : 'volunteers.account.disabledDone' })
  })
}
