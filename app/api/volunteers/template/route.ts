import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { volunteerTemplate, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// The volunteers import template: for the community admin (volunteer.manage); anyone else gets 404.
export async function GET() {
  const scope = await getScope()
  if (!scope || !can(scope, 'volunteer.manage')) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return xlsxResponse(await volunteerTemplate(scope), xlsxFileName('volunteersTemplate'))
}
