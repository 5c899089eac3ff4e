import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { exportProjects } from '@/lib/server/people/exports'
import { xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// The projects list as .xlsx: the page's filter, scope and masking (lib/server/people/exports.ts).
export async function GET(req: Request) {
  const scope = await getScope()
  if (!scope || !(can(scope, 'project.read'))) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return xlsxResponse(await exportProjects(scope, Object.fromEntries(new URL(req.url).searchParams)), xlsxFileName('projects'))
}
