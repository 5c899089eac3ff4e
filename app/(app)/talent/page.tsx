import type { Metadata } from 'next'
import { ExportLink } from '@/components/ui/export-link'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { listFigureCommunities, listTalent, talentFigures } from '@/lib/server/people/talent'
import { CERT_LEVELS, ZTalentListQuery } from '@/lib/schemas/talent'
import { getT } from '@/lib/i18n/server'
import { Badge, Card, EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { SearchForm } from '@/components/ui/search-form'
import { ActionForm, FormInput, FormSelect } from '@/components/ui/action-form'
import { FilterSelect, queryString } from '@/components/workflow/filters'
import { setElderlyPopulationAction } from './actions'
import { CeBadge } from './ce-badge'
import { FiguresTable } from './figures'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('talent.title') }
}

/**
 * 人才队伍: the figures of the caller's subtree (one row per child unit), the elderly-population form for
 * whoever enters it, and the registry with search, filters and this year's continuing-education hours.
 */
export default async function TalentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('talent.read')
  const t = await getT()
  const query = ZTalentListQuery.parse(await searchParams)
  const [figures, list, figureCommunities] = await Promise.all([talentFigures(scope), listTalent(scope, query), listFigureCommunities(scope)])
  const filtered = Boolean(query.q || query.level || query.unit)
  const total = figures.total
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <PageHeader title={t('talent.title')} />
          <p className="text-sm text-stone-600">{t('talent.intro')}</p>
        </div>
        <ExportLink t={t} href={`/api/exports/talent${queryString({ q: query.q, level: query.level, unit: query.unit })}`} />
      </div>

      <section className="space-y-2" aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="text-lg font-semibold">
          {t('talent.figures.title')}
        </h2>
        <FiguresTable t={t} rows={figures.rows} total={total} target={figures.target} />
        <p className="text-xs text-stone-500" data-testid="elderly-note">
          {t('talent.figures.elderlyNote', { with: total.withFigure, all: total.communities, elderly: total.elderly, workers: total.workersWithFigure })}{' '}
          {t('talent.figures.rateNote', { hours: figures.requiredHours })}
        </p>
      </section>

      {figureCommunities.length ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('talent.elderly.title')}</h2>
          <ActionForm action={setElderlyPopulationAction} submitLabel={t('common.save')} className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" testId="elderly-form">
            {figureCommunities.length === 1 ? (
              <>
                <input type="hidden" name="orgUnitId" value={figureCommunities[0].id} />
                <p className="text-sm text-stone-700">
                  {figureCommunities[0].elderlyPopulation === null ? t('talent.elderly.none', { name: figureCommunities[0].name }) : t('talent.elderly.current', { name: figureCommunities[0].name, value: figureCommunities[0].elderlyPopulation })}
                </p>
              </>
            ) : (
              <FormSelect
                name="orgUnitId"
                label={t('talent.elderly.community')}
                placeholder=""
                options={figureCommunities.map((c) => ({ value: c.id, label: c.elderlyPopulation === null ? t('talent.elderly.none', { name: c.name }) : t('talent.elderly.current', { name: c.name, value: c.elderlyPopulation }) }))}
              />
            )}
            <FormInput name="elderlyPopulation" label={t('talent.elderly.value')} hint={t('talent.elderly.hint')} inputMode="numeric" defaultValue={figureCommunities.length === 1 ? (figureCommunities[0].elderlyPopulation ?? '') : ''} />
          </ActionForm>
        </Card>
      ) : null}

      <section className="space-y-3">
        <SearchForm q={query.q} placeholder={t('talent.search')} submitLabel={t('common.filter')}>
          <FilterSelect
            name="level"
            label={t('talent.filter.level')}
            value={query.level}
            allLabel={t('common.all')}
            options={[...CERT_LEVELS.map((l) => ({ value: l, label: t(`certLevel.${l}`) })), { value: 'MISSING', label: t('talent.filter.missing') }]}
          />
          {figures.rows.length > 1 ? <FilterSelect name="unit" label={t('talent.filter.unit')} value={query.unit} allLabel={t('common.all')} options={figures.rows.map((r) => ({ value: r.id, label: r.name }))} /> : null}
          {filtered ? (
            <Link href="/talent" className="self-center text-sm text-brand-700 underline">
              {t('common.reset')}
            </Link>
          ) : null}
        </SearchForm>
        {list.rows.length === 0 ? (
          <EmptyState title={filtered ? t('talent.noMatch') : t('talent.empty')}>{filtered ? null : t('talent.emptyHint')}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="talent-list">
            {list.rows.map((w) => (
              <li key={w.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-3">
                <div className="min-w-0">
                  <Link href={`/talent/${w.id}`} className="font-medium text-brand-700 hover:underline">
                    {w.name}
                  </Link>{' '}
                  <span className="text-sm tabular-nums text-stone-500">{w.phone}</span>
                  <p className="mt-0.5 text-xs text-stone-500">
                    {[w.community, ...w.roles.map((r) => t(`role.${r}`)), w.employer].filter(Boolean).join(' · ')}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-1">{w.certLevel ? <Badge tone={w.certLevel === 'NONE' ? 'neutral' : 'brand'}>{t(`certLevel.${w.certLevel}`)}</Badge> : <Badge>{t('talent.noRecord')}</Badge>}</p>
                </div>
                <div className="text-right text-sm">
                  <p className="tabular-nums">{t('talent.ceHours', { year: list.year, hours: w.ceHours, required: list.requiredHours })}</p>
                  <p className="mt-1">
                    <CeBadge t={t} status={w.ceStatus} />
                  </p>
                  {w.lastYearNotMet ? <p className="text-xs text-red-700">{t('talent.lastYearNotMet', { year: list.year - 1 })}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/talent${queryString({ ...query, page, pageSize: undefined })}`} />
      </section>
    </div>
  )
}
