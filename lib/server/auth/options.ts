import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { verifyCredentials } from './credentials'

/** Sessions end after 30 minutes without a request; proxy.ts slides the expiry on every request. */
export const SESSION_IDLE_SECONDS = 30 * 60

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'phone',
      credentials: { phone: { type: 'tel' }, password: { type: 'password' } },
      async authorize(credentials) {
        const r = await verifyCredentials(credentials)
        // the error code reaches the sign-in form as signIn()'s `error` (INVALID / LOCKED)
        if (!r.ok) throw new Error(r.error)
        return { id: r.value.userId }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id
      return token
    },
    session({ session, token }) {
      // only the id travels; names, roles and scope are read fresh from the database per request
      return { expires: session.expires, userId: token.sub } as typeof session
    },
  },
}
