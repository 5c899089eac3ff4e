import type { Translate } from '@/lib/i18n'
import { ActionForm, FormInput, FormSelect, FormTextarea, type FormAction } from '@/components/ui/action-form'

type Values = Partial<{ title: string; background: string; approach: string; results: string; lessons: string; projectId: string | null }>

/** Writing (or revising) a practice case of a pilot community. */
export function PracticeForm({ t, communityId, projects, values = {}, action, submitLabel }: { t: Translate; communityId: string; projects: { id: string; name: string }[]; values?: Values; action: FormAction; submitLabel: string }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="practice-form">
      <input type="hidden" name="orgUnitId" value={communityId} />
      <FormInput name="title" label={t('field.title')} defaultValue={values.title} />
      <FormTextarea name="background" label={t('field.background')} defaultValue={values.background} />
      <FormTextarea name="approach" label={t('field.approach')} defaultValue={values.approach} rows={5} />
      <FormTextarea name="results" label={t('field.results')} defaultValue={values.results} />
      <FormTextarea name="lessons" label={t('field.lessons')} defaultValue={values.lessons} />
      <FormSelect name="projectId" label={t('field.project')} placeholder={t('common.none')} defaultValue={values.projectId ?? ''} options={projects.map((p) => ({ value: p.id, label: p.name }))} />
    </ActionForm>
  )
}
