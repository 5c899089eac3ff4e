'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { dispatchOrder } from '@/lib/server/workflow/orders'

export async function dispatchOrderAction(serviceItemId: string, _prev: FormState, fd: FormData) {
  return runAction('services.dispatchOrder', ['id', 'form'], [serviceItemId, fd], async () => {
    const r = await dispatchOrder(await requireScope(), { ...Object.fromEntries(fd), serviceItemId })
    return toActionState(r, r.ok ? { redirect: `/orders/${r.value.id}` } : {})
  })
}
