import { afterAll } from 'vitest'
import { db, disconnectDb } from '@/lib/server/db'
import { resolveScope, type Scope } from '@/lib/server/authz/scope'
import { createTestTree, createUser, type UnitRef } from '@/tests/factories/org'
import type { Role } from '@/lib/server/generated/prisma/enums'

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
