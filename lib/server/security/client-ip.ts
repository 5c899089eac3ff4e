import 'server-only'

/**
 * The client's IP as the nearest proxy saw it: the last entry of X-Forwarded-For. `next start` fills
 * the header with the socket's address when the request has none; behind the recommended reverse proxy
 * (which appends $remote_addr) the last entry is the client the proxy talked to. Directly exposed, a
 * client could put any address there: per-user limits still hold, per-IP ones assume the proxy.
 */
export function clientIpOf(headers: { get(name: string): string | null } | null | undefined): string | null {
  const xff = headers?.get('x-forwarded-for')
  if (!xff) return null
  const last = xff.split(',').map((s) => s.trim()).filter(Boolean).pop()
  if (!last) return null
  return last.replace(/^::ffff:/, '').slice(0, 64)
}
