import { gateRoute } from '@/lib/server/security/route-gate'
import { z } from 'zod'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { exportServices, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

const ZQuery = z.object({ q: z.string().trim().max(50).optional().catch(undefined) })

// 服务清单-YYYYMMDD.xlsx under the same search as the services page.
export async function GET(req: Request) {
  const gate = await gateRoute(req, 'export.services', await getScope(), (s) => can(s, 'service.read'), 'export')
  if (!gate.ok) return gate.response
  const scope = gate.scope
  const query = ZQuery.parse(Object.fromEntries(new URL(req.url).searchParams))
  return xlsxResponse(await exportServices(scope, query), xlsxFileName('services'))
}
