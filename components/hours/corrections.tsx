import type { Translate } from '@/lib/i18n'
import { formatDateTime } from '@/lib/format'
import { DataList, type Column } from '@/components/ui/data-list'

type Correction = { id: string; minutes: number; hours: number; reason: string; createdAt: Date; by: string; volunteer?: { name: string; phone: string | null } }

/** Signed hour corrections, newest first; with the volunteer's name and masked phone on the community's list. */
export function CorrectionItems({ t, locale, rows, testId, empty = null }: { t: Translate; locale: string; rows: Correction[]; testId?: string; empty?: React.ReactNode }) {
  const columns: Column<Correction>[] = [
    {
      id: 'reason',
      label: t('field.reason'),
      slot: 'title',
      cell: (c) => (
        <>
          {c.volunteer ? (
            <>
              {c.volunteer.name} <span className="text-stone-600">{c.volunteer.phone}</span> ·{' '}
            </>
          ) : null}
          {c.reason}
        </>
      ),
    },
    { id: 'hours', label: t('hours.correct.hours'), slot: 'end', numeric: true, cell: (c) => <span className={c.minutes < 0 ? 'text-red-700' : 'text-emerald-700'}>{t('hours.unit', { hours: c.minutes > 0 ? `+${c.hours}` : c.hours })}</span> },
    { id: 'at', label: t('audit.col.at'), cell: (c) => formatDateTime(locale, c.createdAt) },
    { id: 'by', label: t('audit.col.actor'), cell: (c) => t('hours.corrections.by', { name: c.by }) },
  ]
  return <DataList t={t} label={t('hours.mine.title')} testId={testId} rows={rows} rowKey={(c) => c.id} columns={columns} empty={empty} />
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
