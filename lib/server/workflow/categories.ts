import 'server-only'
import { db } from '../db'
import type { Scope } from '../authz/scope'

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
