import { getScope } from '@/lib/server/auth/session'

export const dynamic = 'force-dynamic'

/**
 * The page benchmark's floor for route handlers (tests/bench/pages.ts): the proxy and the session check of
 * a real handler (getScope, as app/api/tasks/export/route.ts), nothing else. A 404 unless the server was
 * started with BENCH_FLOOR=1; signed out, a 404 as well.
 */
export async function GET() {
  if (process.env.BENCH_FLOOR !== '1') return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  const scope = await getScope()
  if (!scope) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } })
}
