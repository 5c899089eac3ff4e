import { gateRoute } from '@/lib/server/security/route-gate'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { getT } from '@/lib/i18n/server'
import { importResponse, importVolunteers, readUpload } from '@/lib/server/workflow/xlsx'

// POST multipart `file` → NDJSON progress lines, then {"type":"done",…} or {"type":"error","message"}.
export async function POST(req: Request) {
  const gate = await gateRoute(req, 'import.volunteers', await getScope(), (s) => can(s, 'volunteer.manage'))
  if (!gate.ok) return gate.response
  const scope = gate.scope
  const t = await getT()
  const upload = await readUpload(req, t)
  if (!upload.ok) return upload.response
  return importResponse(scope, t, (onProgress) => importVolunteers(scope, upload.buffer, onProgress), req)
}
