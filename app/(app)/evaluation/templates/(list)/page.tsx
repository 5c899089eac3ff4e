import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { listTemplates } from '@/lib/server/evaluation/inspections'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { EvaluationHeader } from '../../tabs'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.templates') }
}

/** Checklist templates the caller may use (their own, those kept below and above them); archived on request. */
export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('evaluation.manage')
  const archived = (await searchParams).archived === '1'
  const t = await getT()
  const locale = await getLocale()
  const rows = await listTemplates(scope, { archived })
  const columns: Column<(typeof rows)[number]>[] = [
    {
      id: 'name',
      label: t('evaluation.template.name'),
      slot: 'title',
      cell: (r) => (
        <>
          <Link href={`/evaluation/templates/${r.id}`} className="data-title">
            {r.name}
          </Link>{' '}
          {r.used ? <Badge>{t('evaluation.template.frozen')}</Badge> : null}
        </>
      ),
    },
    { id: 'summary', label: t('evaluation.inspection.checklist'), slot: 'end', cell: (r) => t('evaluation.template.summary', { items: r.itemCount, weight: r.totalWeight, used: r.used }) },
    { id: 'unit', label: t('evaluation.inspection.inspector'), cell: (r) => r.unit },
    { id: 'created', label: t('evaluation.survey.createdAt'), cell: (r) => formatDate(locale, r.createdAt) },
  ]
  return (
    <div className="space-y-4">
      <EvaluationHeader scope={scope} t={t} active="/evaluation/templates" exportList="templates" action={{ href: '/evaluation/templates/new', label: t('evaluation.template.new') }} />
      <Link href={archived ? '/evaluation/templates' : '/evaluation/templates?archived=1'} className="text-sm text-brand-700 underline">
        {archived ? t('evaluation.template.showActive') : t('evaluation.template.showArchived')}
      </Link>
      <DataList
        t={t}
        label={t('evaluation.tab.templates')}
        testId="template-list"
        rows={rows}
        rowKey={(r) => r.id}
        columns={columns}
        path="/evaluation/templates"
        query={{ archived: archived ? '1' : undefined }}
        empty={<EmptyState title={t('evaluation.template.empty')}>{archived ? null : t('evaluation.template.emptyHint')}</EmptyState>}
      />
    </div>
  )
}
