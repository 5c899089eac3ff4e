import type { NextConfig } from 'next'

/**
 * Headers of every response but static assets: no framing, no sniffing, no caching of pages with personal
 * data. The Content-Security-Policy is set per request by proxy.ts (it carries a fresh script nonce).
 */
const SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
]

const nextConfig: NextConfig = {
  // keep PGlite's ~20 MB of wasm out of the bundles; loaded from node_modules at run time
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter'],
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/((?!_next/static|_next/image|favicon.ico|robots.txt).*)', headers: SECURITY_HEADERS },
      // pages carry personal data: never kept by a browser or a proxy (route handlers under /api set their own)
      { source: '/((?!_next/static|_next/image|api/|favicon.ico|robots.txt).*)', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
      // HSTS only when served over HTTPS (behind the TLS-terminating proxy that says so)
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ]
  },
}

export default nextConfig
