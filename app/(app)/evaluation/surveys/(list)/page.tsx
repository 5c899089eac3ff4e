import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { listCampaigns } from '@/lib/server/evaluation/surveys'
import { ZSurveyListQuery } from '@/lib/schemas/evaluation'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { EvaluationHeader } from '../../tabs'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.surveys') }
}

/** Satisfaction survey campaigns of the caller's units, newest first, with response counts. */
export default async function SurveysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('survey.manage')
  const t = await getT()
  const locale = await getLocale()
  const query = ZSurveyListQuery.parse(await searchParams)
  const list = await listCampaigns(scope, query)
  const columns: Column<(typeof list.rows)[number]>[] = [
    {
      id: 'title',
      label: t('evaluation.survey.titleLabel'),
      slot: 'title',
      cell: (c) => (
        <>
          <Link href={`/evaluation/surveys/${c.id}`} className="data-title">
            {c.title}
          </Link>{' '}
          <Badge tone={c.status === 'OPEN' ? 'green' : 'neutral'}>{t(`evaluation.surveyStatus.${c.status}`)}</Badge>
        </>
      ),
    },
    { id: 'responses', label: t('evaluation.survey.responsesLabel'), slot: 'end', sort: 'desc', numeric: true, cell: (c) => t('evaluation.survey.responses', { count: c.responses }) },
    { id: 'unit', label: t('evaluation.survey.unit'), cell: (c) => c.unit },
    { id: 'period', label: t('evaluation.survey.period'), sort: 'desc', cell: (c) => `${formatDate(locale, c.startsOn)} – ${formatDate(locale, c.endsOn)}` },
    { id: 'created', label: t('evaluation.survey.createdAt'), sort: 'desc', cell: (c) => formatDate(locale, c.createdAt) },
  ]
  return (
    <div className="space-y-4">
      <EvaluationHeader scope={scope} t={t} active="/evaluation/surveys" exportList="surveys" action={{ href: '/evaluation/surveys/new', label: t('evaluation.survey.new') }} />
      <DataList
        t={t}
        label={t('evaluation.tab.surveys')}
        testId="survey-list"
        rows={list.rows}
        rowKey={(c) => c.id}
        columns={columns}
        path="/evaluation/surveys"
        query={query}
        defaultSort={{ id: 'created', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={t('evaluation.survey.empty')}>{t('evaluation.survey.emptyHint')}</EmptyState>}
      />
    </div>
  )
}
