import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { ActionForm } from '@/components/ui/action-form'
import { createTemplateAction } from '../../actions'
import { TemplateFields } from '../../template-fields'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.template.new') }
}

export default async function NewTemplatePage() {
  await requirePermission('evaluation.manage')
  const t = await getT()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('evaluation.template.new')} />
      <Card>
        <ActionForm action={createTemplateAction} submitLabel={t('common.submit')} testId="template-form">
          <TemplateFields t={t} />
        </ActionForm>
      </Card>
    </div>
  )
}
