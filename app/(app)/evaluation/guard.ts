import 'server-only'
import { denyPage, requireScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import type { Permission } from '@/lib/server/authz/permissions'

/** A page open to holders of any of `perms` (anywhere); everyone else gets "not found". */
export async function requireAnyOf(...perms: Permission[]) {
  const scope = await requireScope()
  if (!perms.some((p) => can(scope, p))) return denyPage()
  return scope
}
