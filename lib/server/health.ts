import 'server-only'
import { db } from './db'

/** Readiness: the database answers. Used by /api/health (and Playwright's webServer wait). */
export async function checkDatabase(): Promise<boolean> {
  try {
    const prisma = await db()
    await prisma.$queryRaw`SELECT 1`
    return true
  } catch {
    return false
  }
}
