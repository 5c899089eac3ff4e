import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { listRewards } from '@/lib/server/people/points'
import { listActingCommunities } from '@/lib/server/workflow/common'
import { listHourAdjustments } from '@/lib/server/people/hours'
import { CorrectionItems } from '@/components/hours/corrections'
import { getLocale, getT } from '@/lib/i18n/server'
import { Card, EmptyState } from '@/components/ui/card'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { DataList, type Column } from '@/components/ui/data-list'
import { awardPointsAction, createRewardAction } from '../points/actions'
import { adjustHoursAction } from './actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('rewards.title') }
}

/** Community staff keep the reward catalogue, award points with a reason and correct volunteers' hours. */
export default async function RewardsPage() {
  const scope = await requirePermission('points.manage')
  const t = await getT()
  const locale = await getLocale()
  const [items, [community], corrections] = await Promise.all([listRewards(scope), listActingCommunities(scope, 'points.manage'), listHourAdjustments(scope)])
  const columns: Column<(typeof items)[number]>[] = [
    { id: 'name', label: t('field.rewardName'), slot: 'title', cell: (i) => <span className="text-sm">{i.name}</span> },
    { id: 'cost', label: t('field.cost'), slot: 'end', numeric: true, cell: (i) => <span className="text-stone-600">{t('points.cost', { cost: i.cost })}</span> },
    { id: 'stock', label: t('field.stock'), slot: 'end', numeric: true, cell: (i) => <span className="text-stone-600">{t('points.stock', { stock: i.stock })}</span> },
  ]
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title={t('rewards.title')}
        exportLink={{ t, href: '/api/exports/rewards' }}
      />
      <DataList t={t} label={t('points.catalogue')} testId="rewards" rows={items} rowKey={(i) => i.id} columns={columns} path="/rewards" query={{}} empty={<EmptyState title={t('points.noItems')} />} />
      <div className="grid gap-4 sm:grid-cols-2">
        {community ? (
          <Card>
            <h2 className="text-sm font-semibold">{t('rewards.add')}</h2>
            <ActionForm action={createRewardAction} submitLabel={t('rewards.add')} resetOnSuccess className="mt-3 space-y-3" testId="reward-form">
              <input type="hidden" name="orgUnitId" value={community.id} />
              <FormInput name="name" label={t('field.rewardName')} />
              <FormInput name="cost" label={t('field.cost')} inputMode="numeric" />
              <FormInput name="stock" label={t('field.stock')} inputMode="numeric" />
            </ActionForm>
          </Card>
        ) : null}
        <Card>
          <h2 className="text-sm font-semibold">{t('rewards.award')}</h2>
          <ActionForm action={awardPointsAction} submitLabel={t('rewards.award')} resetOnSuccess className="mt-3 space-y-3" testId="award-form">
            <FormInput name="phone" label={t('field.volunteerPhone')} type="tel" inputMode="tel" />
            <FormInput name="amount" label={t('field.points')} inputMode="numeric" />
            <FormInput name="reason" label={t('field.reason')} />
          </ActionForm>
        </Card>
        <Card>
          <h2 className="text-sm font-semibold">{t('hours.correct.title')}</h2>
          <ActionForm action={adjustHoursAction} submitLabel={t('hours.correct.submit')} confirm={t('hours.correct.confirm')} resetOnSuccess className="mt-3 space-y-3" testId="hours-form">
            <FormInput name="phone" label={t('field.volunteerPhone')} type="tel" inputMode="tel" />
            <FormInput name="hours" label={t('hours.correct.hours')} hint={t('hours.correct.hint')} inputMode="decimal" maxLength={8} />
            <FormInput name="reason" label={t('field.reason')} />
          </ActionForm>
        </Card>
      </div>
      <section className="space-y-2">
        <h2 className="text-sm font-medium text-stone-600">{t('hours.corrections.title')}</h2>
        <p className="text-xs text-stone-500">{t('hours.corrections.note')}</p>
        <CorrectionItems t={t} locale={locale} rows={corrections} testId="corrections" empty={<p className="text-sm text-stone-600">{t('hours.corrections.empty')}</p>} />
      </section>
    </div>
  )
}
