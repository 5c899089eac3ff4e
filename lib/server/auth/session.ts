import 'server-only'
import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { can, type Scope } from '../authz/scope'
import type { Permission } from '../authz/permissions'
import { sessionCaller } from './sessions'
import { cookies, headers } from 'next/headers'
import { sessionClaims, sessionTokenOf } from './session-token'
import { sessionCookieName } from './sign-in'
import { audit } from '../security/audit'

/** The session cookie, decrypted once per request (next-auth's JWT; session-token.ts). */
const getSession = cache(async () => {
  const jar = await cookies()
  return sessionClaims(sessionTokenOf((n) => jar.get(n)?.value, sessionCookieName()))
})

/** The caller's session id (the cookie's), once per request; null when signed out. */
export const getSessionId = cache(async (): Promise<string | null> => (await getSession())?.sid ?? null)

/** The signed-in caller's scope, once per request; null when signed out, expired (idle > 30 min, > 12 h), signed out or deactivated. */
export const getScope = cache(async (): Promise<Scope | null> => (await getCaller())?.scope ?? null)

/** The signed-in caller's unread notifications (the app shell's badge), read with the scope: no statement of its own. */
export const getUnreadCount = cache(async (): Promise<number> => (await getCaller())?.unread ?? 0)

const getCaller = cache(async () => {
  const session = await getSession()
  if (!session?.userId || !session.sid) return null
  return sessionCaller(session.sid, session.userId)
})

/**
 * For pages and actions: signed-out callers go to the sign-in page, and from a page other than the home
 * page they come back to it once signed in (`?next=`, the path and query the proxy saw; a scanned
 * check-in code keeps its token). An action's caller goes to plain /login.
 */
export async function requireScope(): Promise<Scope> {
  const scope = await getScope()
  if (!scope) redirect(await signInPath())
  return scope
}

async function signInPath(): Promise<string> {
  const h = await headers()
  const next = h.get('x-ronghe-next')
  if (h.has('next-action') || !next || next === '/' || !next.startsWith('/') || next.startsWith('//')) return '/login'
  return `/login?next=${encodeURIComponent(next)}`
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
