import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getProject, projectFormOptions } from '@/lib/server/projects/projects'
import { idParam } from '@/lib/params'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { ProjectForm } from '@/components/projects/project-form'
import { updateProjectAction } from '../../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('projects.edit') }
}

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('project.manage')
  const id = await idParam(params)
  const r = await getProject(scope, id)
  if (!r.ok || !r.value.canManage) return denyPage()
  const p = r.value
  const options = await projectFormOptions(scope, p.orgUnit.id)
  if (!options) return denyPage()
  const t = await getT()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('projects.edit')} />
      <Card>
        <ProjectForm
          t={t}
          options={options}
          values={{ ...p, needIds: p.needs.map((n) => n.id) }}
          action={updateProjectAction.bind(null, p.id)}
          submitLabel={t('common.save')}
        />
      </Card>
    </div>
  )
}
