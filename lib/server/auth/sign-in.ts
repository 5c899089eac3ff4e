import 'server-only'
import { cookies } from 'next/headers'
import { encode } from 'next-auth/jwt'
import { actorByPhone, verifyCredentials } from './credentials'
import { startSession } from './sessions'
import { audit } from '../security/audit'
import { resolveScope } from '../authz/scope'
import { checkLimit, retryMinutes } from '../security/rate-limit'
import { fail, ok, type Result } from '../result'
import { maskPhone } from '@/lib/mask'
import { normaliseMobile, phoneDigits } from '@/lib/schemas/phone'

/** The cookie lives at most 12 hours; the server-side session ends much sooner (sessions.ts). */
export const COOKIE_MAX_AGE_SECONDS = 12 * 3600

export type PasswordSignInError = 'INVALID' | 'LOCKED' | 'RATE_LIMITED'

/**
 * Phone + password sign-in, the one path of both ways in: next-auth's credentials provider (the API,
 * used by scripts and the tests' sign-in fixtures) and the sign-in form's server action. Limited per
 * phone and per IP, every attempt audited, five wrong passwords lock the account (credentials.ts).
 * On success a server-side session is started; its id travels in the cookie.
 */
export async function passwordSignIn(credentials: unknown, ip: string | null, now = new Date()): Promise<Result<{ userId: string; sid: string }, PasswordSignInError>> {
  const raw = (credentials ?? {}) as { phone?: unknown }
  // however the number is written (139 0000 0009, +86…, full-width), it is one number: one limit, one audit target
  const phone = typeof raw.phone === 'string' ? (normaliseMobile(raw.phone) ?? phoneDigits(raw.phone).slice(0, 20)) : ''
  const target = maskPhone(phone) || null
  const limit = await checkLimit('signIn', { user: phone || null, ip }, now)
  if (!limit.ok) {
    await audit({ action: 'auth.signIn', result: 'limited', target, ip, actor: await actorByPhone(phone) })
    // the minutes until the limit's window ends, rounded up
    return fail('RATE_LIMITED', undefined, { minutes: retryMinutes(limit) })
  }
  const r = await verifyCredentials(credentials, now)
  if (!r.ok) {
    await audit({ action: 'auth.signIn', result: r.error === 'LOCKED' ? 'locked' : 'failed', target, ip, actor: await actorByPhone(phone) })
    return r // LOCKED carries the minutes left of the lock
  }
  const sid = await startSession(r.value.userId)
  await audit({ action: 'auth.signIn', result: 'ok', target, ip, scope: await resolveScope(r.value.userId) })
  return ok({ userId: r.value.userId, sid })
}

/** next-auth's cookie names: the __Secure- prefix when the site is served over https (NEXTAUTH_URL). */
export const secureCookies = () => (process.env.NEXTAUTH_URL ?? '').startsWith('https://')
export const sessionCookieName = () => `${secureCookies() ? '__Secure-' : ''}next-auth.session-token`

/** The secret the session cookie is encrypted with (next-auth's: NEXTAUTH_SECRET, else AUTH_SECRET). */
export function sessionSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set')
  return secret
}

/**
 * Sets the session cookie exactly as next-auth's credentials callback would (the same JWT claims,
 * encoding, name and flags), so getServerSession reads it. Used by the sign-in and registration
 * actions: a form that posts to a server action, also before JavaScript arrives.
 */
export async function setSessionCookie(user: { userId: string; sid: string }) {
  const token = { sub: user.userId, sid: user.sid }
  const value = await encode({ token, secret: sessionSecret(), maxAge: COOKIE_MAX_AGE_SECONDS })
  ;(await cookies()).set(sessionCookieName(), value, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge: COOKIE_MAX_AGE_SECONDS })
}

/** Where a signed-in person may be sent after the form: a path of this site, never another site. */
export function safeNext(v: unknown): string {
  return typeof v === 'string' && /^\/(?![/\\])[^\s]*$/.test(v) && !v.startsWith('/login') && v.length <= 500 ? v : '/'
}
