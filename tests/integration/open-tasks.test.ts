// Finding a task (/tasks for a volunteer): by China day (today, this week, its weekend, a date), text,
// category, team and free places, soonest first; the caller's scope is kept whatever the filter.
import { beforeAll, describe, expect, it } from 'vitest'
import { listOpenTasks, openTaskDays, openTaskFilters } from '@/lib/server/workflow/tasks'
import { createTaskRow } from '@/tests/factories/workflow'
import { serviceWorld } from './helpers'

// Wednesday 3 March 2027, 08:00 China time
const NOW = new Date('2027-03-03T00:00:00Z')
const china = (s: string) => new Date(`${s}+08:00`)

let w: Awaited<ReturnType<typeof serviceWorld>>
let other: Awaited<ReturnType<typeof serviceWorld>>
const titles = async (q: Parameters<typeof listOpenTasks>[1], scope = w.v.scope) => (await listOpenTasks(scope, q, NOW)).rows.map((r) => r.title)

beforeAll(async () => {
  w = await serviceWorld('找任务')
  other = await serviceWorld('别处')
  const make = (title: string, from: string, to: string, slots = 5) => createTaskRow(w.db, { orderId: w.orderId, createdById: w.leader.id, title, startsAt: china(from), endsAt: china(to), slots, signupDeadline: china(from) })
  await make('今天上午', '2027-03-03T10:00:00', '2027-03-03T12:00:00')
  const sat = await make('周末义诊', '2027-03-06T09:00:00', '2027-03-06T11:00:00', 1)
  await w.db.task.update({ where: { id: sat.id }, data: { taken: 1 } })
  await make('下周一', '2027-03-08T09:00:00', '2027-03-08T11:00:00')
  await make('今天清早', '2027-03-03T06:00:00', '2027-03-03T07:00:00') // ended before now
  await createTaskRow(other.db, { orderId: other.orderId, createdById: other.leader.id, title: '周末义诊', startsAt: china('2027-03-06T09:00:00'), endsAt: china('2027-03-06T11:00:00') })
})

describe('open tasks, filtered', () => {
  it('every day from now on, soonest first; an ended task never', async () => {
    expect(await titles({})).toEqual(['今天上午', '周末义诊', '下周一'])
  })
  it('today, this week (Monday to Sunday), its weekend, a date', async () => {
    expect(await titles({ when: 'today' })).toEqual(['今天上午'])
    expect(await titles({ when: 'week' })).toEqual(['今天上午', '周末义诊'])
    expect(await titles({ when: 'weekend' })).toEqual(['周末义诊'])
    expect(await titles({ on: '2027-03-08' })).toEqual(['下周一'])
    expect(await titles({ on: '2027-03-07' })).toEqual([])
    expect(openTaskDays({ when: 'weekend' }, NOW)).toEqual({ gte: china('2027-03-06T00:00:00'), lt: china('2027-03-08T00:00:00') })
  })
  it('free places, text, category and team', async () => {
    expect(await titles({ free: '1' })).toEqual(['今天上午', '下周一'])
    expect(await titles({ q: '义诊' })).toEqual(['周末义诊'])
    const { categories, teams } = await openTaskFilters(w.v.scope)
    const needCategory = (await w.db.order.findUniqueOrThrow({ where: { id: w.orderId }, select: { serviceItem: { select: { need: { select: { categoryId: true } } } } } })).serviceItem.need!.categoryId
    expect(categories.map((c) => c.id)).toContain(needCategory)
    expect(await titles({ category: needCategory })).toHaveLength(3)
    expect(await titles({ category: categories.find((c) => c.id !== needCategory)!.id })).toEqual([])
    expect(teams.map((t) => t.id)).toEqual([w.team.id])
    expect(await titles({ team: w.team.id, when: 'today' })).toEqual(['今天上午'])
    expect(await titles({ team: other.team.id })).toEqual([])
  })
  it('the scope holds under every filter: another tenant’s task of the same name is never found', async () => {
    expect(await titles({ q: '义诊' }, other.v.scope)).toEqual(['周末义诊'])
    const mine = await listOpenTasks(w.v.scope, { q: '义诊', when: 'weekend' }, NOW)
    expect(mine.total).toBe(1)
    expect((await openTaskFilters(other.v.scope)).teams.map((t) => t.id)).toEqual([other.team.id])
  })
})
