import { denyPage } from '@/lib/server/auth/session'
import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui/page-header'
import { publicCampaign } from '@/lib/server/evaluation/surveys'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { ClientMessages } from '@/lib/i18n/client-messages'
import { SurveyForm } from './survey-form'
import { SURVEY_FORM_MESSAGES } from './survey-form.messages'
import { submitSurveyAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.public.title'), robots: { index: false } }
}

/** Public (no sign-in): a campaign's questionnaire by its unguessable token; unknown token → 404. */
export default async function PublicSurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const c = await publicCampaign(token)
  if (!c) return denyPage()
  const t = await getT()
  const locale = await getLocale()
  return (
    <div className="space-y-4">
      <PageHeader title={c.title} testId="survey-title" description={`${c.unit} · ${formatDate(locale, c.startsOn)} – ${formatDate(locale, c.endsOn)}`} />
      {c.state === 'OPEN' ? (
        <>
          <p className="text-sm text-stone-600">{t('evaluation.public.intro')}</p>
          <ClientMessages keys={SURVEY_FORM_MESSAGES}>
            <SurveyForm questions={c.questions} action={submitSurveyAction.bind(null, token)} />
          </ClientMessages>
        </>
      ) : (
        <p role="status" className="rounded-md bg-stone-100 p-4 text-stone-700" data-testid="survey-closed">
          {c.state === 'CLOSED' ? t('evaluation.public.closed') : t('evaluation.public.notStarted')}
        </p>
      )}
    </div>
  )
}
