import 'server-only'
import { db } from '../db'

export type CommunityFigures = {
  needs: number
  needsResolved: number
  ordersDispatched: number
  ordersClaimed: number
  tasks: number
  volunteers: number
  serviceMinutes: number
  beneficiaries: number
  satisfaction: number | null
  projectsRunningOrDone: number
}

/**
 * The live figures of everything under a unit path (a community, or a whole subtree): needs and how
 * many were resolved, orders and claims, tasks, distinct volunteers and their credited minutes, people
 * served by resolved needs, average satisfaction, projects running or completed. Internal: callers
 * check the scope first.
 */
export async function figuresUnder(orgPath: string): Promise<CommunityFigures> {
  const prisma = await db()
  const under = { orgPath: { startsWith: orgPath } }
  const [needs, resolved, orders, claimed, tasks, served, volunteers, projects] = await Promise.all([
    prisma.need.count({ where: under }),
    prisma.need.aggregate({ where: { ...under, status: { in: ['RESOLVED', 'CLOSED'] } }, _count: { _all: true }, _sum: { peopleAffected: true }, _avg: { satisfaction: true } }),
    prisma.order.count({ where: under }),
    prisma.order.count({ where: { ...under, status: 'CLAIMED' } }),
    prisma.task.count({ where: { ...under, status: { not: 'CANCELLED' } } }),
    prisma.taskSignup.aggregate({ where: { checkOutAt: { not: null }, task: under }, _sum: { minutes: true } }),
    prisma.taskSignup.groupBy({ by: ['userId'], where: { checkOutAt: { not: null }, task: under } }),
    prisma.project.count({ where: { ...under, status: { in: ['RUNNING', 'EVALUATING', 'COMPLETED'] } } }),
  ])
  return {
    needs,
    needsResolved: resolved._count._all,
    ordersDispatched: orders,
    ordersClaimed: claimed,
    tasks,
    volunteers: volunteers.length,
    serviceMinutes: served._sum.minutes ?? 0,
    beneficiaries: resolved._sum.peopleAffected ?? 0,
    satisfaction: resolved._avg.satisfaction === null ? null : Math.round(resolved._avg.satisfaction * 10) / 10,
    projectsRunningOrDone: projects,
  }
}
