'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { createPracticeCase, movePracticeCase, updatePracticeCase } from '@/lib/server/projects/practice'
import { PRACTICE_STATUSES } from '@/lib/schemas/projects'

export async function createPracticeAction(_prev: FormState, fd: FormData) {
  return runAction('practice.createPractice', ['form'], [fd], async () => {
    const r = await createPracticeCase(await requireScope(), Object.fromEntries(fd))
    return toActionState(r, r.ok ? { redirect: `/practice/${r.value.id}` } : {})
  })
}

export async function updatePracticeAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('practice.updatePractice', ['id', 'form'], [id, fd], async () => {
    return toActionState(await updatePracticeCase(await requireScope(), id, Object.fromEntries(fd)), { redirect: `/practice/${id}` })
  })
}

export async function movePracticeAction(id: string, to: string, _prev: FormState, fd: FormData) {
  return runAction('practice.movePractice', ['id', 'text', 'form'], [id, to, fd], async () => {
    const status = PRACTICE_STATUSES.find((s) => s === to)
    if (!status) return { ok: false, error: 'error.transition' }
    return toActionState(await movePracticeCase(await requireScope(), id, status, Object.fromEntries(fd)))
  })
}
