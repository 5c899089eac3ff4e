import { requirePermission } from '@/lib/server/auth/session'
import { gateRecord } from '@/lib/server/auth/record-gate'
import { serviceItemInScope } from '@/lib/server/workflow/services'

// The service item's gate, ahead of its loading skeleton (lib/server/auth/record-gate.ts)
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await gateRecord(await requirePermission('service.read'), params, serviceItemInScope)
  return children
}
