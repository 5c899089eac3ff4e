import { NextResponse, type NextRequest } from 'next/server'
import { encode, getToken } from 'next-auth/jwt'

// Idle timeout: a session lives 30 minutes after the caller's last request. next-auth only re-issues
// its cookie when /api/auth/session is fetched, so every page or action request re-encodes the token
// with a fresh expiry here. Authorization is NOT done here (pages and the DAL do it): this only
// slides the expiry of a session that is still valid.
const IDLE_SECONDS = 30 * 60

export async function proxy(req: NextRequest) {
  const res = NextResponse.next()
  const secret = process.env.NEXTAUTH_SECRET
  if (!secret) return res
  const secure = req.nextUrl.protocol === 'https:'
  const cookieName = `${secure ? '__Secure-' : ''}next-auth.session-token`
  if (!req.cookies.has(cookieName)) return res
  const token = await getToken({ req, secret, cookieName, secureCookie: secure })
  if (!token) return res // expired or forged: leave it; the page will send the caller to sign in
  const value = await encode({ token, secret, maxAge: IDLE_SECONDS })
  res.cookies.set(cookieName, value, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: IDLE_SECONDS })
  return res
}

export const config = {
  // pages and server actions; not static files, not next-auth's own routes
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/auth|api/health).*)'],
}
