'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { closeNeed, createNeed, rejectNeed, resolveNeed } from '@/lib/server/workflow/needs'
import { createServiceItem } from '@/lib/server/workflow/services'

// Every action resolves the caller again; the DAL checks the permission over the record itself.
export async function createNeedAction(_prev: FormState, fd: FormData) {
  return runAction('needs.createNeed', ['form'], [fd], async () => {
    const r = await createNeed(await requireScope(), Object.fromEntries(fd))
    return toActionState(r, r.ok ? { redirect: `/needs/${r.value.id}` } : {})
  })
}

export async function rejectNeedAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('needs.rejectNeed', ['id', 'form'], [id, fd], async () => {
    return toActionState(await rejectNeed(await requireScope(), id, Object.fromEntries(fd)))
  })
}

export async function resolveNeedAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('needs.resolveNeed', ['id', 'form'], [id, fd], async () => {
    return toActionState(await resolveNeed(await requireScope(), id, Object.fromEntries(fd)))
  })
}

export async function closeNeedAction(id: string) {
  return runAction('needs.closeNeed', ['id'], [id], async () => {
    return toActionState(await closeNeed(await requireScope(), id))
  })
}

export async function createServiceAction(needId: string, _prev: FormState, fd: FormData) {
  return runAction('needs.createService', ['id', 'form'], [needId, fd], async () => {
    const r = await createServiceItem(await requireScope(), { ...Object.fromEntries(fd), needId, resourceIds: fd.getAll('resourceIds') })
    return toActionState(r, r.ok ? { redirect: `/services/${r.value.id}` } : {})
  })
}
