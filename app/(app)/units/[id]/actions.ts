'use server'
import { revalidatePath } from 'next/cache'
import { requireScope } from '@/lib/server/auth/session'
import { setPilot } from '@/lib/server/org/mutations'

export type PilotState = { ok: boolean; fieldErrors?: Record<string, string>; notFound?: boolean } | null

/** Designate / change / withdraw a pilot. The DAL checks org.manage over the unit again. */
export async function setPilotAction(unitId: string, formData: FormData): Promise<PilotState> {
  const scope = await requireScope()
  const withdraw = formData.get('intent') === 'withdraw'
  const r = await setPilot(scope, unitId, withdraw ? null : Object.fromEntries(formData))
  if (!r.ok) return { ok: false, fieldErrors: r.fieldErrors, notFound: r.error === 'NOT_FOUND' }
  revalidatePath(`/units/${unitId}`)
  return { ok: true }
}
