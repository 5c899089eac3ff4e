'use server'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { awardPoints, createReward, exchange } from '@/lib/server/people/points'

export async function exchangeAction(itemId: string) {
  return toActionState(await exchange(await requireScope(), itemId), { message: 'points.exchanged' })
}

export async function createRewardAction(fd: FormData) {
  return toActionState(await createReward(await requireScope(), Object.fromEntries(fd)), { message: 'common.saved' })
}

export async function awardPointsAction(fd: FormData) {
  return toActionState(await awardPoints(await requireScope(), Object.fromEntries(fd)), { message: 'common.saved' })
}
