import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getNeed } from '@/lib/server/workflow/needs'
import { suggestMatches } from '@/lib/server/workflow/services'
import { idParam } from '@/lib/params'
import { ZUnitId } from '@/lib/schemas/org'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { DetailHeader, Row } from '@/components/ui/detail'
import { Badge, Card } from '@/components/ui/card'
import { ActionForm, FormInput, FormSelect, FormTextarea } from '@/components/ui/action-form'
import { StatusBadge } from '@/components/workflow/status-badge'
import { History } from '@/components/workflow/history'
import { closeNeedAction, createServiceAction, rejectNeedAction, resolveNeedAction } from '../actions'
import { toHours } from '@/lib/hours'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const scope = await requirePermission('need.read')
  const id = ZUnitId.safeParse((await params).id)
  const r = id.success ? await getNeed(scope, id.data) : null
  return { title: r?.ok ? r.value.title : (await getT())('notFound.title') }
}

export default async function NeedPage({ params }: Props) {
  const scope = await requirePermission('need.read')
  const id = await idParam(params)
  const r = await getNeed(scope, id)
  if (!r.ok) return denyPage()
  const n = r.value
  const t = await getT()
  const locale = await getLocale()
  const suggestions = n.canMatch && n.status === 'OPEN' ? await suggestMatches(scope, n.id) : null
  const row = (label: string, value: React.ReactNode) => <Row label={label}>{value}</Row>
  return (
    <div className="space-y-4">
      <DetailHeader back="/needs" backLabel={t('needs.title')} title={n.title} titleTestId="need-title" status={<StatusBadge t={t} kind="needStatus" status={n.status} />} statusTestId="need-status" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <Card>
            <p className="whitespace-pre-wrap text-sm">{n.description}</p>
            <dl className="mt-3 text-sm">
              {row(t('field.community'), n.community.name)}
              {row(t('field.category'), n.category.name)}
              {row(t('field.targetGroup'), t(`targetGroup.${n.targetGroup}`))}
              {row(t('field.source'), t(`needSource.${n.source}`))}
              {row(t('field.urgency'), t(`urgency.${n.urgency}`))}
              {row(t('field.peopleAffected'), n.peopleAffected)}
              {n.residentName ? row(t('field.residentName'), n.residentName) : null}
              {n.residentPhone ? row(t('field.residentPhone'), <span className="tabular-nums">{n.residentPhone}</span>) : null}
              {row(t('field.createdAt'), formatDateTime(locale, n.createdAt))}
              {n.rejectReason ? row(t('field.reason'), n.rejectReason) : null}
            </dl>
          </Card>
          {n.outcome ? (
            <Card data-testid="need-outcome">
              <h2 className="text-sm font-semibold">{t('needs.resultTitle')}</h2>
              <dl className="mt-2 text-sm">
                {row(t('field.outcome'), n.outcome)}
                {row(t('field.satisfaction'), `${n.satisfaction} / 5`)}
                {n.satisfactionComment ? row(t('field.comment'), n.satisfactionComment) : null}
                {row(t('needs.served'), t('needs.servedValue', { hours: toHours(n.served.minutes), count: n.served.volunteers }))}
              </dl>
            </Card>
          ) : null}
          {n.services.length ? (
            <Card>
              <h2 className="text-sm font-semibold">{t('needs.services')}</h2>
              <ul className="mt-2 space-y-1 text-sm">
                {n.services.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/services/${s.id}`} className="text-brand-700 hover:underline">
                      {s.title}
                    </Link>
                    {s.orders.map((o) => (
                      <Link key={o.id} href={`/orders/${o.id}`}>
                        <StatusBadge t={t} kind="orderStatus" status={o.status} />
                      </Link>
                    ))}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {suggestions?.ok ? (
            <Card>
              <h2 className="text-sm font-semibold">{t('needs.match')}</h2>
              <ActionForm action={createServiceAction.bind(null, n.id)} submitLabel={t('needs.createService')} className="mt-3 space-y-4" testId="service-form">
                <fieldset>
                  <legend className="text-sm font-medium text-stone-700">{t('needs.suggestions')}</legend>
                  {suggestions.value.length === 0 ? <p className="text-sm text-stone-500">{t('needs.noSuggestions')}</p> : null}
                  <ul className="mt-1 space-y-1">
                    {suggestions.value.map((s) => (
                      <li key={`${s.kind}-${s.id}`} className="text-sm">
                        <label className="flex min-h-8 items-start gap-2">
                          {s.kind === 'resource' ? <input type="checkbox" name="resourceIds" value={s.id} className="mt-1 size-4" /> : <span className="inline-block size-4" />}
                          <span>
                            <span className="font-medium">{s.name}</span> <Badge tone={s.reason === 'sameCommunity' ? 'brand' : 'neutral'}>{t(`match.${s.reason}`)}</Badge>{' '}
                            <span className="text-xs text-stone-500">
                              {s.community}
                              {s.availability ? ` · ${s.availability}` : ''}
                              {s.capacity !== null ? ` · ${s.kind === 'team' ? t('needs.members', { count: s.capacity }) : `${t('field.capacity')} ${s.capacity}`}` : ''}
                              {s.contactPhone ? ` · ${s.contactPhone}` : ''}
                            </span>
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
                <FormInput name="title" label={t('field.title')} defaultValue={n.title} />
                <FormTextarea name="description" label={t('field.description')} defaultValue={n.description.slice(0, 1000)} />
              </ActionForm>
            </Card>
          ) : null}
        </div>
        <div className="space-y-4">
          {n.canResolve && (n.status === 'DISPATCHED' || n.status === 'IN_SERVICE') ? (
            <Card>
              <h2 className="text-sm font-semibold">{t('needs.resolveTitle')}</h2>
              <ActionForm action={resolveNeedAction.bind(null, n.id)} submitLabel={t('needs.resolve')} className="mt-3 space-y-3" testId="resolve-form">
                <FormTextarea name="outcome" label={t('field.outcome')} />
                <FormSelect name="satisfaction" label={t('field.satisfaction')} defaultValue="5" options={[5, 4, 3, 2, 1].map((v) => ({ value: String(v), label: `${v}` }))} />
                <FormInput name="satisfactionComment" label={t('field.comment')} />
              </ActionForm>
            </Card>
          ) : null}
          {n.canResolve && n.status === 'RESOLVED' ? (
            <Card>
              <ActionForm action={closeNeedAction.bind(null, n.id)} submitLabel={t('needs.close')} variant="secondary" />
            </Card>
          ) : null}
          {n.canAct && (n.status === 'OPEN' || n.status === 'MATCHED') ? (
            <Card>
              <h2 className="text-sm font-semibold">{t('needs.rejectTitle')}</h2>
              <ActionForm action={rejectNeedAction.bind(null, n.id)} submitLabel={t('needs.reject')} variant="danger" confirm={t('needs.rejectTitle')} className="mt-3 space-y-3">
                <FormInput name="reason" label={t('field.reason')} />
              </ActionForm>
            </Card>
          ) : null}
          <Card>
            <h2 className="mb-2 text-sm font-semibold">{t('common.history')}</h2>
            <History t={t} locale={locale} kind="needStatus" rows={n.history} />
          </Card>
        </div>
      </div>
    </div>
  )
}
