import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getTeam, leaderChoices } from '@/lib/server/people/teams'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { DetailHeader } from '@/components/ui/detail'
import { Badge, Card, Stat } from '@/components/ui/card'
import { ActionForm } from '@/components/ui/action-form'
import { DataList, type Column } from '@/components/ui/data-list'
import { archiveTeamAction, decideJoinAction, unarchiveTeamAction, updateTeamAction } from '../actions'
import { TeamFields, type LeaderChoice } from '../team-fields'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('teams.title') }
}

/**
 * A team: members (phones masked), tasks done and hours served; the leader approves requests to join;
 * whoever runs the team (team.manage, or team.own for one's own organisation) edits and archives it.
 */
export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('org.read')
  const id = await idParam(params)
  const r = await getTeam(scope, id)
  if (!r.ok) return denyPage()
  const team = r.value
  const t = await getT()
  const locale = await getLocale()
  const leaders: LeaderChoice[] = team.manages && team.choosesLeader && !team.archivedAt ? await leaderChoices(scope, team.orgUnitId) : []
  // the current leader stays choosable even when no longer listed (e.g. beyond the list's length)
  if (team.leaderId && team.leader && !leaders.some((l) => l.id === team.leaderId) && leaders.length) leaders.unshift({ id: team.leaderId, name: team.leader.name, phone: '' })
  // the leader and the community admin open members' volunteer profiles (masked)
  const profiles = team.decides && team.kind === 'VOLUNTEER_TEAM'
  const pendingColumns: Column<(typeof team.pending)[number]>[] = [
    { id: 'name', label: t('field.name'), slot: 'title', cell: (p) => p.name },
    { id: 'phone', label: t('field.phone'), slot: 'end', cell: (p) => <span className="text-stone-600">{p.phone}</span> },
    {
      id: 'decide',
      label: t('teams.pending'),
      slot: 'actions',
      cell: (p) => (
        <>
          <ActionForm action={decideJoinAction.bind(null, p.id, true)} submitLabel={t('teams.approve')} className="" />
          <ActionForm action={decideJoinAction.bind(null, p.id, false)} submitLabel={t('teams.reject')} variant="danger" className="" />
        </>
      ),
    },
  ]
  const memberColumns: Column<(typeof team.members)[number]>[] = [
    { id: 'name', label: t('field.name'), slot: 'title', cell: (m) => (profiles ? <Link href={`/volunteers/${m.id}`} className="data-title">{m.name}</Link> : m.name) },
    { id: 'phone', label: t('field.phone'), slot: 'end', cell: (m) => <span className="text-stone-600">{m.phone}</span> },
  ]
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader
        back="/teams"
        backLabel={t('teams.title')}
        titleTestId="team-name"
        title={
          <>
            {team.name} <Badge>{t(`teamKind.${team.kind}`)}</Badge> <Badge>{t(`teamCategory.${team.category}`)}</Badge>
            {team.archivedAt ? (
              <>
                {' '}
                <Badge tone="brand">{t('teams.archived')}</Badge>
              </>
            ) : null}
          </>
        }
      />
      {team.archivedAt ? (
        <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="team-archived">
          {t('teams.archivedNote')}
        </p>
      ) : null}
      {team.description ? <p className="whitespace-pre-wrap text-sm text-stone-700">{team.description}</p> : null}
      <p className="text-sm text-stone-600">
        {team.orgUnit.name}
        {team.leader ? ` · ${t('teams.leader', { name: team.leader.name })}` : ''}
      </p>
      <div className="grid grid-cols-3 gap-2">
        <Stat label={t('teams.memberList')} value={team.members.length} testId="team-members" />
        <Stat label={t('teams.tasksDone')} value={team.tasksDone} testId="team-tasks-done" />
        <Stat label={t('teams.hours')} value={team.hours} testId="team-hours" />
      </div>
      {team.decides && team.pending.length ? (
        <Card className="space-y-2" data-testid="join-requests">
          <h2 className="text-sm font-semibold">{t('teams.pending')}</h2>
          <DataList t={t} flush label={t('teams.pending')} rows={team.pending} rowKey={(p) => p.id} columns={pendingColumns} path={`/teams/${team.id}`} query={{}} empty={null} />
        </Card>
      ) : null}
      <Card>
        <h2 className="text-sm font-semibold">{t('teams.memberList')}</h2>
        <DataList
          t={t}
          flush
          label={t('teams.memberList')}
          testId="member-list"
          rows={team.members}
          rowKey={(m) => m.id}
          columns={memberColumns}
          path={`/teams/${team.id}`}
          query={{}}
          empty={<p className="mt-2 text-sm text-stone-600">{t('teams.noMembers')}</p>}
        />
      </Card>
      {team.manages && !team.archivedAt ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('teams.edit')}</h2>
          <ActionForm action={updateTeamAction.bind(null, team.id)} submitLabel={t('common.save')} className="mt-3 space-y-4" testId="team-edit-form">
            <TeamFields t={t} team={team} choosesLeader={team.choosesLeader} leaders={leaders} />
          </ActionForm>
        </Card>
      ) : null}
      {team.manages ? (
        <Card className="space-y-2">
          {team.archivedAt ? (
            <ActionForm action={unarchiveTeamAction.bind(null, team.id)} submitLabel={t('teams.unarchive')} variant="secondary" className="" testId="team-unarchive" />
          ) : (
            <>
              <p className="text-sm text-stone-600">{t('teams.archiveHint')}</p>
              <ActionForm action={archiveTeamAction.bind(null, team.id)} submitLabel={t('teams.archive')} confirm={t('teams.archiveConfirm')} variant="danger" className="" testId="team-archive" />
            </>
          )}
          {team.history.length ? (
            <div>
              <h2 className="text-sm font-semibold">{t('teams.history')}</h2>
              <ul className="mt-1 space-y-1 text-sm text-stone-600" data-testid="team-history">
                {team.history.map((h, i) => (
                  <li key={i}>
                    {formatDateTime(locale, h.at)} · {t(h.from === 'ARCHIVED' ? 'teams.event.RESTORED' : h.to === 'ARCHIVED' ? 'teams.event.ARCHIVED' : 'teams.event.ACTIVE')} · {h.by}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  )
}
