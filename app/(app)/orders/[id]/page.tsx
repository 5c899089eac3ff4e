import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getOrder } from '@/lib/server/workflow/orders'
import { historyOf } from '@/lib/server/workflow/common'
import { idParam } from '@/lib/params'
import { ZUnitId } from '@/lib/schemas/org'
import { getLocale, getT } from '@/lib/i18n/server'
import { defaultTaskStart, formatDateTime, toLocalInput } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { DetailHeader } from '@/components/ui/detail'
import { StatusBadge } from '@/components/workflow/status-badge'
import { ClaimButtons } from '@/components/workflow/claim-buttons'
import { History } from '@/components/workflow/history'
import { ServiceOrigin } from '@/components/workflow/service-origin'
import { createTaskAction, declineOrderAction } from '../actions'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const scope = await requirePermission('order.read')
  const id = ZUnitId.safeParse((await params).id)
  const r = id.success ? await getOrder(scope, id.data) : null
  return { title: r?.ok ? r.value.serviceItem.title : (await getT())('notFound.title') }
}

export default async function OrderPage({ params }: Props) {
  const scope = await requirePermission('order.read')
  const id = await idParam(params)
  const r = await getOrder(scope, id)
  if (!r.ok) return denyPage()
  const o = r.value
  const t = await getT()
  const locale = await getLocale()
  const history = await historyOf('Order', o.id)
  const directedToMine = o.status === 'DISPATCHED' && o.team && o.teams.some((x) => x.id === o.team!.id)
  const start = defaultTaskStart()
  return (
    <div className="space-y-4">
      <DetailHeader back="/orders" backLabel={t('orders.title')} title={o.serviceItem.title} status={<StatusBadge t={t} kind="orderStatus" status={o.status} />} statusTestId="order-status" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <Card>
            <dl className="space-y-1 text-sm">
              <ServiceOrigin t={t} need={o.serviceItem.need} needId={o.serviceItem.need?.id} project={o.serviceItem.project} />
              <div>
                <dt className="inline text-stone-500">{t('field.team')}：</dt>
                <dd className="inline">{o.team?.name ?? t('orders.openToAll')}</dd>
              </div>
              <div>
                <dt className="inline text-stone-500">{t('orders.dispatchedAt')}：</dt>
                <dd className="inline">{formatDateTime(locale, o.dispatchedAt)}</dd>
              </div>
              {o.claimedByTeam ? (
                <div>
                  <dt className="inline text-stone-500">{t('orders.claimedBy')}：</dt>
                  <dd className="inline">
                    {o.claimedByTeam.name} · {formatDateTime(locale, o.claimedAt)}
                  </dd>
                </div>
              ) : null}
              {o.note ? (
                <div>
                  <dt className="inline text-stone-500">{t('field.note')}：</dt>
                  <dd className="inline">{o.note}</dd>
                </div>
              ) : null}
              {o.declineReason ? (
                <div>
                  <dt className="inline text-stone-500">{t('field.reason')}：</dt>
                  <dd className="inline">{o.declineReason}</dd>
                </div>
              ) : null}
            </dl>
            {o.claimFor.length ? (
              <div className="mt-3">
                <ClaimButtons t={t} orderId={o.id} teams={o.teams.filter((x) => o.claimFor.includes(x.id))} />
              </div>
            ) : null}
          </Card>
          <Card>
            <h2 className="text-sm font-semibold">{t('orders.tasks')}</h2>
            {o.tasks.length === 0 ? <p className="mt-2 text-sm text-stone-500">{t('tasks.empty')}</p> : null}
            <ul className="mt-2 space-y-1 text-sm">
              {o.tasks.map((task) => (
                <li key={task.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/tasks/${task.id}`} className="text-brand-700 hover:underline">
                    {task.title}
                  </Link>
                  <span className="text-stone-600">{formatDateTime(locale, task.startsAt)}</span>
                  <span className="tabular-nums">
                    {task.taken}/{task.slots}
                  </span>
                  <StatusBadge t={t} kind="taskStatus" status={task.status} />
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <h2 className="mb-2 text-sm font-semibold">{t('common.history')}</h2>
            <History t={t} locale={locale} kind="orderStatus" rows={history} />
          </Card>
        </div>
        <div className="space-y-4">
          {o.canCreateTask ? (
            <Card>
              <h2 className="text-sm font-semibold">{t('orders.newTask')}</h2>
              <ActionForm action={createTaskAction.bind(null, o.id)} submitLabel={t('common.create')} className="mt-3 space-y-3" testId="task-form">
                <FormInput name="title" label={t('field.title')} defaultValue={o.serviceItem.title} />
                <FormInput name="startsAt" label={t('field.startsAt')} type="datetime-local" defaultValue={toLocalInput(start)} />
                <FormInput name="endsAt" label={t('field.endsAt')} type="datetime-local" defaultValue={toLocalInput(new Date(start.getTime() + 2 * 3_600_000))} />
                <FormInput name="signupDeadline" label={t('field.signupDeadline')} type="datetime-local" defaultValue={toLocalInput(new Date(start.getTime() - 86_400_000))} />
                <FormInput name="place" label={t('field.place')} />
                <FormInput name="slots" label={t('field.slots')} type="number" inputMode="numeric" min={1} max={500} defaultValue={5} />
                <FormInput name="skills" label={t('field.skills')} />
              </ActionForm>
            </Card>
          ) : null}
          {directedToMine ? (
            <Card>
              <h2 className="text-sm font-semibold">{t('orders.declineTitle')}</h2>
              <ActionForm action={declineOrderAction.bind(null, o.id)} submitLabel={t('orders.decline')} variant="danger" className="mt-3 space-y-3">
                <input type="hidden" name="teamId" value={o.team!.id} />
                <FormInput name="reason" label={t('field.reason')} />
              </ActionForm>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  )
}
