// Factories of the core workflow, shared by the seed and the tests.
import type { PrismaClient } from '@/lib/server/generated/prisma/client'
import type { TeamKind } from '@/lib/server/generated/prisma/enums'
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

export async function createTeam(tx: Tx, input: { unit: UnitRef; name: string; kind?: TeamKind; leaderId?: string | null; memberIds?: string[]; description?: string }) {
  const team = await tx.team.create({
    data: {
      tenantId: input.unit.tenantId, orgUnitId: input.unit.id, orgPath: input.unit.path, name: input.name, kind: input.kind ?? 'VOLUNTEER_TEAM',
      leaderId: input.leaderId ?? null, description: input.description ?? null,
    },
    select: { id: true, name: true },
  })
  const members = [...new Set([...(input.memberIds ?? []), ...(input.leaderId ? [input.leaderId] : [])])]
  if (members.length) await tx.teamMember.createMany({ data: members.map((userId) => ({ teamId: team.id, userId })) })
  return team
}
