import { afterAll } from 'vitest'
import { db, disconnectDb } from '@/lib/server/db'
import { resolveScope, type Scope } from '@/lib/server/authz/scope'
import { createTestTree, createUser, type UnitRef } from '@/tests/factories/org'
import type { Role } from '@/lib/server/generated/prisma/enums'
import { createTaskRow, createTeam, ensureCategories } from '@/tests/factories/workflow'
import { createNeed } from '@/lib/server/workflow/needs'
import { createServiceItem } from '@/lib/server/workflow/services'
import { claimOrder, dispatchOrder } from '@/lib/server/workflow/orders'
import { checkIn, checkOut, signUp } from '@/lib/server/workflow/tasks'

export const isPostgres = () => /^postgres/.test(process.env.DATABASE_URL ?? '')

afterAll(async () => {
  await disconnectDb()
})

export async function prisma() {
  return db()
}

export async function tree() {
  return createTestTree(await db())
}

/** A user holding `role` at `unit`, and their resolved scope. */
export async function userWith(role: Role, unit: UnitRef, extra: { role: Role; unit: UnitRef }[] = []): Promise<{ id: string; scope: Scope }> {
  const u = await createUser(await db(), { tenantId: unit.tenantId, name: `测试${role}`, roles: [{ role, unit }, ...extra] })
  const scope = await resolveScope(u.id)
  if (!scope) throw new Error('scope did not resolve')
  return { id: u.id, scope }
}

/**
 * A community with its admin, social worker, team leader, one volunteer in the leader's team and an order
 * claimed by that team; `serve` runs a new task of that order from `from` to `to` and checks a volunteer in
 * and out at those times, returning the credited minutes.
 */
export async function serviceWorld(label: string) {
  const t = await tree()
  const db = await prisma()
  const cat = await ensureCategories(db, t.tenant.id)
  const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
  const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
  const leader = await userWith('TEAM_LEADER', t.communityA1a)
  const v = await userWith('VOLUNTEER', t.communityA1a)
  const phone = (await db.user.findUniqueOrThrow({ where: { id: v.id }, select: { phone: true } })).phone
  const team = await createTeam(db, { unit: t.communityA1a, name: `${label}队`, leaderId: leader.id, memberIds: [v.id] })
  const need = await createNeed(worker.scope, { orgUnitId: t.communityA1a.id, title: label, description: label, categoryId: cat.OTHER, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' })
  if (!need.ok) throw new Error('need')
  const service = await createServiceItem(worker.scope, { needId: need.value.id, title: `${label}服务`, description: '说明', resourceIds: [] })
  if (!service.ok) throw new Error('service')
  const order = await dispatchOrder(admin.scope, { serviceItemId: service.value.id, teamId: team.id })
  if (!order.ok) throw new Error('order')
  await claimOrder(leader.scope, order.value.id, team.id)
  const serve = async (who: { id: string; scope: Scope }, from: Date, to: Date) => {
    // the task runs exactly from check-in to check-out (credited minutes never leave the task's window);
    // it may lie in the past, so its row is written by the factory (createTask takes future tasks only);
    // the sign-up is made as of two hours before its start
    const start = from.getTime()
    const task = await createTaskRow(db, { orderId: order.value.id, createdById: leader.id, title: label, startsAt: from, endsAt: to, signupDeadline: new Date(start - 3_600_000) })
    if (!(await signUp(who.scope, task.id, new Date(start - 7_200_000))).ok) throw new Error('sign-up')
    if (!(await checkIn(leader.scope, task.id, { volunteerId: who.id }, from)).ok) throw new Error('check-in')
    const out = await checkOut(leader.scope, task.id, { volunteerId: who.id }, to)
    if (!out.ok) throw new Error('check-out')
    return out.value.minutes
  }
  return { t, db, admin, worker, leader, v, phone, team, orderId: order.value.id, serve }
}
