import { Link } from '@/components/ui/link'
import { DataList, type Column } from '@/components/ui/data-list'
import type { Translate } from '@/lib/i18n'
import { formatDate } from '@/lib/format'

type Training = { id: string; title: string; kind: 'LECTURE' | 'EXCHANGE' | 'SITE_VISIT'; date: Date; hours: number; linkable: boolean; orgUnit: { name: string } }

/** The trainings a worker attended, newest first (linked where the reader may open the event). */
export function TrainingList({ t, locale, trainings }: { t: Translate; locale: string; trainings: Training[] }) {
  const columns: Column<Training>[] = [
    {
      id: 'title',
      label: t('training.field.title'),
      slot: 'title',
      cell: (e) =>
        e.linkable ? (
          <Link href={`/training/${e.id}`} className="data-title">
            {e.title}
          </Link>
        ) : (
          <span className="font-medium">{e.title}</span>
        ),
    },
    { id: 'hours', label: t('training.field.hours'), slot: 'end', numeric: true, cell: (e) => t('training.hours', { hours: e.hours }) },
    { id: 'kind', label: t('training.field.kind'), cell: (e) => t(`trainingKind.${e.kind}`) },
    { id: 'date', label: t('training.field.date'), cell: (e) => formatDate(locale, e.date) },
    { id: 'unit', label: t('training.field.unit'), cell: (e) => t('training.organiser', { unit: e.orgUnit.name }) },
  ]
  // neither paged nor sorted (a worker's whole list, newest first): the path and query are never linked
  return (
    <div className="mt-2">
      <DataList t={t} label={t('talent.trainings')} testId="trainings" rows={trainings} rowKey={(e) => e.id} columns={columns} path="" query={{}} empty={<p className="text-sm text-stone-500">{t('talent.noTrainings')}</p>} />
    </div>
  )
}
