import type { Translate } from '@/lib/i18n'
import { FUNDING_SOURCES } from '@/lib/schemas/projects'
import { TARGET_GROUPS } from '@/lib/schemas/workflow'
import { ActionForm, FormCheckboxes, FormInput, FormSelect, FormTextarea, type FormAction } from '@/components/ui/action-form'

type Options = { community: { id: string }; workers: { id: string; name: string }[]; teams: { id: string; name: string }[]; needs: { id: string; title: string }[] }
type Values = Partial<{
  name: string; brand: string | null; targetGroups: string[]; objectives: string; plannedActivities: string; leadId: string; teamIds: string[]; needIds: string[]
  fundingSource: string; fundingFen: number; startDate: Date; endDate: Date
}>

const day = (d?: Date) => (d ? d.toISOString().slice(0, 10) : '')

/** The project form, for a new project and for editing a draft or returned one. */
export function ProjectForm({ t, options, values = {}, action, submitLabel }: { t: Translate; options: Options; values?: Values; action: FormAction; submitLabel: string }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="project-form">
      <input type="hidden" name="orgUnitId" value={options.community.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormInput name="name" label={t('field.projectName')} defaultValue={values.name} />
        <FormInput name="brand" label={t('field.brand')} defaultValue={values.brand ?? ''} placeholder="小钦代办" />
      </div>
      <FormCheckboxes name="targetGroups" label={t('field.targetGroups')} options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroup.${g}`) }))} defaultChecked={values.targetGroups} />
      <FormTextarea name="objectives" label={t('field.objectives')} defaultValue={values.objectives} />
      <FormTextarea name="plannedActivities" label={t('field.plannedActivities')} defaultValue={values.plannedActivities} />
      <FormSelect name="leadId" label={t('field.lead')} placeholder="" defaultValue={values.leadId} options={options.workers.map((w) => ({ value: w.id, label: w.name }))} />
      <FormCheckboxes name="teamIds" label={t('field.teams')} options={options.teams.map((x) => ({ value: x.id, label: x.name }))} defaultChecked={values.teamIds} />
      <FormCheckboxes name="needIds" label={t('field.needs')} options={options.needs.map((n) => ({ value: n.id, label: n.title }))} defaultChecked={values.needIds} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormSelect name="fundingSource" label={t('field.fundingSource')} placeholder="" defaultValue={values.fundingSource} options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`fundingSource.${f}`) }))} />
        <FormInput name="fundingYuan" label={t('field.fundingYuan')} inputMode="decimal" defaultValue={values.fundingFen !== undefined ? (values.fundingFen / 100).toFixed(2) : ''} />
        <FormInput name="startDate" label={t('field.startDate')} type="date" defaultValue={day(values.startDate)} />
        <FormInput name="endDate" label={t('field.endDate')} type="date" defaultValue={day(values.endDate)} />
      </div>
    </ActionForm>
  )
}
