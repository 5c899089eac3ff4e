import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { listTemplates } from '@/lib/server/evaluation/inspections'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { EvaluationHeader } from '../tabs'

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
  return (
    <div className="space-y-4">
      <EvaluationHeader scope={scope} t={t} active="/evaluation/templates" exportList="templates" action={{ href: '/evaluation/templates/new', label: t('evaluation.template.new') }} />
      <Link href={archived ? '/evaluation/templates' : '/evaluation/templates?archived=1'} className="text-sm text-brand-700 underline">
        {archived ? t('evaluation.template.showActive') : t('evaluation.template.showArchived')}
      </Link>
      {rows.length === 0 ? (
        <EmptyState title={t('evaluation.template.empty')}>{archived ? null : t('evaluation.template.emptyHint')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="template-list">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-3">
              <div>
                <Link href={`/evaluation/templates/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.name}
                </Link>{' '}
                {r.used ? <Badge>{t('evaluation.template.frozen')}</Badge> : null}
                <p className="mt-0.5 text-xs text-stone-500">
                  {r.unit} · {formatDate(locale, r.createdAt)}
                </p>
              </div>
              <p className="text-right text-sm text-stone-600">{t('evaluation.template.summary', { items: r.itemCount, weight: r.totalWeight, used: r.used })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
