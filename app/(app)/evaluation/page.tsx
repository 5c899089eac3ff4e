import type { Metadata } from 'next'
import { DataTable, type Column } from '@/components/ui/data-list'
import { Link } from '@/components/ui/link'
import { can } from '@/lib/server/authz/scope'
import { overdueCount } from '@/lib/server/evaluation/inspections'
import { satisfactionOverview } from '@/lib/server/evaluation/surveys'
import { getT } from '@/lib/i18n/server'
import { Card, EmptyState } from '@/components/ui/card'
import { EvaluationTabs } from './tabs'
import { requireAnyOf } from './guard'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.title') }
}

/** 评估体系: overdue rectifications under the caller first, then satisfaction of the subtree. */
export default async function EvaluationPage() {
  const scope = await requireAnyOf('evaluation.manage', 'evaluation.respond', 'survey.manage')
  const t = await getT()
  const reads = can(scope, 'evaluation.manage') || can(scope, 'evaluation.respond')
  const [overdue, satisfaction] = await Promise.all([reads ? overdueCount(scope) : 0, can(scope, 'survey.manage') ? satisfactionOverview(scope) : []])
  type Child = (typeof satisfaction)[number]['children'][number]
  const childColumns: Column<Child>[] = [
    { id: 'unit', label: t('evaluation.satisfaction.unit'), rowHeader: true, cell: (c) => c.unit },
    { id: 'average', label: t('evaluation.satisfaction.average'), numeric: true, cell: (c) => c.average },
    { id: 'answers', label: t('evaluation.satisfaction.answers'), numeric: true, cell: (c) => c.answers },
  ]
  return (
    <div className="space-y-4">
      <div>
        <PageHeader title={t('evaluation.title')} />
        <p className="text-sm text-stone-600">{t('evaluation.intro')}</p>
      </div>
      <EvaluationTabs scope={scope} t={t} active="/evaluation" />
      {reads ? (
        overdue > 0 ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="overdue-banner">
            {t('evaluation.overdueBanner', { count: overdue })}{' '}
            <Link href="/evaluation/rectifications" className="font-medium underline">
              {t('evaluation.overdueOpen')}
            </Link>
          </p>
        ) : (
          <p className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-800" data-testid="overdue-banner">
            {t('evaluation.overdueNone')}
          </p>
        )
      ) : null}
      {can(scope, 'survey.manage') ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('evaluation.satisfaction.title')}</h2>
          <p className="text-xs text-stone-500">{t('evaluation.satisfaction.note')}</p>
          {satisfaction.every((s) => s.answers === 0 && s.serviceRatings === 0) ? (
            <div className="mt-3">
              <EmptyState title={t('evaluation.satisfaction.empty')} />
            </div>
          ) : (
            satisfaction.map((s) => (
              <div key={s.unit} className="mt-3">
                <p className="text-sm">
                  <span className="font-medium">{s.unit}</span> · {t('evaluation.satisfaction.survey', { average: s.average ?? '—', answers: s.answers })} · {t('evaluation.satisfaction.service', { average: s.serviceAverage ?? '—', count: s.serviceRatings })}
                </p>
                <DataTable t={t} label={t('evaluation.satisfaction.title')} rows={s.children.slice(0, 50)} rowKey={(c) => c.unit} columns={childColumns} empty={null} />
              </div>
            ))
          )}
        </Card>
      ) : null}
    </div>
  )
}
