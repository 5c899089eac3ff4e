import { gateRoute } from '@/lib/server/security/route-gate'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { dashboard, ZDashboardQuery } from '@/lib/server/stats/dashboard'
import { exportTable, xlsxFileName, xlsxResponse } from '@/lib/server/workflow/xlsx'
import { COLUMNS, sortRows } from '@/app/(app)/dashboard/columns'
import { makeT, messagesFor } from '@/lib/i18n'

const zh = makeT(messagesFor('zh-CN')) // files are always Chinese

// The dashboard's comparison of child units as .xlsx: the same unit, period, scope and order as the page.
export async function GET(req: Request) {
  const gate = await gateRoute(req, 'export.dashboard', await getScope(), (s) => can(s, 'org.browse'), 'export')
  if (!gate.ok) return gate.response
  const scope = gate.scope
  const raw = Object.fromEntries(new URL(req.url).searchParams)
  const r = await dashboard(scope, raw)
  if (!r.ok) return Response.json({ error: r.error }, { status: r.error === 'NOT_FOUND' ? 404 : 400 })
  const q = ZDashboardQuery.parse(raw)
  const d = r.value
  const row = (name: string, f: typeof d.figures) => [name, ...COLUMNS.map((c) => c.value(f))]
  const rows = [...sortRows(d.children, q.sort, q.dir).map((c) => row(c.unit.name, c.figures)), row(`${d.unit.name} · ${zh('dashboard.total')}`, d.figures)]
  const buffer = await exportTable('xlsx.sheet.dashboard', ['dashboard.unit', ...COLUMNS.map((c) => c.label)], rows)
  const name = xlsxFileName('dashboard')
  return xlsxResponse(buffer, { name: `${d.unit.name}-${name.name}`, ascii: name.ascii })
}
