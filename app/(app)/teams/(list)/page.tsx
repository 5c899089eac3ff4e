import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { canFoundTeams, listTeams } from '@/lib/server/people/teams'
import { getT } from '@/lib/i18n/server'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { ActionForm } from '@/components/ui/action-form'
import { LinkButton } from '@/components/ui/button'
import { requestJoinAction } from '../actions'
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
  const columns: Column<(typeof teams)[number]>[] = [
    { id: 'name', label: t('teams.field.name'), slot: 'title', cell: (team) => <Link href={`/teams/${team.id}`} className="data-title">{team.name}</Link> },
    { id: 'kind', label: t('teams.field.kind'), slot: 'end', cell: (team) => <Badge>{t(`teamKind.${team.kind}`)}</Badge> },
    { id: 'category', label: t('teams.field.category'), slot: 'end', cell: (team) => <Badge>{t(`teamCategory.${team.category}`)}</Badge> },
    { id: 'archived', label: t('teams.archived'), slot: 'end', cell: (team) => (team.archivedAt ? <Badge tone="brand">{t('teams.archived')}</Badge> : null) },
    {
      id: 'standing',
      label: t('teams.member'),
      slot: 'end',
      cell: (team) => (team.member ? <Badge tone="green">{t('teams.member')}</Badge> : team.request === 'PENDING' ? <Badge tone="brand">{t('teams.requested')}</Badge> : null),
    },
    { id: 'community', label: t('teams.field.community'), cell: (team) => team.orgUnit.name },
    { id: 'members', label: t('teams.memberList'), cell: (team) => t('teams.members', { count: team._count.members }) },
    { id: 'leader', label: t('teams.field.leader'), cell: (team) => (team.leader ? t('teams.leader', { name: team.leader.name }) : null) },
    { id: 'description', label: t('teams.field.description'), slot: 'detail', cell: (team) => (team.description ? <span className="text-stone-700">{team.description}</span> : null) },
    {
      id: 'join',
      label: t('teams.join'),
      slot: 'actions',
      cell: (team) => (!team.member && team.request !== 'PENDING' && team.canJoin ? <ActionForm action={requestJoinAction.bind(null, team.id)} submitLabel={t('teams.join')} variant="secondary" className="flex flex-col items-start gap-1" /> : null),
    },
  ]
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <PageHeader
        title={t('teams.title')}
        exportLink={{ t, href: '/api/exports/teams' }}
        actions={
          founds ? (
            <LinkButton href="/teams/new" data-testid="new-team">
              {t('teams.new')}
            </LinkButton>
          ) : null
        }
      />
      <DataList
        t={t}
        label={t('teams.title')}
        testId="teams"
        rows={teams}
        rowKey={(team) => team.id}
        columns={columns}
        path="/teams"
        query={{}}
        empty={
          <EmptyState title={t('teams.empty')}>
            <p data-testid="teams-empty-hint">{t(emptyHint)}</p>
          </EmptyState>
        }
      />
    </div>
  )
}
