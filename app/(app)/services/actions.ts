'use server'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { dispatchOrder } from '@/lib/server/workflow/orders'

export async function dispatchOrderAction(serviceItemId: string, fd: FormData) {
  const r = await dispatchOrder(await requireScope(), { ...Object.fromEntries(fd), serviceItemId })
  return toActionState(r, r.ok ? { redirect: `/orders/${r.value.id}` } : {})
}
