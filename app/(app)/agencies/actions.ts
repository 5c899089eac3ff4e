'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { createAgency, updateAgency } from '@/lib/server/people/agencies'

// Every action resolves the caller again; the DAL checks agency.manage over the unit and the record.
export async function createAgencyAction(_prev: FormState, fd: FormData) {
  return runAction('agencies.createAgency', ['form'], [fd], async () => {
    const r = await createAgency(await requireScope(), Object.fromEntries(fd))
    return toActionState(r, r.ok ? { redirect: `/agencies/${r.value.id}` } : {})
  })
}

export async function updateAgencyAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('agencies.updateAgency', ['id', 'form'], [id, fd], async () => {
    return toActionState(await updateAgency(await requireScope(), id, Object.fromEntries(fd)), { message: 'common.saved' })
  })
}
