import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { ZNeedListQuery } from '@/lib/schemas/workflow'
import { exportNeeds, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// 需求清单-YYYYMMDD.xlsx: the list under the same query params (and so the same filter) as the list page.
export async function GET(req: Request) {
  const scope = await getScope()
  if (!scope || !can(scope, 'need.read')) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  const query = ZNeedListQuery.parse(Object.fromEntries(new URL(req.url).searchParams))
  return xlsxResponse(await exportNeeds(scope, query), xlsxFileName('needs'))
}
