import type { Translate } from '@/lib/i18n'
import { formatDateTime } from '@/lib/format'

type Correction = { id: string; minutes: number; hours: number; reason: string; createdAt: Date; by: string }

/** One volunteer's signed hour corrections (newest first): what the volunteer and their community see. */
export function CorrectionsList({ t, locale, rows, testId }: { t: Translate; locale: string; rows: Correction[]; testId?: string }) {
  if (rows.length === 0) return null
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-medium text-stone-600">{t('hours.mine.title')}</h2>
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid={testId}>
        {rows.map((c) => (
          <li key={c.id} className="flex justify-between gap-2 px-3 py-2">
            <span>
              {c.reason}
              <span className="block text-xs text-stone-500">
                {formatDateTime(locale, c.createdAt)} · {t('hours.corrections.by', { name: c.by })}
              </span>
            </span>
            <span className={`whitespace-nowrap tabular-nums ${c.minutes < 0 ? 'text-red-700' : 'text-emerald-700'}`}>{t('hours.unit', { hours: c.minutes > 0 ? `+${c.hours}` : c.hours })}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
