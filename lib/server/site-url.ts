import 'server-only'
import { headers } from 'next/headers'

/**
 * An absolute address of this site, for what leaves the screen (a printed certificate, a QR code): the
 * deployment's canonical address (NEXTAUTH_URL) when configured — a request's Host header is the
 * client's to choose — else as the reader reached this page.
 */
export async function siteUrl(path: string): Promise<string> {
  const canonical = process.env.NEXTAUTH_URL && URL.canParse(process.env.NEXTAUTH_URL) ? new URL(process.env.NEXTAUTH_URL).origin : null
  if (canonical) return `${canonical}${path}`
  const h = await headers()
  const host = h.get('x-forwarded-host') ?? h.get('host')
  const proto = h.get('x-forwarded-proto') ?? 'http'
  return `${host ? `${proto}://${host}` : ''}${path}`
}
