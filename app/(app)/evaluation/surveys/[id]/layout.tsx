import { requirePermission } from '@/lib/server/auth/session'
import { gateRecord } from '@/lib/server/auth/record-gate'
import { campaignInScope } from '@/lib/server/evaluation/surveys'

// The campaign's gate, ahead of its loading skeleton (lib/server/auth/record-gate.ts)
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await gateRecord(await requirePermission('survey.manage'), params, campaignInScope)
  return children
}
