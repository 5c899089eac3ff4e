import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { Link } from '@/components/ui/link'
import { cache } from 'react'
import { CHECK_IN_EARLY_MS, getTask as getTaskOnce } from '@/lib/server/workflow/tasks'
import { idParam } from '@/lib/params'
import { ZUnitId } from '@/lib/schemas/org'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime, toLocalInput } from '@/lib/format'
import { Dialog } from '@/components/ui/dialog'
import { Card } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { DetailHeader } from '@/components/ui/detail'
import { StatusBadge } from '@/components/workflow/status-badge'
import { RefreshAt } from '@/components/workflow/refresh-at'
import { OfflineCheck } from '@/components/workflow/offline-check'
import { OFFLINE_CHECK_MESSAGES } from '@/components/workflow/offline-check.messages'
import { ClientMessages } from '@/lib/i18n/client-messages'
import { screenToken } from '@/lib/server/workflow/checkin-qr'
import { siteUrl } from '@/lib/server/site-url'
import { qrSvg } from '@/lib/server/qr'
import { cancelSignupAction, cancelTaskAction, selfCheckAction, signUpAction, staffCheckAction, updateTaskAction } from '../actions'

type Props = { params: Promise<{ id: string }> }

// the title (generateMetadata) and the page read the task once per request (React's per-request cache)
const getTask = cache(getTaskOnce)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const scope = await requirePermission('task.read')
  const id = ZUnitId.safeParse((await params).id)
  const r = id.success ? await getTask(scope, id.data) : null
  return { title: r?.ok ? r.value.title : (await getT())('notFound.title') }
}

export default async function TaskPage({ params }: Props) {
  const scope = await requirePermission('task.read')
  const id = await idParam(params)
  const r = await getTask(scope, id)
  if (!r.ok) return denyPage()
  const task = r.value
  const t = await getT()
  const locale = await getLocale()
  const mine = task.signups.find((s) => s.user.id === scope.userId && s.status !== 'CANCELLED')
  const open = task.status === 'OPEN' && task.signupDeadline > new Date()
  const left = Math.max(0, task.slots - task.taken)
  // the check-in window (lib/server/workflow/tasks.ts): from 30 minutes before the start until the end
  const checkInOpens = new Date(task.startsAt.getTime() - CHECK_IN_EARLY_MS)
  const lateCheckOuts = task.canRun ? task.signups.filter((s) => s.lateCheckOut) : []
  // the check-in QR code for whoever runs the task: a new token every 10 minutes (the page reads itself again then)
  const qr = task.checkinCode && task.status === 'OPEN' ? await checkinQr(task.id) : null
  const rosterColumns: Column<(typeof task.signups)[number]>[] = [
    {
      id: 'name',
      label: t('field.name'),
      slot: 'title',
      cell: (s) => (
        <>
          <span className="font-medium">{s.user.name}</span> <span className="tabular-nums text-stone-600">{s.user.phone}</span>
        </>
      ),
    },
    {
      id: 'check',
      label: t('tasks.checkIn'),
      slot: 'end',
      cell: (s) =>
        s.status === 'CONFIRMED' && !s.checkOutAt ? (
          <ActionForm action={staffCheckAction.bind(null, task.id, s.user.id, s.checkInAt ? 'out' : 'in')} submitLabel={s.checkInAt ? t('tasks.checkOut') : t('tasks.checkIn')} variant="secondary" className="flex items-center gap-2" />
        ) : null,
    },
    {
      id: 'status',
      label: t('field.status'),
      slot: 'detail',
      cell: (s) => (
        <>
          <StatusBadge t={t} kind="signupStatus" status={s.status} /> {s.checkOutAt ? t('tasks.checkedOut', { minutes: s.minutes ?? 0 }) : s.checkInAt ? t('tasks.checkedIn') : null}
          {s.lateCheckOut ? <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t('tasks.lateCheckOut')}</span> : null}
        </>
      ),
    },
  ]
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader back="/tasks" backLabel={t('tasks.title')} title={task.title} titleTestId="task-title" status={<StatusBadge t={t} kind="taskStatus" status={task.status} />} />
      <Card className="space-y-1 text-sm">
        <p>
          {formatDateTime(locale, task.startsAt)} – {formatDateTime(locale, task.endsAt)}
        </p>
        <p>
          {task.place} · {task.orgUnit.name}
          {task.order.claimedByTeam ? ` · ${task.order.claimedByTeam.name}` : ''}
        </p>
        {task.skills ? (
          <p>
            {t('field.skills')}：{task.skills}
          </p>
        ) : null}
        <p data-testid="slots-left">{left > 0 ? t('tasks.slotsLeft', { left, slots: task.slots }) : t('tasks.full')}</p>
        <p>{open ? t('tasks.deadline', { time: formatDateTime(locale, task.signupDeadline) }) : t('tasks.deadlinePassed')}</p>
        {task.checkinCode ? (
          <p className="pt-2 text-lg font-semibold tabular-nums" data-testid="checkin-code">
            {t('tasks.code', { code: task.checkinCode })}
          </p>
        ) : null}
        {task.checkinCode ? (
          <Dialog trigger={t('tasks.showCode')} title={task.title} closeLabel={t('common.close')} testId="code-dialog">
            {qr ? (
              <div className="mx-auto w-60 max-w-full [&>svg]:h-auto [&>svg]:w-full" role="img" aria-label={t('tasks.qr.alt', { title: task.title })} data-testid="checkin-qr" dangerouslySetInnerHTML={{ __html: qr.svg }} />
            ) : null}
            <p className="code-big" data-testid="code-big">
              {task.checkinCode}
            </p>
            <p className="mt-2 text-center text-sm text-stone-600">{t('tasks.qr.hint', { code: task.checkinCode })}</p>
            <p className="mt-3 text-center">
              <Link href={`/tasks/${task.id}/poster`} className="text-sm font-medium text-brand-700 hover:underline">
                {t('tasks.qr.poster')}
              </Link>
            </p>
          </Dialog>
        ) : null}
        {qr ? <RefreshAt at={qr.refreshAt.toISOString()} /> : null}
      </Card>

      {task.canSignUp ? (
        <Card className="space-y-3">
          {mine ? (
            <p className="text-sm" data-testid="my-signup">
              <StatusBadge t={t} kind="signupStatus" status={mine.status} />{' '}
              {mine.checkOutAt ? t('tasks.checkedOut', { minutes: mine.minutes ?? 0 }) : mine.checkInAt ? t('tasks.checkedIn') : null}
            </p>
          ) : null}
          {open && !mine ? <ActionForm action={signUpAction.bind(null, task.id)} submitLabel={t('tasks.signUp')} className="space-y-2" /> : null}
          {open && mine ? (
            <ActionForm action={cancelSignupAction.bind(null, task.id)} submitLabel={t('tasks.cancelSignup')} variant="secondary" confirm={t('tasks.cancelConfirm')} className="space-y-2" />
          ) : null}
          {mine?.status === 'CONFIRMED' && !mine.checkOutAt ? (
            <div>
              <h2 className="text-sm font-semibold">{t('tasks.selfCheck')}</h2>
              <ClientMessages keys={OFFLINE_CHECK_MESSAGES}>
                <OfflineCheck taskId={task.id} userId={scope.userId} mode={mine.checkInAt ? 'out' : 'in'}>
                  <ActionForm
                    action={selfCheckAction.bind(null, task.id, mine.checkInAt ? 'out' : 'in')}
                    submitLabel={mine.checkInAt ? t('tasks.checkOut') : t('tasks.checkIn')}
                    className="mt-2 space-y-2"
                    testId="self-check"
                  >
                    <FormInput name="code" label={t('field.checkinCode')} hint={t('tasks.selfCheckHint')} inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
                  </ActionForm>
                </OfflineCheck>
              </ClientMessages>
              {mine.checkInAt ? null : (
                <p className="mt-1 text-xs text-stone-500" data-testid="check-in-window">
                  {t('tasks.checkInOpens', { from: formatDateTime(locale, checkInOpens), to: formatDateTime(locale, task.endsAt) })}
                </p>
              )}
            </div>
          ) : null}
        </Card>
      ) : null}

      {task.canRun ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('tasks.roster')}</h2>
          <DataList
            t={t}
            flush
            label={t('tasks.roster')}
            testId="roster"
            rows={task.signups}
            rowKey={(s) => s.user.id}
            columns={rosterColumns}
            path={`/tasks/${task.id}`}
            query={{}}
            empty={<p className="mt-2 text-sm text-stone-600">{t('tasks.rosterEmpty')}</p>}
          />
        </Card>
      ) : null}

      {lateCheckOuts.length ? (
        <section className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="late-check-outs">
          <h2 className="font-semibold">{t('tasks.lateCheckOuts.title', { count: lateCheckOuts.length })}</h2>
          <p className="text-stone-700">{t('tasks.lateCheckOuts.hint')}</p>
          <ul className="list-disc pl-5">
            {lateCheckOuts.map((s) => (
              <li key={s.user.id}>{t('tasks.lateCheckOuts.row', { name: s.user.name, time: formatDateTime(locale, s.checkOutAt), minutes: s.minutes ?? 0 })}</li>
            ))}
          </ul>
          {task.canCorrectHours ? (
            <Link href="/rewards" className="inline-block font-medium text-brand-700 hover:underline">
              {t('tasks.lateCheckOuts.correct')}
            </Link>
          ) : (
            <p className="text-stone-700">{t('tasks.lateCheckOuts.askAdmin')}</p>
          )}
        </section>
      ) : null}

      {task.canRun && task.status === 'OPEN' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Card>
            <h2 className="text-sm font-semibold">{t('tasks.edit')}</h2>
            <ActionForm action={updateTaskAction.bind(null, task.id)} submitLabel={t('common.save')} className="mt-3 space-y-3" testId="task-edit">
              <FormInput name="startsAt" label={t('field.startsAt')} type="datetime-local" defaultValue={toLocalInput(task.startsAt)} />
              <FormInput name="endsAt" label={t('field.endsAt')} type="datetime-local" defaultValue={toLocalInput(task.endsAt)} />
              <FormInput name="signupDeadline" label={t('field.signupDeadline')} type="datetime-local" defaultValue={toLocalInput(task.signupDeadline)} />
              <FormInput name="place" label={t('field.place')} defaultValue={task.place} />
              <FormInput name="slots" label={t('field.slots')} type="number" inputMode="numeric" min={1} max={500} defaultValue={task.slots} />
            </ActionForm>
          </Card>
          <Card>
            <h2 className="text-sm font-semibold">{t('tasks.cancelTask')}</h2>
            <ActionForm action={cancelTaskAction.bind(null, task.id)} submitLabel={t('tasks.cancelTask')} variant="danger" confirm={t('tasks.cancelTaskConfirm')} className="mt-3 space-y-3">
              <FormInput name="reason" label={t('field.reason')} />
            </ActionForm>
          </Card>
        </div>
      ) : null}
    </div>
  )
}

async function checkinQr(taskId: string) {
  const { token, refreshAt } = screenToken(taskId)
  return { svg: await qrSvg(await siteUrl(`/tasks/${taskId}/check?t=${token}`)), refreshAt }
}
