import type { Translate } from '@/lib/i18n'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { Card } from '@/components/ui/card'
import { setPilotAction, withdrawPilotAction } from '@/app/(app)/units/[id]/actions'

type Pilot = { batch: string; start: string | null; end: string | null } | null

/** Region officials (org.manage) designate a community as a pilot, change it, or withdraw it. */
export function PilotForm({ t, unitId, pilot }: { t: Translate; unitId: string; pilot: Pilot }) {
  return (
    <Card>
      <h2 className="text-sm font-semibold">{pilot ? t('pilot.edit') : t('pilot.designate')}</h2>
      <ActionForm action={setPilotAction.bind(null, unitId)} submitLabel={t('common.save')} className="mt-3 grid gap-3 sm:grid-cols-4 sm:items-end">
        <FormInput name="batch" label={t('unit.pilotBatch')} defaultValue={pilot?.batch ?? ''} />
        <FormInput name="start" label={t('pilot.start')} type="date" defaultValue={pilot?.start ?? ''} />
        <FormInput name="end" label={t('pilot.end')} type="date" defaultValue={pilot?.end ?? ''} hint={t('pilot.endHint')} />
      </ActionForm>
      {pilot ? (
        <ActionForm action={withdrawPilotAction.bind(null, unitId)} submitLabel={t('pilot.withdraw')} variant="danger" confirm={t('pilot.withdrawConfirm')} className="mt-3" />
      ) : null}
    </Card>
  )
}
