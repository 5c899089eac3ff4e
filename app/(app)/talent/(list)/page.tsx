import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { listFigureCommunities, listTalent, talentFigures } from '@/lib/server/people/talent'
import { CERT_LEVELS, ZTalentListQuery } from '@/lib/schemas/talent'
import { getT } from '@/lib/i18n/server'
import { Badge, Card, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { SearchForm } from '@/components/ui/search-form'
import { ActionForm, FormInput, FormSelect } from '@/components/ui/action-form'
import { FilterSelect, queryString } from '@/components/workflow/filters'
import { setElderlyPopulationAction } from '../actions'
import { CeBadge } from '../ce-badge'
import { FiguresTable } from '../figures'
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
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'name', label: t('field.name'), slot: 'title', cell: (w) => <Link href={`/talent/${w.id}`} className="data-title">{w.name}</Link> },
    { id: 'phone', label: t('talent.field.phone'), slot: 'title', cell: (w) => <span className="ml-1 text-sm tabular-nums text-stone-500">{w.phone}</span> },
    { id: 'ceHours', label: t('talent.years', { required: list.requiredHours }), slot: 'end', cell: (w) => t('talent.ceHours', { year: list.year, hours: w.ceHours, required: list.requiredHours }) },
    { id: 'ceStatus', label: t('talent.col.ceStatus'), slot: 'end', cell: (w) => <CeBadge t={t} status={w.ceStatus} /> },
    { id: 'lastYear', label: t('talent.year', { year: list.year - 1 }), slot: 'end', cell: (w) => (w.lastYearNotMet ? <span className="text-xs text-red-700">{t('talent.lastYearNotMet', { year: list.year - 1 })}</span> : null) },
    { id: 'community', label: t('talent.field.community'), cell: (w) => w.community },
    { id: 'roles', label: t('talent.field.roles'), cell: (w) => w.roles.map((r) => t(`role.${r}`)).join(' · ') },
    { id: 'employer', label: t('talent.field.agency'), cell: (w) => w.employer },
    {
      id: 'certLevel',
      label: t('talent.field.certLevel'),
      slot: 'detail',
      cell: (w) => (w.certLevel ? <Badge tone={w.certLevel === 'NONE' ? 'neutral' : 'brand'}>{t(`certLevel.${w.certLevel}`)}</Badge> : <Badge>{t('talent.noRecord')}</Badge>),
    },
  ]
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('talent.title')}
        description={t('talent.intro')}
        exportLink={{ t, href: `/api/exports/talent${queryString({ q: query.q, level: query.level, unit: query.unit })}` }}
      />

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
        <DataList
          t={t}
          label={t('talent.title')}
          testId="talent-list"
          rows={list.rows}
          rowKey={(w) => w.id}
          columns={columns}
          path="/talent"
          query={{ ...query, pageSize: undefined }}
          paging={list}
          empty={<EmptyState title={filtered ? t('talent.noMatch') : t('talent.empty')}>{filtered ? null : t('talent.emptyHint')}</EmptyState>}
        />
      </section>
    </div>
  )
}
