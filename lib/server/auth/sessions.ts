import 'server-only'
import { db } from '../db'
import { resolveSessionScope, type Scope } from '../authz/scope'

/** A session ends after this long without a request. */
export const IDLE_MINUTES = 30
/** …and this long after sign-in, however busy (absolute timeout). */
export const ABSOLUTE_HOURS = 12
/** lastSeenAt is written at most this often, so a busy user does not cost a write per request. */
const TOUCH_EVERY_MS = 60_000

export async function startSession(userId: string): Promise<string> {
  const prisma = await db()
  const s = await prisma.userSession.create({ data: { userId }, select: { id: true } })
  return s.id
}

/**
 * Is this session still alive? Alive = not revoked, seen within the idle window and started less than
 * 12 hours ago. Each check counts as activity and slides the idle window. A dead session stays dead.
 */
export async function touchSession(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const prisma = await db()
  const idleSince = new Date(now.getTime() - IDLE_MINUTES * 60_000)
  const startedSince = new Date(now.getTime() - ABSOLUTE_HOURS * 3600_000)
  const s = await prisma.userSession.findFirst({
    where: { id: sessionId, userId, revokedAt: null, lastSeenAt: { gt: idleSince }, createdAt: { gt: startedSince } },
    select: { lastSeenAt: true },
  })
  if (!s) return false
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } })
  }
  return true
}

/**
 * A request's caller: touchSession and resolveScope in one read (resolveSessionScope), the idle window
 * slid by a write at most once a minute. null when the session is dead or the user deactivated.
 */
export async function sessionScope(sessionId: string, userId: string, now = new Date()): Promise<Scope | null> {
  return (await sessionCaller(sessionId, userId, now))?.scope ?? null
}

/** sessionScope, with the caller's unread notification count read in the same statement (the app shell's badge). */
export async function sessionCaller(sessionId: string, userId: string, now = new Date()): Promise<{ scope: Scope; unread: number } | null> {
  const idleSince = new Date(now.getTime() - IDLE_MINUTES * 60_000)
  const startedSince = new Date(now.getTime() - ABSOLUTE_HOURS * 3600_000)
  const r = await resolveSessionScope(sessionId, userId, idleSince, startedSince)
  if (!r) return null
  if (now.getTime() - r.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const prisma = await db()
    await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } })
  }
  return { scope: r.scope, unread: r.unread }
}

export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  const prisma = await db()
  await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } })
}

/** Ends every live session of a user but `keep` (password changed, account disabled). Returns how many. */
export async function endSessionsOf(userId: string, keep: string | null = null, now = new Date()): Promise<number> {
  const prisma = await db()
  const r = await prisma.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  })
  return r.count
}
