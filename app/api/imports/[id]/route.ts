import { z } from 'zod'
import { getScope } from '@/lib/server/auth/session'
import { keptErrorFile, xlsxResponse } from '@/lib/server/workflow/xlsx'

// The failed rows of an import (kept 30 minutes): only for the user who imported; anyone else, 404.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const scope = await getScope()
  const id = z.uuid().safeParse((await params).id)
  const file = scope && id.success ? keptErrorFile(scope, id.data) : null
  if (!file) return Response.json({ error: 'NOT_FOUND' }, { status: 404 })
  return xlsxResponse(file.buffer, file.fileName)
}
