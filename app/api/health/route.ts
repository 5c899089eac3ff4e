import { checkDatabase } from '@/lib/server/health'

export const dynamic = 'force-dynamic'

export async function GET() {
  const ok = await checkDatabase()
  return Response.json({ ok }, { status: ok ? 200 : 503 })
}
