import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'
import { formatDate } from '@/lib/format'

type Training = { id: string; title: string; kind: 'LECTURE' | 'EXCHANGE' | 'SITE_VISIT'; date: Date; hours: number; linkable: boolean; orgUnit: { name: string } }

/** The trainings a worker attended, newest first (linked where the reader may open the event). */
export function TrainingList({ t, locale, trainings }: { t: Translate; locale: string; trainings: Training[] }) {
  if (!trainings.length) return <p className="mt-2 text-sm text-stone-500">{t('talent.noTrainings')}</p>
  return (
    <ul className="mt-2 divide-y divide-stone-100 text-sm" data-testid="trainings">
      {trainings.map((e) => (
        <li key={e.id} className="flex items-start justify-between gap-2 py-2">
          <div className="min-w-0">
            {e.linkable ? (
              <Link href={`/training/${e.id}`} className="font-medium text-brand-700 hover:underline">
                {e.title}
              </Link>
            ) : (
              <span className="font-medium">{e.title}</span>
            )}
            <p className="text-xs text-stone-500">
              {t(`trainingKind.${e.kind}`)} · {formatDate(locale, e.date)} · {t('training.organiser', { unit: e.orgUnit.name })}
            </p>
          </div>
          <span className="shrink-0 tabular-nums">{t('training.hours', { hours: e.hours })}</span>
        </li>
      ))}
    </ul>
  )
}
