import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { can } from '@/lib/server/authz/scope'
import { listInspections } from '@/lib/server/evaluation/inspections'
import { ZEvalListQuery } from '@/lib/schemas/evaluation'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { EvaluationHeader } from '../tabs'
import { requireAnyOf } from '../guard'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.inspections') }
}

/** Inspections of the caller's subtree (officials) or of their own unit (the inspected community). */
export default async function InspectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireAnyOf('evaluation.manage', 'evaluation.respond')
  const t = await getT()
  const locale = await getLocale()
  const query = ZEvalListQuery.parse(await searchParams)
  const list = await listInspections(scope, query)
  return (
    <div className="space-y-4">
      <EvaluationHeader scope={scope} t={t} active="/evaluation/inspections" exportList="inspections" action={can(scope, 'evaluation.manage') ? { href: '/evaluation/inspections/new', label: t('evaluation.inspection.new') } : null} />
      {list.rows.length === 0 ? (
        <EmptyState title={t('evaluation.inspection.empty')} />
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="inspection-list">
          {list.rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-3">
              <div>
                <Link href={`/evaluation/inspections/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.project ?? r.unit}
                </Link>{' '}
                <Badge tone={r.status === 'SCORED' ? 'green' : 'neutral'}>{t(`evaluation.inspectionStatus.${r.status}`)}</Badge>
                <p className="mt-0.5 text-xs text-stone-500">
                  {formatDate(locale, r.scheduledFor)} · {r.template}
                  {r.project ? ` · ${r.unit}` : ''}
                </p>
              </div>
              <div className="text-right text-sm">
                {r.scorePercent !== null ? <p className="tabular-nums">{t('evaluation.inspection.scoreShort', { score: r.scorePercent })}</p> : null}
                {r.openRectifications ? <p className="text-xs text-red-700">{t('evaluation.inspection.openRects', { count: r.openRectifications })}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/evaluation/inspections?page=${page}`} />
    </div>
  )
}
