'use client'
import { useState, useTransition } from 'react'
import { setPilotAction, type PilotState } from '@/app/(app)/units/[id]/actions'
import { translateError } from '@/lib/i18n'
import { useI18n } from '@/lib/i18n/client'
import { Field } from '@/components/ui/field'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'

type Pilot = { batch: string; start: string | null; end: string | null } | null

/** Region officials (org.manage) designate a community as a pilot, change it, or withdraw it. */
export function PilotForm({ unitId, pilot }: { unitId: string; pilot: Pilot }) {
  const { t } = useI18n()
  const [state, setState] = useState<PilotState>(null)
  const [pending, start] = useTransition()
  const err = (k: string) => translateError(t, state?.fieldErrors?.[k])

  function submit(fd: FormData) {
    start(async () => setState(await setPilotAction(unitId, fd)))
  }

  return (
    <Card>
      <h2 className="text-sm font-semibold">{pilot ? t('pilot.edit') : t('pilot.designate')}</h2>
      <form
        className="mt-3 grid gap-3 sm:grid-cols-4 sm:items-end"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          const fd = new FormData(e.currentTarget)
          const intent = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value')
          if (intent === 'withdraw' && !window.confirm(t('pilot.withdrawConfirm'))) return
          if (intent) fd.set('intent', intent)
          submit(fd)
        }}
      >
        <Field label={t('unit.pilotBatch')} name="batch" defaultValue={pilot?.batch ?? ''} error={err('batch')} />
        <Field label={t('pilot.start')} name="start" type="date" defaultValue={pilot?.start ?? ''} error={err('start')} />
        <Field label={t('pilot.end')} name="end" type="date" defaultValue={pilot?.end ?? ''} error={err('end')} hint={t('pilot.endHint')} />
        <div className="flex gap-2">
          <Button type="submit" name="intent" value="save" disabled={pending}>
            {pending ? t('common.saving') : t('common.save')}
          </Button>
          {pilot ? (
            <Button type="submit" name="intent" value="withdraw" variant="danger" disabled={pending}>
              {t('pilot.withdraw')}
            </Button>
          ) : null}
        </div>
      </form>
      {state?.ok ? (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          {t('common.saved')}
        </p>
      ) : state?.notFound ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {t('notFound.title')}
        </p>
      ) : null}
    </Card>
  )
}
