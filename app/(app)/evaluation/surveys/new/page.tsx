import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { listSurveyUnits } from '@/lib/server/evaluation/surveys'
import { addDays, chinaDate } from '@/lib/china-time'
import { QUESTION_KINDS, SURVEY_ROWS } from '@/lib/schemas/evaluation'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { ActionForm, FormInput, FormSelect } from '@/components/ui/action-form'
import { createCampaignAction } from '../../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.survey.new') }
}

const DEFAULTS = ['RATING', 'RATING', 'RATING', 'CHOICE', 'TEXT', 'RATING', 'RATING', 'RATING'] as const

/** A new campaign: unit, title, period and 3–8 questions (blank rows are ignored). */
export default async function NewSurveyPage() {
  const scope = await requirePermission('survey.manage')
  const t = await getT()
  const units = await listSurveyUnits(scope)
  const today = chinaDate()
  const month = addDays(today, 30)
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('evaluation.survey.new')} />
      <Card>
        <ActionForm action={createCampaignAction} submitLabel={t('common.submit')} testId="survey-form">
          {units.length === 1 ? (
            <input type="hidden" name="orgUnitId" value={units[0].id} />
          ) : (
            <FormSelect name="orgUnitId" label={t('evaluation.survey.unit')} options={units.map((u) => ({ value: u.id, label: `${'\u00a0'.repeat(2 * Math.max(0, u.depth - units[0].depth))}${u.name}` }))} />
          )}
          <FormInput name="title" label={t('evaluation.survey.titleLabel')} />
          <div className="grid gap-3 sm:grid-cols-2">
            <FormInput name="startsOn" type="date" label={t('evaluation.survey.startsOn')} defaultValue={today} />
            <FormInput name="endsOn" type="date" label={t('evaluation.survey.endsOn')} defaultValue={month} />
          </div>
          <p className="text-xs text-stone-500">{t('evaluation.survey.questionsHint')}</p>
          {Array.from({ length: SURVEY_ROWS }, (_, i) => (
            <fieldset key={i} className="grid gap-2 rounded-md border border-stone-200 p-3 sm:grid-cols-[8rem_1fr]">
              <FormSelect name={`questions.${i}.kind`} label={t('evaluation.survey.kind', { n: i + 1 })} defaultValue={DEFAULTS[i]} options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`evaluation.questionKind.${k}`) }))} />
              <FormInput name={`questions.${i}.text`} label={t('evaluation.survey.question', { n: i + 1 })} />
              <div className="sm:col-span-2">
                <FormInput name={`questions.${i}.options`} label={t('evaluation.survey.options', { n: i + 1 })} hint={t('evaluation.survey.optionsHint')} />
              </div>
            </fieldset>
          ))}
        </ActionForm>
      </Card>
    </div>
  )
}
