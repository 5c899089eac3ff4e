import { expect, test } from '@playwright/test'

// Security headers: no framing, no sniffing, pages never cached (they carry personal data); HSTS only
// when the request came over HTTPS (as the TLS-terminating proxy says).
test('security headers on pages and handlers; HSTS only over HTTPS', async ({ request }) => {
  for (const path of ['/login', '/register', '/verify', '/api/health']) {
    const r = await request.get(path)
    const h = r.headers()
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'")
    expect(h['x-frame-options'], path).toBe('DENY')
    expect(h['x-content-type-options'], path).toBe('nosniff')
    if (!path.startsWith('/api/')) expect(h['cache-control'], path).toContain('no-store') // handlers set their own
    expect(h['strict-transport-security'], path).toBeUndefined()
  }
  const https = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } })
  expect(https.headers()['strict-transport-security']).toContain('max-age=31536000')
})
