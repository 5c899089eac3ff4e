import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { can } from '@/lib/server/authz/scope'
import { listInspections } from '@/lib/server/evaluation/inspections'
import { ZInspectionListQuery } from '@/lib/schemas/evaluation'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { EvaluationHeader } from '../../tabs'
import { requireAnyOf } from '../../guard'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.inspections') }
}

/** Inspections of the caller's subtree (officials) or of their own unit (the inspected community). */
export default async function InspectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireAnyOf('evaluation.manage', 'evaluation.respond')
  const t = await getT()
  const locale = await getLocale()
  const query = ZInspectionListQuery.parse(await searchParams)
  const list = await listInspections(scope, query)
  const columns: Column<(typeof list.rows)[number]>[] = [
    {
      id: 'target',
      label: t('evaluation.inspection.targetKind'),
      slot: 'title',
      cell: (r) => (
        <>
          <Link href={`/evaluation/inspections/${r.id}`} className="data-title">
            {r.project ?? r.unit}
          </Link>{' '}
          <Badge tone={r.status === 'SCORED' ? 'green' : 'neutral'}>{t(`evaluation.inspectionStatus.${r.status}`)}</Badge>
        </>
      ),
    },
    {
      id: 'score',
      label: t('evaluation.inspection.score'),
      slot: 'end',
      sort: 'desc',
      numeric: true,
      cell: (r) => (
        <div className="text-right">
          {r.scorePercent !== null ? <p className="tabular-nums">{t('evaluation.inspection.scoreShort', { score: r.scorePercent })}</p> : null}
          {r.openRectifications ? <p className="text-xs text-red-700">{t('evaluation.inspection.openRects', { count: r.openRectifications })}</p> : null}
        </div>
      ),
    },
    { id: 'date', label: t('evaluation.inspection.date'), sort: 'desc', cell: (r) => formatDate(locale, r.scheduledFor) },
    { id: 'template', label: t('evaluation.inspection.template'), cell: (r) => r.template },
    { id: 'unit', label: t('evaluation.inspection.unit'), cell: (r) => (r.project ? r.unit : null) },
  ]
  return (
    <div className="space-y-4">
      <EvaluationHeader scope={scope} t={t} active="/evaluation/inspections" exportList="inspections" action={can(scope, 'evaluation.manage') ? { href: '/evaluation/inspections/new', label: t('evaluation.inspection.new') } : null} />
      <DataList
        t={t}
        label={t('evaluation.tab.inspections')}
        testId="inspection-list"
        rows={list.rows}
        rowKey={(r) => r.id}
        columns={columns}
        path="/evaluation/inspections"
        query={query}
        defaultSort={{ id: 'date', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={t('evaluation.inspection.empty')} />}
      />
    </div>
  )
}
