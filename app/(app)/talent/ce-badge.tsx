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
  return (
    <ul className="mt-2 divide-y divide-stone-100 text-sm" data-testid="ce-years">
      {years.map((y) => (
        <li key={y.year} className="flex items-center justify-between py-1.5">
          <span>{t('talent.year', { year: y.year })}</span>
          <span className="flex items-center gap-2">
            <span className="tabular-nums">{t('talent.hours', { hours: y.hours })}</span>
            <CeBadge t={t} status={y.status} />
          </span>
        </li>
      ))}
    </ul>
  )
}
