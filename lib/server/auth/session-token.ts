import 'server-only'
import { decode } from 'next-auth/jwt'
import { sessionSecret } from './sign-in'

// The session cookie of a request, read without next-auth's getServerSession.
//
// getServerSession, called from a server component, runs next-auth's whole "session" route for every
// page: it builds the options and a CSRF token, derives the key (HKDF) and decrypts the JWT, runs the
// callbacks, then derives the key again and encrypts a fresh JWT for a Set-Cookie header that a server
// component cannot send and next-auth throws away. Under load on the empty page that was 6.5 % of the
// server's busy time, ≈ 0.45 ms a request (CPU profiles in issue 14's closing note). Here the cookie is
// decrypted with next-auth's own `decode` (the same secret, the same JWE, the same 15 s clock tolerance), and the claims of a
// token already seen are kept, by the token's full text, until the token's own expiry: a page view
// costs one map lookup. What decides whether the session is alive is not the cookie but the server-side
// session (sessions.ts), checked on every request, so a signed-out or idle session stays ended whatever
// is kept here.

export type SessionClaims = { userId: string; sid: string }
type Kept = SessionClaims & { expMs: number }

const CLOCK_TOLERANCE_MS = 15_000
const MAX_KEPT = 10_000 // ≈ 4 MB at most; the oldest goes first
const kept = new Map<string, Kept>()

/** The cookie's value: next-auth splits a token over name.0, name.1, … when it outgrows one cookie. */
export function sessionTokenOf(get: (name: string) => string | undefined, name: string): string | null {
  const whole = get(name)
  if (whole) return whole
  let token = ''
  for (let i = 0; ; i++) {
    const part = get(`${name}.${i}`)
    if (part === undefined) break
    token += part
  }
  return token || null
}

/**
 * The claims (user id, session id) of a session token, or null when it is missing, forged, expired or
 * without them. `now` is injectable for the tests.
 */
export async function sessionClaims(token: string | null, now = Date.now()): Promise<SessionClaims | null> {
  if (!token) return null
  const hit = kept.get(token)
  if (hit) {
    if (hit.expMs + CLOCK_TOLERANCE_MS < now) {
      kept.delete(token)
      return null
    }
    return { userId: hit.userId, sid: hit.sid }
  }
  const secret = sessionSecret()
  let payload: Awaited<ReturnType<typeof decode>>
  try {
    payload = await decode({ token, secret })
  } catch {
    return null // forged, damaged, expired or encrypted with another secret: signed out
  }
  if (!payload || typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return null
  const expMs = payload.exp * 1000
  if (expMs + CLOCK_TOLERANCE_MS < now) return null // jose checks it against the real clock; `now` decides here too
  const claims = { userId: payload.sub, sid: payload.sid }
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!)
  kept.set(token, { ...claims, expMs })
  return claims
}

/** For the tests: how many tokens are kept. */
export const keptTokens = () => kept.size
