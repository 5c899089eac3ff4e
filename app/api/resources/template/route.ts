import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { resourceTemplate, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// The resources import template: for those who manage resources somewhere (resource.manage); anyone else gets 404.
export async function GET() {
  const scope = await getScope()
  if (!scope || !can(scope, 'resource.manage')) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return xlsxResponse(await resourceTemplate(scope), xlsxFileName('resourcesTemplate'))
}
