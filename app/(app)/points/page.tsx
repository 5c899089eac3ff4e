import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { listRewards, myPointsAndHours } from '@/lib/server/people/points'
import { listHourAdjustments } from '@/lib/server/people/hours'
import { CorrectionsList } from '@/components/hours/corrections'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { Card, EmptyState, Stat } from '@/components/ui/card'
import { ActionForm } from '@/components/ui/action-form'
import { exchangeAction } from './actions'
import { issueMyCertificateAction } from '../certificates/actions'
import { DataList } from '@/components/ui/data-list'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('points.title') }
}

/** The volunteer's hours (from checked-out tasks), star level, points, the catalogue and the ledger — phone-first. */
export default async function PointsPage() {
  const scope = await requirePermission('volunteer.home')
  const t = await getT()
  const locale = await getLocale()
  const [me, items, corrections] = await Promise.all([myPointsAndHours(scope), listRewards(scope), listHourAdjustments(scope, scope.userId)])
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeader title={t('points.title')} />
      <div className="grid grid-cols-3 gap-2" data-testid="my-points">
        <Stat label={t('points.hours')} value={me.hours} testId="hours" />
        <Stat label={t('points.stars')} value={me.stars ? '★'.repeat(me.stars) : '—'} testId="stars" />
        <Stat label={t('points.balance')} value={me.balance} testId="balance" />
      </div>
      <p className="text-sm text-stone-600">
        {me.toNextStar === null ? t('points.top') : t('points.toNext', { hours: me.toNextStar })} · {t('points.rule', { points: me.pointsPerHour })}
      </p>
      <ActionForm action={issueMyCertificateAction} submitLabel={t('certificate.issue')} variant="secondary" className="flex flex-col items-start gap-1" testId="issue-certificate" />
      <section className="space-y-2">
        <h2 className="text-sm font-medium text-stone-600">{t('points.catalogue')}</h2>
        {items.length === 0 ? <EmptyState title={t('points.noItems')} /> : null}
        {items.map((i) => (
          <Card key={i.id} className="flex items-center justify-between gap-2" data-testid="reward">
            <div>
              <p className="font-medium">{i.name}</p>
              <p className="text-xs text-stone-500">
                {t('points.cost', { cost: i.cost })} · {t('points.stock', { stock: i.stock })}
              </p>
            </div>
            <ActionForm action={exchangeAction.bind(null, i.id)} submitLabel={t('points.exchange')} confirm={t('points.exchangeConfirm')} className="flex flex-col items-end gap-1" />
          </Card>
        ))}
      </section>
      <section className="space-y-2">
        <h2 className="text-sm font-medium text-stone-600">{t('points.ledger')}</h2>
        <DataList
          t={t}
          label={t('points.ledger')}
          testId="ledger"
          rows={me.entries}
          rowKey={(e) => e.id}
          path="/points"
          query={{}}
          empty={<p className="text-sm text-stone-500">{t('points.noEntries')}</p>}
          columns={[
            { id: 'what', label: t('points.ledger'), slot: 'title', cell: (e) => `${t(`pointsKind.${e.kind}`)} · ${e.reason}` },
            { id: 'amount', label: t('points.ledger'), slot: 'end', cell: (e) => <span className={e.amount < 0 ? 'text-red-700' : 'text-emerald-700'}>{e.amount > 0 ? `+${e.amount}` : e.amount}</span> },
            { id: 'at', label: t('points.ledger'), cell: (e) => formatDateTime(locale, e.createdAt) },
          ]}
        />
      </section>
      <CorrectionsList t={t} locale={locale} rows={corrections} testId="my-corrections" />
    </div>
  )
}
