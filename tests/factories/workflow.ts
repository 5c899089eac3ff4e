// Factories of the core workflow, shared by the seed and the tests.
import { randomInt } from 'node:crypto'
import type { PrismaClient } from '@/lib/server/generated/prisma/client'
import type { TeamCategory, TeamKind } from '@/lib/server/generated/prisma/enums'
import { DEFAULT_CATEGORIES } from '@/lib/server/workflow/categories'
import type { UnitRef } from './org'

type Tx = Pick<PrismaClient, 'serviceCategory' | 'team' | 'teamMember'>

/** The tenant's managed category list (idempotent). */
export async function ensureCategories(tx: Tx, tenantId: string) {
  for (const [i, [code, name]] of DEFAULT_CATEGORIES.entries()) {
    await tx.serviceCategory.upsert({ where: { tenantId_code: { tenantId, code } }, update: {}, create: { tenantId, code, name, sortOrder: i } })
  }
  const rows = await tx.serviceCategory.findMany({ where: { tenantId }, select: { id: true, code: true } })
  return Object.fromEntries(rows.map((r) => [r.code, r.id])) as Record<(typeof DEFAULT_CATEGORIES)[number][0], string>
}

export async function createTeam(tx: Tx, input: { unit: UnitRef; name: string; kind?: TeamKind; category?: TeamCategory; leaderId?: string | null; memberIds?: string[]; description?: string }) {
  const team = await tx.team.create({
    data: {
      tenantId: input.unit.tenantId, orgUnitId: input.unit.id, orgPath: input.unit.path, name: input.name, kind: input.kind ?? 'VOLUNTEER_TEAM', category: input.category ?? 'OTHER',
      leaderId: input.leaderId ?? null, description: input.description ?? null,
    },
    select: { id: true, name: true },
  })
  const members = [...new Set([...(input.memberIds ?? []), ...(input.leaderId ? [input.leaderId] : [])])]
  if (members.length) await tx.teamMember.createMany({ data: members.map((userId) => ({ teamId: team.id, userId })) })
  return team
}

type TaskTx = Pick<PrismaClient, 'order' | 'task' | 'statusChange'>

/**
 * A task row written as it is, at any time — past ones included — with its creation in the history, as
 * createTask records it. Only for tests and seeds of history (check-in/out, hours at given times): the
 * DAL's createTask refuses a start or sign-up deadline that is not in the future (a past activity is a
 * signed hour adjustment there), so a test that needs a task in the past writes it here.
 */
export async function createTaskRow(
  tx: TaskTx,
  input: { orderId: string; createdById: string; title: string; startsAt: Date; endsAt: Date; signupDeadline?: Date; place?: string; slots?: number; skills?: string | null },
) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { tenantId: true, orgUnitId: true, orgPath: true } })
  const checkinCode = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const task = await tx.task.create({
    data: {
      tenantId: order.tenantId, orgUnitId: order.orgUnitId, orgPath: order.orgPath, orderId: input.orderId, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt,
      place: input.place ?? '社区', slots: input.slots ?? 5, skills: input.skills ?? null, signupDeadline: input.signupDeadline ?? new Date(input.startsAt.getTime() - 3_600_000),
      checkinCode, createdById: input.createdById,
    },
    select: { id: true },
  })
  await tx.statusChange.create({ data: { tenantId: order.tenantId, orgPath: order.orgPath, entity: 'Task', entityId: task.id, from: null, to: 'OPEN', byUserId: input.createdById } })
  return { id: task.id, checkinCode }
}
