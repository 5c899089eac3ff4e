import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { actorById } from './credentials'
import { audit } from '../security/audit'
import { clientIpOf } from '../security/client-ip'
import { endSession } from './sessions'
import { COOKIE_MAX_AGE_SECONDS, passwordSignIn, secureCookies } from './sign-in'

/**
 * The cookie is a next-auth JWT holding the user id and a server-side session id. The cookie lives at
 * most 12 hours; the server ends the session much sooner: after 30 minutes idle or at sign-out
 * (lib/server/auth/sessions.ts), so a stolen or resurrected cookie of an ended session is worthless.
 * The sign-in form posts to a server action that sets the same cookie (sign-in.ts); this provider is
 * the API way in (POST /api/auth/callback/credentials), through the same passwordSignIn.
 */
export const authOptions: NextAuthOptions = {
  useSecureCookies: secureCookies(),
  session: { strategy: 'jwt', maxAge: COOKIE_MAX_AGE_SECONDS },
  jwt: { maxAge: COOKIE_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'phone',
      credentials: { phone: { type: 'tel' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const ip = clientIpOf({ get: (n: string) => headerOf(req?.headers, n) })
        // the error code reaches a caller of the API as `error` (INVALID / LOCKED / RATE_LIMITED)
        const r = await passwordSignIn(credentials, ip)
        if (!r.ok) throw new Error(r.error)
        return { id: r.value.userId, sid: r.value.sid }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id
        token.sid = (user as { sid?: string }).sid
      }
      return token
    },
    session({ session, token }) {
      // only ids travel; names, roles and scope are read fresh from the database per request
      return { expires: session.expires, userId: token.sub, sid: token.sid } as typeof session
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endSession(token.sid)
      if (typeof token?.sub === 'string') await audit({ action: 'auth.signOut', result: 'ok', actor: await actorById(token.sub) })
    },
  },
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name)
  const v = (headers as Record<string, string | string[] | undefined>)[name]
  return Array.isArray(v) ? v.join(',') : (v ?? null)
}
