import { gateRoute } from '@/lib/server/security/route-gate'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { ZNeedListQuery } from '@/lib/schemas/workflow'
import { exportNeeds, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// 需求清单-YYYYMMDD.xlsx: the list under the same query params (and so the same filter) as the list page.
export async function GET(req: Request) {
  const gate = await gateRoute(req, 'export.needs', await getScope(), (s) => can(s, 'need.read'), 'export')
  if (!gate.ok) return gate.response
  const scope = gate.scope
  const query = ZNeedListQuery.parse(Object.fromEntries(new URL(req.url).searchParams))
  return xlsxResponse(await exportNeeds(scope, query), xlsxFileName('needs'))
}
