import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'
import { StatusBadge } from './status-badge'

/** What a service item answers: a need (with its status) or, for a project activity, the project. */
export function ServiceOrigin({ t, need, needId, project }: { t: Translate; need: { title: string; status: string } | null; needId?: string | null; project: { id: string; name: string } | null }) {
  if (need && needId) {
    return (
      <div>
        <dt className="inline text-stone-500">{t('services.need')}：</dt>
        <dd className="inline">
          <Link href={`/needs/${needId}`} className="text-brand-700 hover:underline">
            {need.title}
          </Link>{' '}
          <StatusBadge t={t} kind="needStatus" status={need.status} />
        </dd>
      </div>
    )
  }
  if (!project) return null
  return (
    <div>
      <dt className="inline text-stone-500">{t('services.project')}：</dt>
      <dd className="inline">
        <Link href={`/projects/${project.id}`} className="text-brand-700 hover:underline">
          {project.name}
        </Link>
      </dd>
    </div>
  )
}
