'use server'
import { runAction } from '@/lib/server/security/run-action'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { decideJoin, requestJoin } from '@/lib/server/people/teams'

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
