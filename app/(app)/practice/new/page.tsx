import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { listActingCommunities } from '@/lib/server/workflow/common'
import { practiceFormOptions } from '@/lib/server/projects/practice'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { PracticeForm } from '@/components/projects/practice-form'
import { createPracticeAction } from '../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('practice.new') }
}

export default async function NewPracticePage() {
  const scope = await requirePermission('practice.write')
  const [community] = await listActingCommunities(scope, 'practice.write')
  const options = community ? await practiceFormOptions(scope, community.id) : null
  if (!options) return denyPage()
  const t = await getT()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('practice.new')} />
      <Card>
        <PracticeForm t={t} communityId={options.community.id} projects={options.projects} action={createPracticeAction} submitLabel={t('common.submit')} />
      </Card>
    </div>
  )
}
