import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getTeam } from '@/lib/server/people/teams'
import { idParam } from '@/lib/params'
import { getT } from '@/lib/i18n/server'
import { Badge, Card, Stat } from '@/components/ui/card'
import { ActionForm } from '@/components/ui/action-form'
import { decideJoinAction } from '../actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('teams.title') }
}

/** A team: members (phones masked), tasks done and hours served; the leader approves requests to join. */
export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('org.read')
  const id = await idParam(params)
  const r = await getTeam(scope, id)
  if (!r.ok) return denyPage()
  const team = r.value
  const t = await getT()
  // the leader and the community admin open members' volunteer profiles (masked)
  const profiles = team.decides && team.kind === 'VOLUNTEER_TEAM'
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/teams" className="text-sm text-stone-600 hover:underline">
        ‹ {t('teams.title')}
      </Link>
      <h1 className="text-xl font-semibold" data-testid="team-name">
        {team.name} <Badge>{t(`teamKind.${team.kind}`)}</Badge>
      </h1>
      <p className="text-sm text-stone-600">
        {team.orgUnit.name}
        {team.leader ? ` · ${t('teams.leader', { name: team.leader.name })}` : ''}
      </p>
      <div className="grid grid-cols-3 gap-2">
        <Stat label={t('teams.memberList')} value={team.members.length} testId="team-members" />
        <Stat label={t('teams.tasksDone')} value={team.tasksDone} />
        <Stat label={t('teams.hours')} value={team.hours} />
      </div>
      {team.decides && team.pending.length ? (
        <Card className="space-y-2" data-testid="join-requests">
          <h2 className="text-sm font-semibold">{t('teams.pending')}</h2>
          <ul className="space-y-2">
            {team.pending.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span>
                  {p.name} <span className="tabular-nums text-stone-500">{p.phone}</span>
                </span>
                <span className="flex gap-2">
                  <ActionForm action={decideJoinAction.bind(null, p.id, true)} submitLabel={t('teams.approve')} className="" />
                  <ActionForm action={decideJoinAction.bind(null, p.id, false)} submitLabel={t('teams.reject')} variant="danger" className="" />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <h2 className="text-sm font-semibold">{t('teams.memberList')}</h2>
        <ul className="mt-2 divide-y divide-stone-100 text-sm" data-testid="member-list">
          {team.members.map((m) => (
            <li key={m.id} className="flex justify-between py-1.5">
              {profiles ? (
                <Link href={`/volunteers/${m.id}`} className="text-brand-700 hover:underline">
                  {m.name}
                </Link>
              ) : (
                <span>{m.name}</span>
              )}
              <span className="tabular-nums text-stone-500">{m.phone}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  )
}
