import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { exportTasks, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// 志愿任务-YYYYMMDD.xlsx: the tasks of the caller's area.
export async function GET() {
  const scope = await getScope()
  if (!scope || !can(scope, 'task.read')) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return xlsxResponse(await exportTasks(scope), xlsxFileName('tasks'))
}
