'use server'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { cancelSignup, cancelTask, checkIn, checkOut, signUp, updateTask } from '@/lib/server/workflow/tasks'

export async function signUpAction(taskId: string) {
  const r = await signUp(await requireScope(), taskId)
  return toActionState(r, r.ok ? { message: r.value.status === 'CONFIRMED' ? 'tasks.confirmed' : 'tasks.waitlisted' } : {})
}

export async function cancelSignupAction(taskId: string) {
  return toActionState(await cancelSignup(await requireScope(), taskId))
}

/** The volunteer checks in or out with the code given out on site. */
export async function selfCheckAction(taskId: string, mode: 'in' | 'out', fd: FormData) {
  const scope = await requireScope()
  const by = { code: String(fd.get('code') ?? '') }
  const r = mode === 'in' ? await checkIn(scope, taskId, by) : await checkOut(scope, taskId, by)
  return toActionState(r)
}

/** A team leader or social worker checks a volunteer in or out. */
export async function staffCheckAction(taskId: string, volunteerId: string, mode: 'in' | 'out') {
  const scope = await requireScope()
  const r = mode === 'in' ? await checkIn(scope, taskId, { volunteerId }) : await checkOut(scope, taskId, { volunteerId })
  return toActionState(r)
}

export async function updateTaskAction(taskId: string, fd: FormData) {
  return toActionState(await updateTask(await requireScope(), taskId, Object.fromEntries(fd)), { message: 'common.saved' })
}

export async function cancelTaskAction(taskId: string, fd: FormData) {
  return toActionState(await cancelTask(await requireScope(), taskId, Object.fromEntries(fd)))
}
