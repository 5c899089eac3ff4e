import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { exportPilots } from '@/lib/server/people/exports'
import { xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// The pilots list as .xlsx: the page's filter, scope and masking (lib/server/people/exports.ts).
export async function GET(req: Request) {
  const scope = await getScope()
  if (!scope || !(can(scope, 'org.browse'))) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return xlsxResponse(await exportPilots(scope, Object.fromEntries(new URL(req.url).searchParams)), xlsxFileName('pilots'))
}
