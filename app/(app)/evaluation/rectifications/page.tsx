import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { listRectifications } from '@/lib/server/evaluation/inspections'
import { ZRectListQuery } from '@/lib/schemas/evaluation'
import { getLocale, getT } from '@/lib/i18n/server'
import type { Translate } from '@/lib/i18n'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { EvaluationHeader } from '../tabs'
import { requireAnyOf } from '../guard'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.rectifications') }
}

type Row = Awaited<ReturnType<typeof listRectifications>>['overdue'][number]

/** One column definition for both lists; only the paged list of all items can be sorted. */
function columns(t: Translate, locale: string, sortable: boolean): Column<Row>[] {
  return [
    { id: 'description', label: t('evaluation.rect.description'), slot: 'title', cell: (r) => <Link href={`/evaluation/inspections/${r.inspectionId}`} className="data-title">{r.description}</Link> },
    {
      id: 'status',
      label: t('field.status'),
      slot: 'end',
      sort: sortable ? 'asc' : undefined,
      cell: (r) => (
        <>
          <Badge tone={r.status === 'ACCEPTED' ? 'green' : 'neutral'}>{t(`evaluation.rectStatus.${r.status}`)}</Badge>
          {r.overdue ? <Badge tone="brand">{t('evaluation.rect.overdue')}</Badge> : null}
        </>
      ),
    },
    { id: 'unit', label: t('evaluation.inspection.unit'), cell: (r) => r.unit },
    { id: 'template', label: t('evaluation.inspection.template'), cell: (r) => r.template },
    { id: 'deadline', label: t('evaluation.rect.deadlineLabel'), sort: sortable ? 'asc' : undefined, cell: (r) => t('evaluation.rect.deadline', { date: formatDate(locale, r.deadline) }) },
  ]
}

/** Rectification items under the caller: the overdue ones first (deadline passed, not accepted), then all. */
export default async function RectificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireAnyOf('evaluation.manage', 'evaluation.respond')
  const t = await getT()
  const locale = await getLocale()
  const query = ZRectListQuery.parse(await searchParams)
  const { overdue, all } = await listRectifications(scope, query)
  const path = '/evaluation/rectifications'
  return (
    <div className="space-y-4">
      <EvaluationHeader scope={scope} t={t} active={path} exportList="rectifications" />
      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-red-800" data-testid="overdue-count">
          {t('evaluation.rect.overdueTitle', { count: overdue.length })}
        </h2>
        <DataList
          t={t}
          label={t('evaluation.rect.overdueTitle', { count: overdue.length })}
          testId="overdue-list"
          rows={overdue}
          rowKey={(r) => r.id}
          columns={columns(t, locale, false)}
          path={path}
          query={query}
          empty={<p className="text-sm text-stone-600">{t('evaluation.overdueNone')}</p>}
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">{t('evaluation.rect.all')}</h2>
        <DataList
          t={t}
          label={t('evaluation.rect.all')}
          testId="rect-list"
          rows={all.rows}
          rowKey={(r) => r.id}
          columns={columns(t, locale, true)}
          path={path}
          query={query}
          defaultSort={{ id: 'status', dir: 'asc' }}
          paging={all}
          empty={<EmptyState title={t('evaluation.rect.empty')} />}
        />
      </section>
    </div>
  )
}
