import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { verifyCredentials } from './credentials'
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
      async authorize(credentials) {
        const r = await verifyCredentials(credentials)
        // the error code reaches the sign-in form as signIn()'s `error` (INVALID / LOCKED)
        if (!r.ok) throw new Error(r.error)
        return { id: r.value.userId, sid: await startSession(r.value.userId) }
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
    },
  },
}
