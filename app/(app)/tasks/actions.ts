'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { checkLimit, retryMinutes } from '@/lib/server/security/rate-limit'
import { requestIp } from '@/lib/server/security/audit'
import { cancelSignup, cancelTask, checkIn, checkOut, signUp, updateTask } from '@/lib/server/workflow/tasks'

export async function signUpAction(taskId: string) {
  return runAction('tasks.signUp', ['id'], [taskId], async () => {
    const scope = await requireScope()
    // bursts of sign-ups (scripts grabbing every slot) are limited per volunteer and per client IP
    const limit = await checkLimit('signUp', { user: scope.userId, ip: await requestIp() })
    if (!limit.ok) return { ok: false, error: 'error.rateLimited', messageParams: { minutes: retryMinutes(limit) } }
    const r = await signUp(scope, taskId)
    return toActionState(r, r.ok ? { message: r.value.status === 'CONFIRMED' ? 'tasks.confirmed' : 'tasks.waitlisted' } : {})
  })
}

export async function cancelSignupAction(taskId: string) {
  return runAction('tasks.cancelSignup', ['id'], [taskId], async () => {
    return toActionState(await cancelSignup(await requireScope(), taskId))
  })
}

/** The volunteer checks in or out with the code given out on site. */
export async function selfCheckAction(taskId: string, mode: 'in' | 'out', _prev: FormState, fd: FormData) {
  return runAction('tasks.selfCheck', ['id', ['in', 'out'], 'form'], [taskId, mode, fd], async () => {
    const scope = await requireScope()
    const by = { code: String(fd.get('code') ?? '') }
    const r = mode === 'in' ? await checkIn(scope, taskId, by) : await checkOut(scope, taskId, by)
    return toActionState(r)
  })
}

/** The volunteer checks in or out in one tap on the page a scanned QR code opened (its token comes along). */
export async function qrCheckAction(taskId: string, mode: 'in' | 'out', _prev: FormState, fd: FormData) {
  return runAction('tasks.qrCheck', ['id', ['in', 'out'], 'form'], [taskId, mode, fd], async () => {
    const scope = await requireScope()
    const by = { token: String(fd.get('token') ?? '').slice(0, 100) }
    if (mode === 'in') return toActionState(await checkIn(scope, taskId, by), { message: 'check.inDone' })
    const r = await checkOut(scope, taskId, by)
    return toActionState(r, r.ok ? { message: 'check.outDone', messageParams: { minutes: r.value.minutes } } : {})
  })
}

/** A team leader or social worker checks a volunteer in or out. */
export async function staffCheckAction(taskId: string, volunteerId: string, mode: 'in' | 'out') {
  return runAction('tasks.staffCheck', ['id', 'id', ['in', 'out']], [taskId, volunteerId, mode], async () => {
    const scope = await requireScope()
    const r = mode === 'in' ? await checkIn(scope, taskId, { volunteerId }) : await checkOut(scope, taskId, { volunteerId })
    return toActionState(r)
  })
}

export async function updateTaskAction(taskId: string, _prev: FormState, fd: FormData) {
  return runAction('tasks.updateTask', ['id', 'form'], [taskId, fd], async () => {
    return toActionState(await updateTask(await requireScope(), taskId, Object.fromEntries(fd)), { message: 'common.saved' })
  })
}

export async function cancelTaskAction(taskId: string, _prev: FormState, fd: FormData) {
  return runAction('tasks.cancelTask', ['id', 'form'], [taskId, fd], async () => {
    return toActionState(await cancelTask(await requireScope(), taskId, Object.fromEntries(fd)))
  })
}
