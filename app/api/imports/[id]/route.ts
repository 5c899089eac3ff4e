import { gateRoute } from '@/lib/server/security/route-gate'
import { z } from 'zod'
import { getScope } from '@/lib/server/auth/session'
import { keptErrorFile, xlsxResponse } from '@/lib/server/workflow/xlsx'

// The failed rows of an import (kept 30 minutes): only for the user who imported; anyone else, 404.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id)
  const gate = await gateRoute(req, 'export.importErrors', await getScope(), (s) => id.success && keptErrorFile(s, id.data) !== null, 'export', id.success ? id.data : null)
  if (!gate.ok) return gate.response
  const file = id.success ? keptErrorFile(gate.scope, id.data) : null
  if (!file) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return xlsxResponse(file.buffer, file.fileName)
}
