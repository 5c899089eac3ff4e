'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { createResource } from '@/lib/server/workflow/resources'

export async function createResourceAction(_prev: FormState, fd: FormData) {
  return runAction('resources.createResource', ['form'], [fd], async () => {
    const r = await createResource(await requireScope(), { ...Object.fromEntries(fd), categoryIds: fd.getAll('categoryIds') })
    return toActionState(r, r.ok ? { redirect: '/resources' } : {})
  })
}
