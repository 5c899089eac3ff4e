import { gateRoute } from '@/lib/server/security/route-gate'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { ZResourceListQuery } from '@/lib/schemas/workflow'
import { exportResources, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// 资源清单-YYYYMMDD.xlsx: the list under the same query params (and so the same filter) as the list page.
export async function GET(req: Request) {
  const gate = await gateRoute(req, 'export.resources', await getScope(), (s) => can(s, 'resource.read'), 'export')
  if (!gate.ok) return gate.response
  const scope = gate.scope
  const query = ZResourceListQuery.parse(Object.fromEntries(new URL(req.url).searchParams))
  return xlsxResponse(await exportResources(scope, query), xlsxFileName('resources'))
}
