import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { listActingCommunities } from '@/lib/server/workflow/common'
import { NEED_SOURCES, TARGET_GROUPS } from '@/lib/schemas/workflow'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { ActionForm, FormInput, FormSelect, FormTextarea } from '@/components/ui/action-form'
import { openCaseAction } from '../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('cases.new') }
}

export default async function NewCasePage() {
  const scope = await requirePermission('case.work')
  const [community] = await listActingCommunities(scope, 'case.work')
  if (!community) return denyPage()
  const t = await getT()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('cases.new')} />
      <Card>
        <ActionForm action={openCaseAction} submitLabel={t('common.submit')} testId="case-form">
          <input type="hidden" name="orgUnitId" value={community.id} />
          <FormInput name="personName" label={t('field.personName')} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormSelect name="gender" label={t('field.gender')} placeholder="" options={[{ value: 'F', label: t('gender.F') }, { value: 'M', label: t('gender.M') }]} />
            <FormInput name="birthYear" label={t('field.birthYear')} inputMode="numeric" maxLength={4} />
            <FormSelect name="vulnerabilityGroup" label={t('field.vulnerabilityGroup')} placeholder="" options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroup.${g}`) }))} />
            <FormSelect name="foundVia" label={t('field.foundVia')} placeholder="" options={NEED_SOURCES.map((s) => ({ value: s, label: t(`needSource.${s}`) }))} />
          </div>
          <FormTextarea name="situation" label={t('field.situation')} />
        </ActionForm>
      </Card>
    </div>
  )
}
