import { getScope } from '@/lib/server/auth/session'
import { canSeeVolunteers } from '@/lib/server/people/volunteers'
import { exportVolunteers } from '@/lib/server/people/exports'
import { xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// The volunteers list as .xlsx: the page's filter, scope and masking (lib/server/people/exports.ts).
export async function GET(req: Request) {
  const scope = await getScope()
  if (!scope || !(canSeeVolunteers(scope))) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return xlsxResponse(await exportVolunteers(scope, Object.fromEntries(new URL(req.url).searchParams)), xlsxFileName('volunteers'))
}
