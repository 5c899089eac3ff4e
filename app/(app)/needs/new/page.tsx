import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { listCategories } from '@/lib/server/workflow/categories'
import { listActingCommunities } from '@/lib/server/workflow/common'
import { NEED_SOURCES, TARGET_GROUPS, URGENCIES } from '@/lib/schemas/workflow'
import { getT } from '@/lib/i18n/server'
import { ActionForm, FormInput, FormSelect, FormTextarea } from '@/components/ui/action-form'
import { Card } from '@/components/ui/card'
import { createNeedAction } from '../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('needs.new') }
}

export default async function NewNeedPage() {
  const scope = await requirePermission('need.record')
  const t = await getT()
  const [communities, categories] = await Promise.all([listActingCommunities(scope, 'need.record'), listCategories(scope)])
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('needs.new')} />
      <Card>
        <ActionForm action={createNeedAction} submitLabel={t('common.submit')} testId="need-form">
          {communities.length === 1 ? (
            <input type="hidden" name="orgUnitId" value={communities[0].id} />
          ) : (
            <FormSelect name="orgUnitId" label={t('field.community')} placeholder="" options={communities.map((c) => ({ value: c.id, label: c.name }))} />
          )}
          <FormInput name="title" label={t('field.title')} required />
          <FormTextarea name="description" label={t('field.description')} required />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormSelect name="categoryId" label={t('field.category')} placeholder="" options={categories.map((c) => ({ value: c.id, label: c.name }))} />
            <FormSelect name="targetGroup" label={t('field.targetGroup')} placeholder="" options={TARGET_GROUPS.map((v) => ({ value: v, label: t(`targetGroup.${v}`) }))} />
            <FormSelect name="source" label={t('field.source')} placeholder="" options={NEED_SOURCES.map((v) => ({ value: v, label: t(`needSource.${v}`) }))} />
            <FormSelect name="urgency" label={t('field.urgency')} defaultValue="NORMAL" options={URGENCIES.map((v) => ({ value: v, label: t(`urgency.${v}`) }))} />
            <FormInput name="peopleAffected" label={t('field.peopleAffected')} type="number" inputMode="numeric" min={1} defaultValue={1} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormInput name="residentName" label={t('field.residentName')} />
            <FormInput name="residentPhone" label={t('field.residentPhone')} type="tel" inputMode="tel" />
          </div>
        </ActionForm>
      </Card>
    </div>
  )
}
