import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { listRegisterUnits } from '@/lib/server/people/agencies'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { ActionForm } from '@/components/ui/action-form'
import { createAgencyAction } from '../actions'
import { AgencyFields } from '../agency-fields'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('agency.new') }
}

/** Registers an agency under the caller's unit or one just below it. */
export default async function NewAgencyPage() {
  const scope = await requirePermission('agency.manage')
  const t = await getT()
  const units = await listRegisterUnits(scope)
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('agency.new')} />
      <Card>
        <ActionForm action={createAgencyAction} submitLabel={t('agency.new')} testId="agency-form">
          <AgencyFields t={t} units={units} />
        </ActionForm>
      </Card>
    </div>
  )
}
