import { notFound } from 'next/navigation'
import { z } from 'zod'

const ZId = z.uuid()

/** The record id of a [id] route; anything that is not a uuid is simply "not found". */
export async function idParam(params: Promise<{ id: string }>): Promise<string> {
  const id = ZId.safeParse((await params).id)
  if (!id.success) notFound()
  return id.data
}
