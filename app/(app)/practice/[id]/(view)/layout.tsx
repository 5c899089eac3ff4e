import { requireScope } from '@/lib/server/auth/session'
import { gateRecord } from '@/lib/server/auth/record-gate'
import { practiceCaseInScope } from '@/lib/server/projects/practice'

// The practice case's gate, ahead of its loading skeleton (lib/server/auth/record-gate.ts)
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await gateRecord(await requireScope(), params, practiceCaseInScope)
  return children
}
