'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { createTeam, decideJoin, requestJoin, setTeamArchived, updateTeam } from '@/lib/server/people/teams'

// Every action resolves the caller again; the DAL checks team.manage / team.own over the community and the team.
export async function requestJoinAction(teamId: string) {
  return runAction('teams.requestJoin', ['id'], [teamId], async () => {
    return toActionState(await requestJoin(await requireScope(), teamId), { message: 'teams.joined' })
  })
}

export async function decideJoinAction(requestId: string, approve: boolean) {
  return runAction('teams.decideJoin', ['id', 'bool'], [requestId, approve], async () => {
    return toActionState(await decideJoin(await requireScope(), requestId, approve))
  })
}

export async function createTeamAction(_prev: FormState, fd: FormData) {
  return runAction('teams.createTeam', ['form'], [fd], async () => {
    const r = await createTeam(await requireScope(), Object.fromEntries(fd))
    return toActionState(r, r.ok ? { redirect: `/teams/${r.value.id}` } : {})
  })
}

export async function updateTeamAction(teamId: string, _prev: FormState, fd: FormData) {
  return runAction('teams.updateTeam', ['id', 'form'], [teamId, fd], async () => {
    return toActionState(await updateTeam(await requireScope(), teamId, Object.fromEntries(fd)), { message: 'common.saved' })
  })
}

export async function archiveTeamAction(teamId: string) {
  return runAction('teams.archiveTeam', ['id'], [teamId], async () => {
    return toActionState(await setTeamArchived(await requireScope(), teamId, true))
  })
}

export async function unarchiveTeamAction(teamId: string) {
  return runAction('teams.unarchiveTeam', ['id'], [teamId], async () => {
    return toActionState(await setTeamArchived(await requireScope(), teamId, false))
  })
}
