import { gateRoute } from '@/lib/server/security/route-gate'
import { getScope } from '@/lib/server/auth/session'
import { EXPORTS } from '@/lib/server/people/exports'
import { xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'

// /api/exports/<list>?<the page's filter>: the list as .xlsx (lib/server/people/exports.ts), for those
// who may open it; an unknown list or a caller without the permission gets 404.
export async function GET(req: Request, ctx: { params: Promise<{ list: string }> }) {
  const { list } = await ctx.params
  const spec = Object.hasOwn(EXPORTS, list) ? EXPORTS[list] : null
  const gate = await gateRoute(req, `export.${spec ? list : 'unknown'}`, await getScope(), (s) => !!spec && spec.allowed(s), 'export')
  if (!gate.ok || !spec) return gate.ok ? Response.json({ error: 'NOT_FOUND' }, { status: 404 }) : gate.response
  const scope = gate.scope
  return xlsxResponse(await spec.build(scope, Object.fromEntries(new URL(req.url).searchParams)), xlsxFileName(spec.file))
}
