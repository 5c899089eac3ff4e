import type { Metadata } from 'next'
import { ExportLink } from '@/components/ui/export-link'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { canFoundTeams, listTeams } from '@/lib/server/people/teams'
import { getT } from '@/lib/i18n/server'
import { Badge, Card, EmptyState } from '@/components/ui/card'
import { ActionForm } from '@/components/ui/action-form'
import { LinkButton } from '@/components/ui/button'
import { requestJoinAction } from './actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('teams.title') }
}

/** Teams of the caller's community (or area); volunteers ask to join, a volunteer can be in several; the community founds them. */
export default async function TeamsPage() {
  const scope = await requirePermission('org.read')
  const t = await getT()
  const teams = await listTeams(scope)
  const founds = canFoundTeams(scope)
  const emptyHint = can(scope, 'team.manage') ? 'teams.emptyHintManage' : founds ? 'teams.emptyHintOwn' : 'teams.emptyHintOthers'
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <PageHeader
        title={t('teams.title')}
        actions={
          <>
            {founds ? (
              <LinkButton href="/teams/new" data-testid="new-team">
                {t('teams.new')}
              </LinkButton>
            ) : null}
            <ExportLink t={t} href="/api/exports/teams" />
          </>
        }
      />
      {teams.length === 0 ? (
        <EmptyState title={t('teams.empty')}>
          <p data-testid="teams-empty-hint">{t(emptyHint)}</p>
        </EmptyState>
      ) : null}
      <ul className="space-y-2" data-testid="teams">
        {teams.map((team) => (
          <li key={team.id}>
            <Card className="flex flex-wrap items-center justify-between gap-2">
              <div className="min-w-0">
                <Link href={`/teams/${team.id}`} className="font-medium text-brand-700 hover:underline">
                  {team.name}
                </Link>{' '}
                <Badge>{t(`teamKind.${team.kind}`)}</Badge> <Badge>{t(`teamCategory.${team.category}`)}</Badge>
                {team.archivedAt ? (
                  <>
                    {' '}
                    <Badge tone="brand">{t('teams.archived')}</Badge>
                  </>
                ) : null}
                <p className="text-xs text-stone-500">
                  {team.orgUnit.name} · {t('teams.members', { count: team._count.members })}
                  {team.leader ? ` · ${t('teams.leader', { name: team.leader.name })}` : ''}
                </p>
                {team.description ? <p className="mt-1 text-sm text-stone-700">{team.description}</p> : null}
              </div>
              {team.member ? (
                <Badge tone="green">{t('teams.member')}</Badge>
              ) : team.request === 'PENDING' ? (
                <Badge tone="brand">{t('teams.requested')}</Badge>
              ) : team.canJoin ? (
                <ActionForm action={requestJoinAction.bind(null, team.id)} submitLabel={t('teams.join')} variant="secondary" className="flex flex-col items-end gap-1" />
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  )
}
