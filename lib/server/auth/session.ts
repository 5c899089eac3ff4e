import 'server-only'
import { getServerSession } from 'next-auth'
import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { can, resolveScope, type Scope } from '../authz/scope'
import type { Permission } from '../authz/permissions'
import { authOptions } from './options'
import { touchSession } from './sessions'
import { headers } from 'next/headers'
import { audit } from '../security/audit'

/** The caller's session id (the cookie's), once per request; null when signed out. */
export const getSessionId = cache(async (): Promise<string | null> => {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null
  return session?.sid ?? null
})

/** The signed-in caller's scope, once per request; null when signed out, expired or deactivated. */
export const getScope = cache(async (): Promise<Scope | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sid?: string } | null
  if (!session?.userId || !session.sid) return null
  if (!(await touchSession(session.sid, session.userId))) return null // idle > 30 min, or signed out
  return resolveScope(session.userId)
})

/** For pages and actions: signed-out callers go to the sign-in page. */
export async function requireScope(): Promise<Scope> {
  const scope = await getScope()
  if (!scope) redirect('/login')
  return scope
}

/** A page that needs a permission the caller lacks anywhere is "not found", like an out-of-scope record. */
export async function requirePermission(permission: Permission): Promise<Scope> {
  const scope = await requireScope()
  if (!can(scope, permission)) return denyPage()
  return scope
}

/**
 * A page the caller may not see — a permission they lack, or a record outside their scope (or none at
 * all: the answer is the same 404). A signed-in caller's attempt is audited with the path (proxy.ts).
 */
export async function denyPage(): Promise<never> {
  const scope = await getScope().catch(() => null)
  if (scope) {
    const path = (await headers()).get('x-ronghe-path')
    await audit({ action: 'page.notFound', result: 'denied', scope, target: path })
  }
  notFound()
}
