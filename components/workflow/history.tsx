import type { MessageKey, Translate } from '@/lib/i18n'
import { formatDateTime } from '@/lib/format'

/** Who moved the record, when, from → to. */
export function History({ t, locale, kind, rows }: { t: Translate; locale: string; kind: 'needStatus' | 'orderStatus' | 'projectStatus' | 'practiceStatus' | 'caseStatus'; rows: { from: string | null; to: string; note: string | null; at: Date; by: string }[] }) {
  const label = (s: string) => t(`${kind}.${s}` as MessageKey)
  return (
    <ol className="space-y-2 text-sm" data-testid="history">
      {rows.map((r, i) => (
        <li key={i} className="flex flex-wrap gap-x-2 border-l-2 border-stone-200 pl-3">
          <span className="text-stone-500">{formatDateTime(locale, r.at)}</span>
          <span className="font-medium">{r.by}</span>
          <span>
            {r.from ? `${label(r.from)} → ` : ''}
            {label(r.to)}
          </span>
          {r.note ? <span className="text-stone-600">（{r.note}）</span> : null}
        </li>
      ))}
    </ol>
  )
}
