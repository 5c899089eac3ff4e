import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getCampaign } from '@/lib/server/evaluation/surveys'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, Card } from '@/components/ui/card'
import { DetailHeader, Row } from '@/components/ui/detail'
import { ActionForm } from '@/components/ui/action-form'
import { closeCampaignAction } from '../../actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.surveys') }
}

/** A campaign: its public link and results per question (averages, choice counts, latest comments). */
export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('survey.manage')
  const r = await getCampaign(scope, await idParam(params))
  if (!r.ok) return denyPage()
  const c = r.value
  const t = await getT()
  const locale = await getLocale()
  const link = `${process.env.NEXTAUTH_URL?.replace(/\/$/, '') ?? ''}/survey/${c.token}`
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader back="/evaluation/surveys" backLabel={t('evaluation.tab.surveys')} title={c.title} status={<Badge tone={c.status === 'OPEN' ? 'green' : 'neutral'}>{t(`evaluation.surveyStatus.${c.status}`)}</Badge>} statusTestId="survey-status" />
      <Card>
        <dl className="text-sm">
          <Row label={t('evaluation.survey.unit')}>{c.unit}</Row>
          <Row label={t('evaluation.survey.period')}>
            {formatDate(locale, c.startsOn)} – {formatDate(locale, c.endsOn)}
          </Row>
          <Row label={t('evaluation.survey.link')}>
            <a href={`/survey/${c.token}`} className="break-all font-mono text-brand-700 underline" data-testid="survey-link">
              {link}
            </a>
          </Row>
          <Row label={t('evaluation.survey.responsesLabel')}>
            <span data-testid="survey-responses">{c.responses}</span>
          </Row>
        </dl>
        <p className="mt-2 text-xs text-stone-500">{t('evaluation.survey.linkHint')}</p>
      </Card>
      <Card>
        <h2 className="text-sm font-semibold">{t('evaluation.survey.results')}</h2>
        <ol className="mt-2 space-y-3 text-sm" data-testid="survey-results">
          {c.results.map((q) => (
            <li key={q.index}>
              <p className="font-medium">
                {q.index + 1}. {q.text} <span className="text-xs font-normal text-stone-500">· {t(`evaluation.questionKind.${q.kind}`)}</span>
              </p>
              {q.kind === 'RATING' ? (
                <p className="tabular-nums">
                  {t('evaluation.survey.average', { average: q.average ?? '—', count: q.count })} · {q.distribution.map((n, i) => `${i + 1}★ ${n}`).join(' / ')}
                </p>
              ) : q.kind === 'CHOICE' ? (
                <p>{q.options.map((o, i) => `${o} ${q.choices[i]}`).join(' / ')}</p>
              ) : q.texts.length ? (
                <ul className="list-disc pl-5 text-stone-700">
                  {q.texts.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-stone-500">{t('evaluation.survey.noTexts')}</p>
              )}
            </li>
          ))}
        </ol>
      </Card>
      {c.canManage && c.status === 'OPEN' ? <ActionForm action={closeCampaignAction.bind(null, c.id)} submitLabel={t('evaluation.survey.close')} confirm={t('evaluation.survey.closeConfirm')} variant="danger" className="" /> : null}
    </div>
  )
}
