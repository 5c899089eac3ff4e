'use server'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { saveWorkerProfile, setElderlyPopulation } from '@/lib/server/people/talent'

// Every action resolves the caller again; the DAL checks the permission over the record itself.
export async function saveWorkerProfileAction(userId: string, fd: FormData) {
  return toActionState(await saveWorkerProfile(await requireScope(), userId, Object.fromEntries(fd)), { message: 'common.saved' })
}

export async function setElderlyPopulationAction(fd: FormData) {
  return toActionState(await setElderlyPopulation(await requireScope(), Object.fromEntries(fd)), { message: 'common.saved' })
}
