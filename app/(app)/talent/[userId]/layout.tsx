import { requirePermission } from '@/lib/server/auth/session'
import { gateRecord } from '@/lib/server/auth/record-gate'
import { talentRecordInScope } from '@/lib/server/people/talent'

// The talent record's gate, ahead of its loading skeleton (lib/server/auth/record-gate.ts); the segment is [userId]
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ userId: string }> }) {
  await gateRecord(await requirePermission('talent.read'), params.then((p) => ({ id: p.userId })), talentRecordInScope)
  return children
}
