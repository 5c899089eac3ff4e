'use server'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { createAgency, updateAgency } from '@/lib/server/people/agencies'

// Every action resolves the caller again; the DAL checks agency.manage over the unit and the record.
export async function createAgencyAction(fd: FormData) {
  const r = await createAgency(await requireScope(), Object.fromEntries(fd))
  return toActionState(r, r.ok ? { redirect: `/agencies/${r.value.id}` } : {})
}

export async function updateAgencyAction(id: string, fd: FormData) {
  return toActionState(await updateAgency(await requireScope(), id, Object.fromEntries(fd)), { message: 'common.saved' })
}
