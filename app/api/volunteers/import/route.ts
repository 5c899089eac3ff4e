import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { getT } from '@/lib/i18n/server'
import { importResponse, importVolunteers, readUpload } from '@/lib/server/workflow/xlsx'

// POST multipart `file` → NDJSON progress lines, then {"type":"done",…} or {"type":"error","message"}.
export async function POST(req: Request) {
  const scope = await getScope()
  if (!scope || !can(scope, 'volunteer.manage')) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  const t = await getT()
  const upload = await readUpload(req, t)
  if (!upload.ok) return upload.response
  return importResponse(scope, t, (onProgress) => importVolunteers(scope, upload.buffer, onProgress))
}
