'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { saveWorkerProfile, setElderlyPopulation } from '@/lib/server/people/talent'

// Every action resolves the caller again; the DAL checks the permission over the record itself.
export async function saveWorkerProfileAction(userId: string, _prev: FormState, fd: FormData) {
  return runAction('talent.saveWorkerProfile', ['id', 'form'], [userId, fd], async () => {
    return toActionState(await saveWorkerProfile(await requireScope(), userId, Object.fromEntries(fd)), { message: 'common.saved' })
  })
}

export async function setElderlyPopulationAction(_prev: FormState, fd: FormData) {
  return runAction('talent.setElderlyPopulation', ['form'], [fd], async () => {
    return toActionState(await setElderlyPopulation(await requireScope(), Object.fromEntries(fd)), { message: 'common.saved' })
  })
}
