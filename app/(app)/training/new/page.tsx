import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { listOrganiserUnits } from '@/lib/server/people/training'
import { TRAINING_KINDS } from '@/lib/schemas/talent'
import { chinaDate } from '@/lib/china-time'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { ActionForm, FormInput, FormSelect } from '@/components/ui/action-form'
import { createTrainingAction } from '../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('training.new') }
}

/** A new training event, organised by the caller's unit or one just below it. */
export default async function NewTrainingPage() {
  const scope = await requirePermission('training.manage')
  const t = await getT()
  const units = await listOrganiserUnits(scope)
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('training.new')} />
      <Card>
        <ActionForm action={createTrainingAction} submitLabel={t('common.submit')} testId="training-form">
          {units.length === 1 ? (
            <input type="hidden" name="orgUnitId" value={units[0].id} />
          ) : (
            <FormSelect name="orgUnitId" label={t('training.field.unit')} options={units.map((u) => ({ value: u.id, label: `${'\u00a0'.repeat(2 * Math.max(0, u.depth - units[0].depth))}${u.name}` }))} />
          )}
          <FormInput name="title" label={t('training.field.title')} required />
          <div className="grid gap-4 sm:grid-cols-3">
            <FormSelect name="kind" label={t('training.field.kind')} defaultValue="LECTURE" options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`trainingKind.${k}`) }))} />
            <FormInput name="date" label={t('training.field.date')} type="date" defaultValue={chinaDate()} />
            <FormInput name="hours" label={t('training.field.hours')} hint={t('training.hoursHint')} inputMode="decimal" defaultValue="2" />
          </div>
        </ActionForm>
      </Card>
    </div>
  )
}
