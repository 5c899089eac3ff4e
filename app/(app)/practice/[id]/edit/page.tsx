import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getPracticeCase, practiceFormOptions } from '@/lib/server/projects/practice'
import { idParam } from '@/lib/params'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { PracticeForm } from '@/components/projects/practice-form'
import { updatePracticeAction } from '../../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('practice.edit') }
}

export default async function EditPracticePage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('practice.write')
  const id = await idParam(params)
  const r = await getPracticeCase(scope, id)
  if (!r.ok || !r.value.canEdit) return denyPage()
  const options = await practiceFormOptions(scope, r.value.orgUnit.id)
  if (!options) return denyPage()
  const t = await getT()
  const c = r.value
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('practice.edit')} />
      <Card>
        <PracticeForm t={t} communityId={c.orgUnit.id} projects={options.projects} values={{ ...c, projectId: c.project?.id ?? null }} action={updatePracticeAction.bind(null, c.id)} submitLabel={t('common.save')} />
      </Card>
    </div>
  )
}
