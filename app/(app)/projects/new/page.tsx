import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { listActingCommunities } from '@/lib/server/workflow/common'
import { projectFormOptions } from '@/lib/server/projects/projects'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { ProjectForm } from '@/components/projects/project-form'
import { createProjectAction } from '../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('projects.new') }
}

export default async function NewProjectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('project.manage')
  const t = await getT()
  const communities = await listActingCommunities(scope, 'project.manage')
  const wanted = (await searchParams).community
  const community = communities.find((c) => c.id === wanted) ?? communities[0]
  const options = community ? await projectFormOptions(scope, community.id) : null
  if (!options) return denyPage()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('projects.new')} />
      <Card>
        <ProjectForm t={t} options={options} action={createProjectAction} submitLabel={t('common.submit')} />
      </Card>
    </div>
  )
}
