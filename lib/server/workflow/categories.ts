import 'server-only'
import { db } from '../db'
import { can, type Scope } from '../authz/scope'
import { Prisma } from '../generated/prisma/client'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZCategory, ZCategoryUpdate } from '@/lib/schemas/workflow'

/** The tenant's managed list of service categories (active ones, in their order). */
export async function listCategories(scope: Scope) {
  const prisma = await db()
  return prisma.serviceCategory.findMany({
    where: { tenantId: scope.tenantId, active: true },
    select: { id: true, code: true, name: true },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  })
}

/** The default list a new tenant starts from (the region can extend it). */
export const DEFAULT_CATEGORIES = [
  ['ELDERLY_CARE', '养老助老'],
  ['DISABILITY', '助残'],
  ['CHILDREN', '儿童关爱'],
  ['HEALTH', '医疗健康'],
  ['MEDIATION', '矛盾调解'],
  ['EMPLOYMENT', '就业帮扶'],
  ['CONVENIENCE', '便民服务'],
  ['CULTURE', '文化活动'],
  ['ENVIRONMENT', '环境整治'],
  ['OTHER', '其他'],
] as const

/** The whole list, inactive ones too, for those who keep it (category.manage). */
export async function listAllCategories(scope: Scope) {
  if (!can(scope, 'category.manage')) return []
  const prisma = await db()
  const rows = await prisma.serviceCategory.findMany({
    where: { tenantId: scope.tenantId },
    select: { id: true, code: true, name: true, sortOrder: true, active: true, _count: { select: { needs: true } } },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  })
  return rows.map(({ _count, ...c }) => ({ ...c, needs: _count.needs }))
}

const taken = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'

/** Adds a category to the tenant's list. Names are unique per tenant. */
export async function createCategory(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'NOT_FOUND' | 'INVALID'>> {
  if (!can(scope, 'category.manage')) return fail('NOT_FOUND')
  const parsed = ZCategory.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  try {
    const c = await prisma.serviceCategory.create({
      data: { tenantId: scope.tenantId, code: `C${Date.now().toString(36).toUpperCase()}`, name: parsed.data.name, sortOrder: parsed.data.sortOrder },
      select: { id: true },
    })
    return ok(c)
  } catch (e) {
    if (taken(e)) return fail('INVALID', { name: 'validation.categoryName.taken' })
    throw e
  }
}

/**
 * Renames, reorders or (de)activates a category. Categories are never deleted: needs and resources
 * keep pointing at them; an inactive one is no longer offered in forms.
 */
export async function updateCategory(scope: Scope, id: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID'>> {
  if (!can(scope, 'category.manage')) return fail('NOT_FOUND')
  const parsed = ZCategoryUpdate.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  try {
    const n = await prisma.serviceCategory.updateMany({ where: { id, tenantId: scope.tenantId }, data: parsed.data })
    return n.count ? ok(null) : fail('NOT_FOUND')
  } catch (e) {
    if (taken(e)) return fail('INVALID', { name: 'validation.categoryName.taken' })
    throw e
  }
}
