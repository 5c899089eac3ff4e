import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { listSpotCheckUnits, listSpotChecks } from '@/lib/server/evaluation/spot-checks'
import { MAX_SAMPLE, SPOT_CHECK_KINDS, ZSpotCheckListQuery } from '@/lib/schemas/evaluation'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { Badge, Card, EmptyState } from '@/components/ui/card'
import { ActionForm, FormInput, FormSelect } from '@/components/ui/action-form'
import { DataList, type Column } from '@/components/ui/data-list'
import { drawSpotCheckAction } from '../../actions'
import { EvaluationHeader } from '../../tabs'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.spotChecks') }
}

/** Random spot checks: draw a sample; every draw ever made under the caller is listed, repeats included. */
export default async function SpotChecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('evaluation.manage')
  const t = await getT()
  const locale = await getLocale()
  const query = ZSpotCheckListQuery.parse(await searchParams)
  const [units, list] = await Promise.all([listSpotCheckUnits(scope), listSpotChecks(scope, query)])
  const base = units[0]?.depth ?? 0
  const columns: Column<(typeof list.rows)[number]>[] = [
    {
      id: 'title',
      label: t('evaluation.spot.kind'),
      slot: 'title',
      cell: (r) => (
        <>
          <Link href={`/evaluation/spot-checks/${r.id}`} className="data-title">
            {t('evaluation.spot.rowTitle', { unit: r.unit, kind: t(`evaluation.spotKind.${r.kind}`) })}
          </Link>{' '}
          {r.filters.from || r.filters.to ? <Badge>{t('evaluation.spot.period', { from: r.filters.from ?? '…', to: r.filters.to ?? '…' })}</Badge> : null}
        </>
      ),
    },
    { id: 'population', label: t('evaluation.spot.population'), slot: 'end', sort: 'desc', numeric: true, cell: (r) => t('evaluation.spot.sizes', { drawn: r.drawn, population: r.populationSize }) },
    { id: 'created', label: t('evaluation.spot.drawnAt'), sort: 'desc', cell: (r) => formatDateTime(locale, r.createdAt) },
    { id: 'drawnBy', label: t('evaluation.spot.drawnBy'), cell: (r) => r.drawnBy },
    { id: 'seed', label: t('evaluation.spot.seed'), cell: (r) => <span className="font-mono">{r.seed}</span> },
  ]
  return (
    <div className="space-y-4">
      <EvaluationHeader scope={scope} t={t} active="/evaluation/spot-checks" exportList="spot-checks" />
      <Card>
        <h2 className="text-sm font-semibold">{t('evaluation.spot.draw')}</h2>
        <p className="text-xs text-stone-500">{t('evaluation.spot.rule')}</p>
        <ActionForm action={drawSpotCheckAction} submitLabel={t('evaluation.spot.draw')} confirm={t('evaluation.spot.confirm')} className="mt-3 space-y-3" testId="spot-form">
          <div className="grid gap-3 sm:grid-cols-3">
            <FormSelect name="kind" label={t('evaluation.spot.kind')} options={SPOT_CHECK_KINDS.map((k) => ({ value: k, label: t(`evaluation.spotKind.${k}`) }))} />
            <FormSelect name="unitId" label={t('evaluation.spot.unit')} options={units.map((u) => ({ value: u.id, label: `${'\u00a0'.repeat(2 * Math.max(0, u.depth - base))}${u.name}` }))} />
            <FormInput name="size" label={t('evaluation.spot.size')} inputMode="numeric" defaultValue="3" hint={t('evaluation.spot.sizeHint', { max: MAX_SAMPLE })} />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormInput name="from" type="date" label={t('evaluation.spot.from')} hint={t('evaluation.spot.periodHint')} />
            <FormInput name="to" type="date" label={t('evaluation.spot.to')} />
          </div>
        </ActionForm>
      </Card>
      <DataList
        t={t}
        label={t('evaluation.tab.spotChecks')}
        testId="spot-list"
        rows={list.rows}
        rowKey={(r) => r.id}
        columns={columns}
        path="/evaluation/spot-checks"
        query={query}
        defaultSort={{ id: 'created', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={t('evaluation.spot.empty')} />}
      />
    </div>
  )
}
