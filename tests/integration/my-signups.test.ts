// 我的报名: the place on the waitlist moves up as places free; past sign-ups keep the hours credited.
import { describe, expect, it } from 'vitest'
import { cancelSignup, createTask, listMySignups, signUp } from '@/lib/server/workflow/tasks'
import { chinaYear } from '@/lib/china-time'
import { serviceWorld, userWith } from './helpers'

const MIN = 60_000
const START = Date.parse(`${chinaYear() + 1}-05-11T01:00:00Z`)
const at = (min: number) => new Date(START + min * MIN)

describe('my sign-ups', () => {
  it('shows each volunteer’s place on the waitlist, and moves it up when a confirmed volunteer cancels', async () => {
    const w = await serviceWorld('候补')
    const vs = [w.v, await userWith('VOLUNTEER', w.t.communityA1a), await userWith('VOLUNTEER', w.t.communityA1a)]
    const task = await createTask(w.leader.scope, { orderId: w.orderId, title: '候补任务', startsAt: at(0).toISOString(), endsAt: at(60).toISOString(), place: '社区', slots: '1', signupDeadline: at(-60).toISOString() })
    if (!task.ok) throw new Error(JSON.stringify(task))
    for (const [i, v] of vs.entries()) expect((await signUp(v.scope, task.value.id, at(-300 + i))).ok).toBe(true)
    const place = async (i: number) => (await listMySignups(vs[i].scope, { when: 'upcoming' }, at(-200))).rows.map((r) => [r.status, r.waitlistPosition])
    expect(await place(0)).toEqual([['CONFIRMED', null]])
    expect(await place(1)).toEqual([['WAITLISTED', 1]])
    expect(await place(2)).toEqual([['WAITLISTED', 2]])
    expect((await cancelSignup(vs[0].scope, task.value.id, at(-200))).ok).toBe(true)
    expect(await place(1)).toEqual([['CONFIRMED', null]])
    expect(await place(2)).toEqual([['WAITLISTED', 1]])
  })
})
