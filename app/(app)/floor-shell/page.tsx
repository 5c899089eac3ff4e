import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { requireScope } from '@/lib/server/auth/session'

/**
 * The page benchmark's second floor (tests/bench/pages.ts): the same empty page as /floor, inside the
 * signed-in app shell (app/(app)/layout.tsx: navigation, unread count) that every page of the app renders,
 * so the shell's own cost can be read apart. A 404 unless the server was started with BENCH_FLOOR=1.
 */
export default async function FloorShellPage() {
  await connection()
  if (process.env.BENCH_FLOOR !== '1') notFound()
  await requireScope()
  return <div data-testid="floor-shell" />
}
