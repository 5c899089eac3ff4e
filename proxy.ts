import { NextResponse, type NextRequest } from 'next/server'
import { contentSecurityPolicy, isCrossSiteWrite, newNonce } from '@/lib/http-security'

/**
 * Runs before every page, server action and route handler (static assets excepted):
 * 1. a state-changing request from another site is refused here, before any action or handler runs;
 * 2. every response gets a Content-Security-Policy with a fresh nonce. The policy is also set on the
 *    request, where Next reads the nonce and puts it on its own scripts (pages are rendered per request:
 *    the root layout awaits connection()).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce()
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development')

  if (isCrossSiteWrite(request.method, request.headers)) {
    return new NextResponse('跨站请求已被拒绝', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' },
    })
  }

  const headers = new Headers(request.headers)
  headers.set('Content-Security-Policy', csp)
  // the path, for the not-found page's audit entry (whatever the client sent under this name is replaced)
  headers.set('x-ronghe-path', request.nextUrl.pathname.slice(0, 200))
  // where a signed-out visitor was going, to come back to after signing in (requireScope; a scanned QR code)
  const back = new URL(request.nextUrl.href)
  back.searchParams.delete('_rsc') // a client navigation's cache key, not part of the page's address
  headers.set('x-ronghe-next', (back.pathname + back.search).slice(0, 500))
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', csp)
  return response
}

export const config = {
  // not static assets (no scripts run from them, and nothing is written through them)
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
}
