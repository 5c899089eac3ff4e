import { requireScope } from '@/lib/server/auth/session'
import { gateRecord } from '@/lib/server/auth/record-gate'
import { volunteerInScope } from '@/lib/server/people/volunteers'

// The volunteer's gate, ahead of its loading skeleton (lib/server/auth/record-gate.ts)
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await gateRecord(await requireScope(), params, volunteerInScope)
  return children
}
