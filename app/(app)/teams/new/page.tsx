import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requireAnyOf } from '../../evaluation/guard'
import { leaderChoices, teamFoundingUnits } from '@/lib/server/people/teams'
import { getT } from '@/lib/i18n/server'
import { Card } from '@/components/ui/card'
import { ActionForm, FormSelect } from '@/components/ui/action-form'
import { createTeamAction } from '../actions'
import { TeamFields, type LeaderChoice } from '../team-fields'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('teams.new') }
}

/** Founds a team: the community admin (team.manage) any team with its leader; social-organisation staff (team.own) their own organisation's. */
export default async function NewTeamPage() {
  const scope = await requireAnyOf('team.manage', 'team.own')
  const t = await getT()
  const units = await teamFoundingUnits(scope)
  const managed = units.filter((u) => u.manages)
  // the leader list: the volunteers of every community where the caller chooses leaders (named by community when several)
  const leaders: LeaderChoice[] = []
  for (const u of managed) for (const c of await leaderChoices(scope, u.id)) leaders.push(managed.length > 1 ? { ...c, community: u.name } : c)
  const choosesLeader = managed.length > 0 && managed.length === units.length
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/teams" className="text-sm text-stone-600 hover:underline">
        ‹ {t('teams.title')}
      </Link>
      <PageHeader title={t('teams.new')} />
      <Card>
        <ActionForm action={createTeamAction} submitLabel={t('teams.new')} testId="team-form">
          {units.length === 1 ? (
            <input type="hidden" name="orgUnitId" value={units[0].id} />
          ) : (
            <FormSelect name="orgUnitId" label={t('teams.field.community')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
          )}
          <TeamFields t={t} choosesLeader={choosesLeader} leaders={leaders} />
        </ActionForm>
      </Card>
    </div>
  )
}
