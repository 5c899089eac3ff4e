import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { actorById, actorByPhone, verifyCredentials } from './credentials'
import { audit } from '../security/audit'
import { resolveScope } from '../authz/scope'
import { clientIpOf } from '../security/client-ip'
import { checkLimit } from '../security/rate-limit'
import { maskPhone } from '@/lib/mask'
import { endSession, startSession } from './sessions'

/**
 * The cookie is a next-auth JWT holding the user id and a server-side session id. The cookie lives at
 * most 12 hours; the server ends the session much sooner: after 30 minutes idle or at sign-out
 * (lib/server/auth/sessions.ts), so a stolen or resurrected cookie of an ended session is worthless.
 */
const COOKIE_MAX_AGE_SECONDS = 12 * 3600

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: COOKIE_MAX_AGE_SECONDS },
  jwt: { maxAge: COOKIE_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'phone',
      credentials: { phone: { type: 'tel' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const ip = clientIpOf({ get: (n: string) => headerOf(req?.headers, n) })
        const phone = typeof credentials?.phone === 'string' ? credentials.phone.trim().slice(0, 20) : ''
        const target = maskPhone(phone) || null
        // the error code reaches the sign-in form as signIn()'s `error` (INVALID / LOCKED / RATE_LIMITED)
        const limit = await checkLimit('signIn', { user: phone || null, ip })
        if (!limit.ok) {
          await audit({ action: 'auth.signIn', result: 'limited', target, ip, actor: await actorByPhone(phone) })
          throw new Error('RATE_LIMITED')
        }
        const r = await verifyCredentials(credentials)
        if (!r.ok) {
          await audit({ action: 'auth.signIn', result: r.error === 'LOCKED' ? 'locked' : 'failed', target, ip, actor: await actorByPhone(phone) })
          throw new Error(r.error)
        }
        const sid = await startSession(r.value.userId)
        await audit({ action: 'auth.signIn', result: 'ok', target, ip, scope: await resolveScope(r.value.userId) })
        return { id: r.value.userId, sid }
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
