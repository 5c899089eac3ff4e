// Pure helpers of proxy.ts (no Next imports, so they are unit-tested directly).

/** 16 random bytes, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
}

/**
 * The Content-Security-Policy of a response: scripts only from this origin and only when they carry the
 * request's nonce (or were loaded by one that did: 'strict-dynamic'), no inline script; inline styles
 * stay allowed (React style attributes, ECharts); no framing, no plugins, no foreign form targets.
 * `next dev` needs 'unsafe-eval' (React rebuilds server error stacks with eval); production never.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // the service worker (public/sw.js) and the web app manifest: named, since script-src's 'strict-dynamic' ignores 'self'
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A state-changing request sent by another site: a method other than GET/HEAD/OPTIONS whose browser says
 * `Sec-Fetch-Site: cross-site`, or whose `Origin` names another host than the one the request was sent to
 * (the first `X-Forwarded-Host` behind the TLS proxy, else `Host`). An unparsable Origin (`null`, from a
 * sandboxed frame or a redirect chain) counts as foreign. Requests without Origin (curl, the e2e API
 * client, older browsers on same-origin GET-like forms) are left to the session cookie (SameSite=Lax).
 */
export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false
  if (headers.get('sec-fetch-site')?.toLowerCase() === 'cross-site') return true
  const origin = headers.get('origin')
  if (origin === null) return false
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0].trim()
  if (!host || !URL.canParse(origin)) return true
  const from = new URL(origin)
  // the Host header read with the Origin's scheme, so that a default port (:80, :443) written out or not compares equal
  const to = URL.canParse(`${from.protocol}//${host}`) ? new URL(`${from.protocol}//${host}`) : null
  return !to || from.host !== to.host
}
