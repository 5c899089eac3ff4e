import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, isCrossSiteWrite, newNonce } from '@/lib/http-security'

const h = (o: Record<string, string>) => new Headers(o)

describe('cross-site writes', () => {
  it('are state-changing methods only', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(isCrossSiteWrite(m, h({ host: 'a.cn', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }))).toBe(false)
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(isCrossSiteWrite(m, h({ host: 'a.cn', origin: 'https://evil.example' }))).toBe(true)
  })
  it('compare the Origin host with the host the request was sent to', () => {
    expect(isCrossSiteWrite('POST', h({ host: 'a.cn', origin: 'https://a.cn' }))).toBe(false)
    expect(isCrossSiteWrite('POST', h({ host: 'A.cn', origin: 'https://a.cn' }))).toBe(false)
    expect(isCrossSiteWrite('POST', h({ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3100' }))).toBe(false)
    expect(isCrossSiteWrite('POST', h({ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3101' }))).toBe(true)
    expect(isCrossSiteWrite('POST', h({ host: 'a.cn:443', origin: 'https://a.cn' }))).toBe(false) // default port written out
    expect(isCrossSiteWrite('POST', h({ host: 'sub.a.cn', origin: 'https://a.cn' }))).toBe(true)
    expect(isCrossSiteWrite('POST', h({ host: 'a.cn', origin: 'null' }))).toBe(true)
    expect(isCrossSiteWrite('POST', h({ origin: 'https://a.cn' }))).toBe(true) // no host to compare with
  })
  it('behind the TLS proxy use the forwarded host', () => {
    expect(isCrossSiteWrite('POST', h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'a.cn', origin: 'https://a.cn' }))).toBe(false)
    expect(isCrossSiteWrite('POST', h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'a.cn, proxy.internal', origin: 'https://a.cn' }))).toBe(false)
    expect(isCrossSiteWrite('POST', h({ host: 'a.cn', 'x-forwarded-host': 'b.cn', origin: 'https://a.cn' }))).toBe(true)
  })
  it('are what the browser calls cross-site, Origin or not; no Origin and no such word passes', () => {
    expect(isCrossSiteWrite('POST', h({ host: 'a.cn', 'sec-fetch-site': 'cross-site' }))).toBe(true)
    expect(isCrossSiteWrite('POST', h({ host: 'a.cn', origin: 'https://a.cn', 'sec-fetch-site': 'cross-site' }))).toBe(true)
    expect(isCrossSiteWrite('POST', h({ host: 'a.cn', origin: 'https://a.cn', 'sec-fetch-site': 'same-origin' }))).toBe(false)
    expect(isCrossSiteWrite('POST', h({ host: 'a.cn' }))).toBe(false)
  })
})

describe('the content security policy', () => {
  it('allows scripts by nonce only, eval only in development', () => {
    const n = newNonce()
    expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(newNonce()).not.toBe(n)
    const csp = contentSecurityPolicy(n)
    expect(csp).toContain(`script-src 'self' 'nonce-${n}' 'strict-dynamic';`)
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline')
    expect(contentSecurityPolicy(n, true)).toContain(`script-src 'self' 'nonce-${n}' 'strict-dynamic' 'unsafe-eval';`)
  })
})
