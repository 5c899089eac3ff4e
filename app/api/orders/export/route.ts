import { gateRoute } from '@/lib/server/security/route-gate'
import { z } from 'zod'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { exportOrders, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

const ZQuery = z.object({ status: z.enum(['DISPATCHED', 'CLAIMED', 'DECLINED', 'CANCELLED']).optional().catch(undefined) })

// 派单记录-YYYYMMDD.xlsx under the same status filter as the orders page.
export async function GET(req: Request) {
  const gate = await gateRoute(req, 'export.orders', await getScope(), (s) => can(s, 'order.read'), 'export')
  if (!gate.ok) return gate.response
  const scope = gate.scope
  const query = ZQuery.parse(Object.fromEntries(new URL(req.url).searchParams))
  return xlsxResponse(await exportOrders(scope, query), xlsxFileName('orders'))
}
