import { requireScope } from '@/lib/server/auth/session'
import { gateRecord } from '@/lib/server/auth/record-gate'
import { unitInScope } from '@/lib/server/org/queries'

// The unit's gate, ahead of its loading skeleton (lib/server/auth/record-gate.ts)
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await gateRecord(await requireScope(), params, unitInScope)
  return children
}
