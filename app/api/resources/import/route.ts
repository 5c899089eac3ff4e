import { gateRoute } from '@/lib/server/security/route-gate'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { getT } from '@/lib/i18n/server'
import { importResources, importResponse, readUpload } from '@/lib/server/workflow/xlsx'

// POST multipart `file` → NDJSON: {"type":"progress","done","total"} lines, then {"type":"done",…} or {"type":"error","message"}.
export async function POST(req: Request) {
  const gate = await gateRoute(req, 'import.resources', await getScope(), (s) => can(s, 'resource.manage'))
  if (!gate.ok) return gate.response
  const scope = gate.scope
  const t = await getT()
  const upload = await readUpload(req, t)
  if (!upload.ok) return upload.response
  return importResponse(scope, t, (onProgress) => importResources(scope, upload.buffer, onProgress), req)
}
