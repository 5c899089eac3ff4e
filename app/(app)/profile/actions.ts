'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { saveMyProfile } from '@/lib/server/people/volunteers'

/** FormData → the profile input: checkboxes give several values under one name. */
export async function saveProfileAction(_prev: FormState, fd: FormData) {
  return runAction('profile.saveProfile', ['form'], [fd], async () => {
    const input = { ...Object.fromEntries(fd), skills: fd.getAll('skills'), availability: fd.getAll('availability') }
    return toActionState(await saveMyProfile(await requireScope(), input), { message: 'volunteer.saved' })
  })
}
