import type { Translate } from '@/lib/i18n'
import { formatDateTime } from '@/lib/format'

type Correction = { id: string; minutes: number; hours: number; reason: string; createdAt: Date; by: string; volunteer?: { name: string; phone: string | null } }

/** Signed hour corrections, newest first; with the volunteer's name and masked phone on the community's list. */
export function CorrectionItems({ t, locale, rows, testId }: { t: Translate; locale: string; rows: Correction[]; testId?: string }) {
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid={testId}>
      {rows.map((c) => (
        <li key={c.id} className="flex justify-between gap-2 px-3 py-2">
          <span className="min-w-0">
            {c.volunteer ? (
              <>
                {c.volunteer.name} <span className="text-stone-500">{c.volunteer.phone}</span> ·{' '}
              </>
            ) : null}
            {c.reason}
            <span className="block text-xs text-stone-500">
              {formatDateTime(locale, c.createdAt)} · {t('hours.corrections.by', { name: c.by })}
            </span>
          </span>
          <span className={`whitespace-nowrap tabular-nums ${c.minutes < 0 ? 'text-red-700' : 'text-emerald-700'}`}>{t('hours.unit', { hours: c.minutes > 0 ? `+${c.hours}` : c.hours })}</span>
        </li>
      ))}
    </ul>
  )
}

/** One volunteer's corrections under a heading (nothing when there are none): on /points and the volunteer's page. */
export function CorrectionsList({ t, locale, rows, testId }: { t: Translate; locale: string; rows: Correction[]; testId?: string }) {
  if (rows.length === 0) return null
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-medium text-stone-600">{t('hours.mine.title')}</h2>
      <CorrectionItems t={t} locale={locale} rows={rows.map(({ volunteer, ...c }) => (void volunteer, c))} testId={testId} />
    </section>
  )
}
