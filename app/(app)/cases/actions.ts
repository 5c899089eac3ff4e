'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { addIntervention, advanceCase, completeFollowUp, openCase, recordConsent, revealCaseField, saveSensitive, scheduleFollowUp } from '@/lib/server/cases/cases'
import { CASE_STATUSES } from '@/lib/schemas/projects'

export async function openCaseAction(_prev: FormState, fd: FormData) {
  return runAction('cases.openCase', ['form'], [fd], async () => {
    const r = await openCase(await requireScope(), Object.fromEntries(fd))
    return toActionState(r, r.ok ? { redirect: `/cases/${r.value.id}` } : {})
  })
}

/** The person's consent, a guardian's for a child under 14, the child's assent beside it (the DAL has the rules). */
export async function recordConsentAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('cases.recordConsent', ['id', 'form'], [id, fd], async () => {
    return toActionState(await recordConsent(await requireScope(), id, Object.fromEntries(fd)), { message: 'common.saved' })
  })
}

export async function saveSensitiveAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('cases.saveSensitive', ['id', 'form'], [id, fd], async () => {
    return toActionState(await saveSensitive(await requireScope(), id, Object.fromEntries(fd)), { message: 'common.saved' })
  })
}

export async function advanceCaseAction(id: string, to: string, _prev: FormState, fd: FormData) {
  return runAction('cases.advanceCase', ['id', 'text', 'form'], [id, to, fd], async () => {
    const status = CASE_STATUSES.find((s) => s === to)
    if (!status) return { ok: false, error: 'error.transition' }
    return toActionState(await advanceCase(await requireScope(), id, status, Object.fromEntries(fd)))
  })
}

export async function addInterventionAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('cases.addIntervention', ['id', 'form'], [id, fd], async () => {
    return toActionState(await addIntervention(await requireScope(), id, Object.fromEntries(fd)))
  })
}

export async function scheduleFollowUpAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('cases.scheduleFollowUp', ['id', 'form'], [id, fd], async () => {
    return toActionState(await scheduleFollowUp(await requireScope(), id, Object.fromEntries(fd)))
  })
}

export async function completeFollowUpAction(followUpId: string, _prev: FormState, fd: FormData) {
  return runAction('cases.completeFollowUp', ['id', 'form'], [followUpId, fd], async () => {
    return toActionState(await completeFollowUp(await requireScope(), followUpId, Object.fromEntries(fd)))
  })
}

/** Returns one unmasked field to its viewer; the DAL checks need-to-know and logs the unmasking. */
export async function revealAction(id: string, field: 'idNumber' | 'healthNotes'): Promise<string | null> {
  return runAction('cases.reveal', ['id', ['idNumber', 'healthNotes']], [id, field], async () => {
    if (field !== 'idNumber' && field !== 'healthNotes') return null
    const r = await revealCaseField(await requireScope(), id, field)
    return r.ok ? r.value : null
  }, 'value')
}
