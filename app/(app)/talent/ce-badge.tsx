import { DataList, type Column } from '@/components/ui/data-list'
import type { Translate } from '@/lib/i18n'
import type { CeStatus } from '@/lib/server/people/training'

const TONES: Record<CeStatus, string> = {
  MET: 'bg-emerald-50 text-emerald-700',
  ON_TRACK: 'bg-stone-100 text-stone-700',
  BEHIND: 'bg-red-50 text-red-700',
  NOT_MET: 'bg-red-50 text-red-700',
}

/** A year's continuing-education standing: 已达标 / 进度正常 / 进度落后 / 未达标. */
export function CeBadge({ t, status, testId }: { t: Translate; status: CeStatus; testId?: string }) {
  return (
    <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[status]}`} data-testid={testId}>
      {t(`talent.ce.${status}`)}
    </span>
  )
}

/** Continuing-education hours per year with their standing (a worker's record page and /talent/me). */
export function CeYears({ t, years }: { t: Translate; years: { year: number; hours: number; status: CeStatus }[] }) {
  const columns: Column<(typeof years)[number]>[] = [
    { id: 'year', label: t('certificate.year'), slot: 'title', cell: (y) => t('talent.year', { year: y.year }) },
    {
      id: 'hours',
      label: t('training.field.hours'),
      slot: 'end',
      cell: (y) => (
        <>
          <span className="tabular-nums">{t('talent.hours', { hours: y.hours })}</span>
          <CeBadge t={t} status={y.status} />
        </>
      ),
    },
  ]
  return <DataList t={t} flush label={t('talent.ceYears')} testId="ce-years" rows={years} rowKey={(y) => String(y.year)} columns={columns} empty={null} />
}
