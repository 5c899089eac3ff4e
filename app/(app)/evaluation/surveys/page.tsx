import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { listCampaigns } from '@/lib/server/evaluation/surveys'
import { ZEvalListQuery } from '@/lib/schemas/evaluation'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { EvaluationHeader } from '../tabs'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.surveys') }
}

/** Satisfaction survey campaigns of the caller's units, newest first, with response counts. */
export default async function SurveysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('survey.manage')
  const t = await getT()
  const locale = await getLocale()
  const query = ZEvalListQuery.parse(await searchParams)
  const list = await listCampaigns(scope, query)
  return (
    <div className="space-y-4">
      <EvaluationHeader scope={scope} t={t} active="/evaluation/surveys" exportList="surveys" action={{ href: '/evaluation/surveys/new', label: t('evaluation.survey.new') }} />
      {list.rows.length === 0 ? (
        <EmptyState title={t('evaluation.survey.empty')}>{t('evaluation.survey.emptyHint')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="survey-list">
          {list.rows.map((c) => (
            <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-3 text-sm">
              <div>
                <Link href={`/evaluation/surveys/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.title}
                </Link>{' '}
                <Badge tone={c.status === 'OPEN' ? 'green' : 'neutral'}>{t(`evaluation.surveyStatus.${c.status}`)}</Badge>
                <p className="mt-0.5 text-xs text-stone-500">
                  {c.unit} · {formatDate(locale, c.startsOn)} – {formatDate(locale, c.endsOn)}
                </p>
              </div>
              <p className="tabular-nums">{t('evaluation.survey.responses', { count: c.responses })}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/evaluation/surveys?page=${page}`} />
    </div>
  )
}
