import { requirePermission } from '@/lib/server/auth/session'
import { gateRecord } from '@/lib/server/auth/record-gate'
import { teamInScope } from '@/lib/server/people/teams'

// The team's gate, ahead of its loading skeleton (lib/server/auth/record-gate.ts)
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await gateRecord(await requirePermission('org.read'), params, teamInScope)
  return children
}
