'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { revalidatePath } from 'next/cache'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { setPilot } from '@/lib/server/org/mutations'
import { addEvidence } from '@/lib/server/projects/pilot-tasks'

/** Designate or change a pilot. The DAL checks org.manage over the unit again. */
export async function setPilotAction(unitId: string, _prev: FormState, fd: FormData) {
  return runAction('units.setPilot', ['id', 'form'], [unitId, fd], async () => {
    const r = await setPilot(await requireScope(), unitId, Object.fromEntries(fd))
    if (r.ok) revalidatePath(`/units/${unitId}`)
    return toActionState(r, { message: 'common.saved' })
  })
}

export async function withdrawPilotAction(unitId: string) {
  return runAction('units.withdrawPilot', ['id'], [unitId], async () => {
    const r = await setPilot(await requireScope(), unitId, null)
    if (r.ok) revalidatePath(`/units/${unitId}`)
    return toActionState(r)
  })
}

export async function addEvidenceAction(unitId: string, _prev: FormState, fd: FormData) {
  return runAction('units.addEvidence', ['id', 'form'], [unitId, fd], async () => {
    const r = await addEvidence(await requireScope(), unitId, Object.fromEntries(fd))
    if (r.ok) revalidatePath(`/units/${unitId}`)
    return toActionState(r, { message: 'common.saved' })
  })
}
