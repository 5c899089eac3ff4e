'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { claimOrder, declineOrder } from '@/lib/server/workflow/orders'
import { createTask } from '@/lib/server/workflow/tasks'

export async function claimOrderAction(orderId: string, _prev: FormState, fd: FormData) {
  return runAction('orders.claimOrder', ['id', 'form'], [orderId, fd], async () => {
    return toActionState(await claimOrder(await requireScope(), orderId, String(fd.get('teamId') ?? '')))
  })
}

export async function declineOrderAction(orderId: string, _prev: FormState, fd: FormData) {
  return runAction('orders.declineOrder', ['id', 'form'], [orderId, fd], async () => {
    return toActionState(await declineOrder(await requireScope(), orderId, Object.fromEntries(fd)))
  })
}

export async function createTaskAction(orderId: string, _prev: FormState, fd: FormData) {
  return runAction('orders.createTask', ['id', 'form'], [orderId, fd], async () => {
    const r = await createTask(await requireScope(), { ...Object.fromEntries(fd), orderId })
    return toActionState(r, r.ok ? { redirect: `/tasks/${r.value.id}` } : {})
  })
}
