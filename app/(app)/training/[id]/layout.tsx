import { requirePermission } from '@/lib/server/auth/session'
import { gateRecord } from '@/lib/server/auth/record-gate'
import { trainingEventInScope } from '@/lib/server/people/training'

// The training event's gate, ahead of its loading skeleton (lib/server/auth/record-gate.ts)
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await gateRecord(await requirePermission('talent.read'), params, trainingEventInScope)
  return children
}
