import type { Translate } from '@/lib/i18n'
import { TEAM_CATEGORIES, TEAM_KINDS } from '@/lib/schemas/teams'
import { FormInput, FormSelect, FormTextarea } from '@/components/ui/action-form'

type Team = { name: string; kind: string; category: string; description: string | null; leaderId: string | null }
export type LeaderChoice = { id: string; name: string; phone: string; community?: string }

/** The label of a volunteer in the leader list: name and masked phone (and the community when several). */
export const leaderLabel = (c: LeaderChoice) => `${c.name}${c.phone ? `（${c.phone}）` : ''}${c.community ? ` · ${c.community}` : ''}`

/**
 * The fields of a team, shared by the found and edit forms. `choosesLeader` (team.manage): the kind and
 * the leader are chosen here; otherwise (team.own) the team is a social organisation's and the leader
 * field is not part of the form at all (the server keeps the leader as it is).
 */
export function TeamFields({ t, team, choosesLeader, leaders }: { t: Translate; team?: Team; choosesLeader: boolean; leaders: LeaderChoice[] }) {
  return (
    <>
      <FormInput name="name" label={t('teams.field.name')} defaultValue={team?.name} required autoComplete="off" />
      {choosesLeader ? (
        <FormSelect name="kind" label={t('teams.field.kind')} defaultValue={team?.kind ?? 'VOLUNTEER_TEAM'} options={TEAM_KINDS.map((k) => ({ value: k, label: t(`teamKind.${k}`) }))} />
      ) : (
        <>
          <input type="hidden" name="kind" value="SOCIAL_ORG" />
          <p className="text-sm text-stone-600">
            {t('teams.field.kind')}：{t('teamKind.SOCIAL_ORG')}。{t('teams.kindFixed')}
          </p>
        </>
      )}
      <FormSelect name="category" label={t('teams.field.category')} defaultValue={team?.category ?? 'OTHER'} options={TEAM_CATEGORIES.map((c) => ({ value: c, label: t(`teamCategory.${c}`) }))} />
      <FormTextarea name="description" label={t('teams.field.description')} defaultValue={team?.description ?? ''} />
      {choosesLeader ? (
        <FormSelect
          name="leaderId"
          label={t('teams.field.leader')}
          hint={leaders.length ? t('teams.leaderHint') : t('teams.noVolunteers')}
          defaultValue={team?.leaderId ?? ''}
          options={[{ value: '', label: t('teams.noLeader') }, ...leaders.map((c) => ({ value: c.id, label: leaderLabel(c) }))]}
        />
      ) : null}
    </>
  )
}
