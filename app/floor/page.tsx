import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { requireScope } from '@/lib/server/auth/session'

/**
 * The page benchmark's floor (tests/bench/pages.ts, `npm run bench:pages`): an empty page through what
 * every page pays for — the proxy (proxy.ts), the root layout and the session check of a real page
 * (requireScope: the next-auth session, then the session, scope and unread count in one statement) — so each page's figures can be read
 * as a ratio to what the stack itself costs. A 404 unless the server was started with BENCH_FLOOR=1.
 */
export default async function FloorPage() {
  await connection()
  if (process.env.BENCH_FLOOR !== '1') notFound()
  await requireScope()
  return <main data-testid="floor" />
}
