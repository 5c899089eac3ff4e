'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { awardPoints, createReward, exchange } from '@/lib/server/people/points'

export async function exchangeAction(itemId: string) {
  return runAction('points.exchange', ['id'], [itemId], async () => {
    return toActionState(await exchange(await requireScope(), itemId), { message: 'points.exchanged' })
  })
}

export async function createRewardAction(_prev: FormState, fd: FormData) {
  return runAction('points.createReward', ['form'], [fd], async () => {
    return toActionState(await createReward(await requireScope(), Object.fromEntries(fd)), { message: 'common.saved' })
  })
}

export async function awardPointsAction(_prev: FormState, fd: FormData) {
  return runAction('points.awardPoints', ['form'], [fd], async () => {
    return toActionState(await awardPoints(await requireScope(), Object.fromEntries(fd)), { message: 'common.saved' })
  })
}
