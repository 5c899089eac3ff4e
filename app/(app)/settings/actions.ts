'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { updateTenantSettings } from '@/lib/server/org/tenant-settings'

export async function updateTenantSettingsAction(_prev: FormState, fd: FormData) {
  return runAction('settings.updateTenantSettings', ['form'], [fd], async () => {
    const input = {
      pointsPerHour: fd.get('pointsPerHour'),
      // one input per star level, named like the field errors they show (starThresholds.0 … .4)
      starThresholds: [0, 1, 2, 3, 4].map((i) => fd.get(`starThresholds.${i}`)),
      certificationTarget: fd.get('certificationTarget'),
      ceHoursPerYear: fd.get('ceHoursPerYear'),
    }
    return toActionState(await updateTenantSettings(await requireScope(), input), { message: 'common.saved' })
  })
}
