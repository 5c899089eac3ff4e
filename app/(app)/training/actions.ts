'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { createTrainingEvent, recordAttendance, removeAttendance } from '@/lib/server/people/training'

// Every action resolves the caller again; the DAL checks training.manage over the event's unit.
export async function createTrainingAction(_prev: FormState, fd: FormData) {
  return runAction('training.createTraining', ['form'], [fd], async () => {
    const r = await createTrainingEvent(await requireScope(), Object.fromEntries(fd))
    return toActionState(r, r.ok ? { redirect: `/training/${r.value.id}` } : {})
  })
}

export async function recordAttendanceAction(eventId: string, _prev: FormState, fd: FormData) {
  return runAction('training.recordAttendance', ['id', 'form'], [eventId, fd], async () => {
    const r = await recordAttendance(await requireScope(), eventId, { userIds: fd.getAll('userIds') })
    return toActionState(r, r.ok ? { message: 'training.recorded', messageParams: { added: r.value.added } } : {})
  })
}

export async function removeAttendanceAction(eventId: string, userId: string) {
  return runAction('training.removeAttendance', ['id', 'id'], [eventId, userId], async () => {
    return toActionState(await removeAttendance(await requireScope(), eventId, userId))
  })
}
