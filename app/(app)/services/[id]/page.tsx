import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getServiceItem } from '@/lib/server/workflow/services'
import { idParam } from '@/lib/params'
import { ZUnitId } from '@/lib/schemas/org'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { Badge, Card } from '@/components/ui/card'
import { ActionForm, FormInput, FormSelect } from '@/components/ui/action-form'
import { DetailHeader } from '@/components/ui/detail'
import { StatusBadge } from '@/components/workflow/status-badge'
import { ServiceOrigin } from '@/components/workflow/service-origin'
import { dispatchOrderAction } from '../actions'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const scope = await requirePermission('service.read')
  const id = ZUnitId.safeParse((await params).id)
  const r = id.success ? await getServiceItem(scope, id.data) : null
  return { title: r?.ok ? r.value.title : (await getT())('notFound.title') }
}

export default async function ServicePage({ params }: Props) {
  const scope = await requirePermission('service.read')
  const id = await idParam(params)
  const r = await getServiceItem(scope, id)
  if (!r.ok) return denyPage()
  const s = r.value
  const t = await getT()
  const locale = await getLocale()
  return (
    <div className="space-y-4">
      <DetailHeader back="/services" backLabel={t('services.title')} title={s.title} titleTestId="service-title" status={<Badge>{s.category.name}</Badge>} />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <Card>
            <p className="whitespace-pre-wrap text-sm">{s.description}</p>
            <dl className="mt-3 space-y-1 text-sm">
              <ServiceOrigin t={t} need={s.need} needId={s.needId} project={s.project} />
              <div>
                <dt className="inline text-stone-500">{t('field.resources')}：</dt>
                <dd className="inline">{s.resources.map((x) => x.providerName).join('、') || t('common.none')}</dd>
              </div>
            </dl>
          </Card>
          <Card>
            <h2 className="text-sm font-semibold">{t('services.orders')}</h2>
            {s.orders.length === 0 ? <p className="mt-2 text-sm text-stone-500">{t('orders.empty')}</p> : null}
            <ul className="mt-2 space-y-1 text-sm">
              {s.orders.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/orders/${o.id}`} className="text-brand-700 hover:underline">
                    {formatDateTime(locale, o.dispatchedAt)}
                  </Link>
                  <span>{o.team?.name ?? t('orders.openToAll')}</span>
                  <StatusBadge t={t} kind="orderStatus" status={o.status} />
                  {o.claimedByTeam ? <span className="text-stone-600">{o.claimedByTeam.name}</span> : null}
                  {o.declineReason ? <span className="text-stone-600">（{o.declineReason}）</span> : null}
                </li>
              ))}
            </ul>
          </Card>
        </div>
        {s.canDispatch ? (
          <Card>
            <h2 className="text-sm font-semibold">{t('services.dispatchTitle')}</h2>
            <ActionForm action={dispatchOrderAction.bind(null, s.id)} submitLabel={t('services.dispatch')} className="mt-3 space-y-3" testId="dispatch-form">
              <FormSelect name="teamId" label={t('field.team')} options={[{ value: 'OPEN', label: t('services.openToAll') }, ...s.teams.map((x) => ({ value: x.id, label: x.name }))]} />
              <FormInput name="note" label={t('field.note')} />
            </ActionForm>
          </Card>
        ) : null}
      </div>
    </div>
  )
}
