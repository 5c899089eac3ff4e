import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { listCategories } from '@/lib/server/workflow/categories'
import { listActingCommunities } from '@/lib/server/workflow/common'
import { PROVIDER_KINDS, RESOURCE_TYPES } from '@/lib/schemas/workflow'
import { getT } from '@/lib/i18n/server'
import { ActionForm, FormCheckboxes, FormInput, FormSelect, FormTextarea } from '@/components/ui/action-form'
import { Card } from '@/components/ui/card'
import { createResourceAction } from '../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('resources.new') }
}

export default async function NewResourcePage() {
  const scope = await requirePermission('resource.manage')
  const t = await getT()
  const [communities, categories] = await Promise.all([listActingCommunities(scope, 'resource.manage'), listCategories(scope)])
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('resources.new')} />
      <Card>
        <ActionForm action={createResourceAction} submitLabel={t('common.submit')} testId="resource-form">
          {communities.length === 1 ? (
            <input type="hidden" name="orgUnitId" value={communities[0].id} />
          ) : (
            <FormSelect name="orgUnitId" label={t('field.community')} placeholder="" options={communities.map((c) => ({ value: c.id, label: c.name }))} />
          )}
          <FormInput name="providerName" label={t('field.providerName')} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormSelect name="providerKind" label={t('field.providerKind')} placeholder="" options={PROVIDER_KINDS.map((v) => ({ value: v, label: t(`providerKind.${v}`) }))} />
            <FormSelect name="type" label={t('field.resourceType')} placeholder="" options={RESOURCE_TYPES.map((v) => ({ value: v, label: t(`resourceType.${v}`) }))} />
            <FormInput name="capacity" label={t('field.capacity')} type="number" inputMode="numeric" min={1} defaultValue={1} />
            <FormInput name="availability" label={t('field.availability')} placeholder="每周六 9:00–12:00" />
          </div>
          <FormCheckboxes name="categoryIds" label={t('field.categories')} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormInput name="contactName" label={t('field.contactName')} />
            <FormInput name="contactPhone" label={t('field.contactPhone')} type="tel" />
          </div>
          <FormTextarea name="description" label={t('field.description')} />
        </ActionForm>
      </Card>
    </div>
  )
}
