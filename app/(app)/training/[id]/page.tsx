import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getTrainingEvent } from '@/lib/server/people/training'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, Card } from '@/components/ui/card'
import { DetailHeader, Row } from '@/components/ui/detail'
import { DataList, type Column } from '@/components/ui/data-list'
import { ActionForm, FormCheckboxes } from '@/components/ui/action-form'
import { recordAttendanceAction, removeAttendanceAction } from '../actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('training.title') }
}

/** A training event and its attendance; the organiser ticks the social workers who came. */
export default async function TrainingEventPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('talent.read')
  const id = await idParam(params)
  const r = await getTrainingEvent(scope, id)
  if (!r.ok) return denyPage()
  const e = r.value
  const t = await getT()
  const locale = await getLocale()
  const attendeeColumns: Column<(typeof e.attendees)[number]>[] = [
    { id: 'name', label: t('field.name'), slot: 'title', cell: (a) => a.name },
    { id: 'community', label: t('field.community'), cell: (a) => a.community },
    {
      id: 'remove',
      label: t('training.remove'),
      slot: 'end',
      cell: (a) => (e.canRecord ? <ActionForm action={removeAttendanceAction.bind(null, e.id, a.userId)} submitLabel={t('training.remove')} confirm={t('training.removeConfirm')} variant="ghost" className="" /> : null),
    },
  ]
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader back="/training" backLabel={t('training.title')} title={e.title} titleTestId="training-title" status={<Badge>{t(`trainingKind.${e.kind}`)}</Badge>} />
      <Card>
        <dl className="text-sm">
          <Row label={t('training.field.date')}>{formatDate(locale, e.date)}</Row>
          <Row label={t('training.field.hours')}>
            <span data-testid="training-hours">{t('training.hours', { hours: e.hours })}</span>
          </Row>
          <Row label={t('training.field.unit')}>{e.orgUnit.name}</Row>
        </dl>
      </Card>
      <Card>
        <h2 className="text-sm font-semibold">
          {t('training.attendance')} · {t('training.attendeeCount', { count: e.attendees.length })}
        </h2>
        <DataList
          t={t}
          flush
          label={t('training.attendance')}
          testId="attendees"
          rows={e.attendees}
          rowKey={(a) => a.userId}
          columns={attendeeColumns}
          path={`/training/${e.id}`}
          query={{}}
          empty={<p className="mt-2 text-sm text-stone-600">{t('training.noAttendees')}</p>}
        />
      </Card>
      {e.canRecord ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('training.record')}</h2>
          {e.candidates.length ? (
            <ActionForm action={recordAttendanceAction.bind(null, e.id)} submitLabel={t('training.record')} className="mt-3 space-y-3" testId="attendance-form">
              <FormCheckboxes name="userIds" label={t('training.candidates')} options={e.candidates.map((c) => ({ value: c.userId, label: `${c.name} · ${c.community}` }))} />
            </ActionForm>
          ) : (
            <p className="mt-2 text-sm text-stone-500">{t('training.noCandidates')}</p>
          )}
        </Card>
      ) : null}
    </div>
  )
}
