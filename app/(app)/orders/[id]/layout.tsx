import { requirePermission } from '@/lib/server/auth/session'
import { gateRecord } from '@/lib/server/auth/record-gate'
import { orderInScope } from '@/lib/server/workflow/orders'

// The order's gate, ahead of its loading skeleton (lib/server/auth/record-gate.ts)
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await gateRecord(await requirePermission('order.read'), params, orderInScope)
  return children
}
