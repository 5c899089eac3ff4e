import type { Translate, MessageKey } from '@/lib/i18n'
import { Badge } from '@/components/ui/card'

const DONE = new Set(['RESOLVED', 'CLOSED', 'CLAIMED', 'CONFIRMED', 'DONE', 'APPROVED', 'COMPLETED', 'PUBLISHED'])
const WAIT = new Set(['OPEN', 'DISPATCHED', 'WAITLISTED', 'MATCHED', 'IN_SERVICE', 'SUBMITTED', 'RUNNING', 'EVALUATING', 'COUNTY_PASSED', 'LEAGUE_PASSED', 'INTAKE', 'ASSESSMENT', 'PLANNING', 'INTERVENTION', 'FOLLOW_UP', 'EVALUATION'])

/** A status in words, coloured by how far along it is. `kind` picks the catalog section. */
export function StatusBadge({ t, kind, status }: { t: Translate; kind: 'needStatus' | 'orderStatus' | 'taskStatus' | 'signupStatus' | 'projectStatus' | 'practiceStatus' | 'caseStatus'; status: string }) {
  const tone = DONE.has(status) ? 'green' : WAIT.has(status) ? 'brand' : 'neutral'
  return <Badge tone={tone}>{t(`${kind}.${status}` as MessageKey)}</Badge>
}
