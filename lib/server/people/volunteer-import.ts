import 'server-only'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import type { Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import type { TImportVolunteer } from '@/lib/schemas/volunteers'
import { addVolunteerRole, upsertProfile } from './volunteers'

class RowRefused extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('row refused')
  }
}

/**
 * One validated row of the volunteers import, in its own transaction (a refused row rolls back alone).
 * Matched by phone: a new phone becomes an account that cannot sign in until its owner claims it at
 * registration (imported = true, no password); a phone already registered in the tenant gets the
 * community's volunteer role if it lacks it and a profile only if it has none. A phone of another
 * tenant, or an ID number another volunteer of the tenant holds, refuses the row.
 */
export async function importVolunteerRow(scope: Scope, community: { id: string; path: string }, d: TImportVolunteer): Promise<Result<'CREATED' | 'EXISTING', 'INVALID'>> {
  const prisma = await db()
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { phone: d.phone }, select: { id: true, tenantId: true, volunteerProfile: { select: { userId: true } } } })
        if (existing && existing.tenantId !== scope.tenantId) throw new RowRefused({ phone: 'validation.phone.otherTenant' })
        const userId = existing?.id ?? (await tx.user.create({ data: { tenantId: scope.tenantId, phone: d.phone, name: d.realName, passwordHash: '' }, select: { id: true } })).id
        await addVolunteerRole(tx, scope.tenantId, userId, community)
        if (!existing?.volunteerProfile) {
          const r = await upsertProfile(tx, scope, userId, community, d, { imported: !existing })
          if (!r.ok) throw new RowRefused(r.fieldErrors ?? {})
        }
        return ok(existing ? ('EXISTING' as const) : ('CREATED' as const))
      })
    } catch (e) {
      if (e instanceof RowRefused) return fail('INVALID', e.fieldErrors)
      // a concurrent import or registration took the phone (or the ID number) first: look again once
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002' && attempt === 0) continue
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return fail('INVALID', { idNumber: 'validation.idNumber.taken' })
      throw e
    }
  }
}
