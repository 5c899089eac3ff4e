import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getSpotCheck } from '@/lib/server/evaluation/spot-checks'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { DetailHeader, Row } from '@/components/ui/detail'
import { LinkButton } from '@/components/ui/button'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.spotChecks') }
}

/** One draw: what was drawn from what, the re-run check, and "schedule an inspection" per sampled item. */
export default async function SpotCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('evaluation.manage')
  const r = await getSpotCheck(scope, await idParam(params))
  if (!r.ok) return denyPage()
  const d = r.value
  const t = await getT()
  const locale = await getLocale()
  const v = d.verification
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader back="/evaluation/spot-checks" backLabel={t('evaluation.tab.spotChecks')} title={t('evaluation.spot.rowTitle', { unit: d.unit, kind: t(`evaluation.spotKind.${d.kind}`) })} />
      <Card>
        <dl className="text-sm">
          <Row label={t('evaluation.spot.drawnAt')}>{formatDateTime(locale, d.createdAt)}</Row>
          <Row label={t('evaluation.spot.drawnBy')}>{d.drawnBy}</Row>
          <Row label={t('evaluation.spot.population')}>
            {t('evaluation.spot.populationDef', { kind: t(`evaluation.spotKind.${d.kind}`), unit: d.unit })}
            {d.filters.from || d.filters.to ? ` · ${t('evaluation.spot.period', { from: d.filters.from ?? '…', to: d.filters.to ?? '…' })}` : ''}
          </Row>
          <Row label={t('evaluation.spot.sizeLabel')}>
            <span data-testid="spot-sizes">{t('evaluation.spot.sizesFull', { n: d.sampleSize, drawn: d.sampleIds.length, population: d.populationSize })}</span>
          </Row>
          <Row label={t('evaluation.spot.seed')}>
            <span className="break-all font-mono" data-testid="spot-seed">
              {d.seed}
            </span>
          </Row>
          <Row label={t('evaluation.spot.now')}>{t('evaluation.spot.nowValue', { count: d.currentSize })}</Row>
        </dl>
      </Card>
      <p role="status" data-testid="spot-verify" className={`rounded-md p-3 text-sm ${v.matches ? 'bg-emerald-50 text-emerald-800' : 'bg-red-50 text-red-800'}`}>
        {v.matches ? t('evaluation.spot.verified') : t('evaluation.spot.mismatch')}
      </p>
      <Card>
        <h2 className="text-sm font-semibold">{t('evaluation.spot.sample')}</h2>
        <ol className="mt-2 divide-y divide-stone-100 text-sm" data-testid="spot-sample">
          {d.sample.map((s, n) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {n + 1}. {s.label ?? t('evaluation.spot.gone')} {s.detail ? <span className="text-xs text-stone-500">· {s.detail}</span> : null}
              </span>
              {s.unitId || s.projectId ? (
                <LinkButton variant="secondary" href={`/evaluation/inspections/new?${s.projectId ? `project=${s.projectId}` : `unit=${s.unitId}`}&spotCheck=${d.id}`}>
                  {t('evaluation.spot.schedule')}
                </LinkButton>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
      <details className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">{t('evaluation.spot.reproduce', { count: d.populationSize })}</summary>
        <p className="mt-2 text-xs text-stone-500">{t('evaluation.spot.rule')}</p>
        <ol className="mt-2 list-decimal pl-6 font-mono text-xs">
          {d.populationIds.slice(0, 2000).map((id) => (
            <li key={id}>{id}</li>
          ))}
        </ol>
        {d.populationIds.length > 2000 ? <p className="mt-2 text-xs text-stone-500">{t('evaluation.spot.truncated', { shown: 2000 })}</p> : null}
      </details>
    </div>
  )
}
