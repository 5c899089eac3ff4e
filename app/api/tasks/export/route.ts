import { gateRoute } from '@/lib/server/security/route-gate'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { exportTasks, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// 志愿任务-YYYYMMDD.xlsx: the tasks of the caller's area.
export async function GET(req: Request) {
  const gate = await gateRoute(req, 'export.tasks', await getScope(), (s) => can(s, 'task.read'), 'export')
  if (!gate.ok) return gate.response
  const scope = gate.scope
  return xlsxResponse(await exportTasks(scope), xlsxFileName('tasks'))
}
