import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { needTemplate, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// The needs import template: for those who record needs somewhere (need.record); anyone else gets 404.
export async function GET() {
  const scope = await getScope()
  if (!scope || !can(scope, 'need.record')) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return xlsxResponse(await needTemplate(scope), xlsxFileName('needsTemplate'))
}
