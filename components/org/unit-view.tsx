import { PageHeader } from '@/components/ui/page-header'
import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'
import type { ChildUnitRow, Page, UnitDetail } from '@/lib/server/org/queries'
import type { TUnitListQuery } from '@/lib/schemas/org'
import { Badge, Card, EmptyState, Stat } from '@/components/ui/card'
import { SearchForm } from '@/components/ui/search-form'
import { childLevelOf } from '@/lib/server/authz/hierarchy'
import { DataTable, type Column } from '@/components/ui/data-list'


/** A unit: where it sits (within the caller's scope), its pilot designation, counts and child units. */
export function UnitView({
  t,
  unit,
  childUnits,
  query,
  basePath,
  manage,
  pilotPanel,
}: {
  t: Translate
  unit: UnitDetail
  childUnits: Page<ChildUnitRow> | null
  query: TUnitListQuery
  basePath: string
  manage?: React.ReactNode
  pilotPanel?: React.ReactNode
}) {
  return (
    <div className="space-y-5">
      {unit.trail.length ? (
        <nav aria-label={t('unit.trail')} className="flex flex-wrap items-center gap-1 text-sm text-stone-600">
          {unit.trail.map((a) => (
            <span key={a.id} className="flex items-center gap-1">
              <Link href={`/units/${a.id}`} className="hover:underline">
                {a.name}
              </Link>
              <span aria-hidden>›</span>
            </span>
          ))}
          <span className="text-stone-900">{unit.name}</span>
        </nav>
      ) : null}
      <PageHeader
        title={unit.name}
        testId="unit-name"
        description={
          <span className="mt-1 flex flex-wrap items-center gap-2">
            <Badge>{t(`level.${unit.level}`)}</Badge>
            <span>
              {t('unit.code')} {unit.code}
            </span>
            {unit.subDistrict ? <span>{unit.subDistrict}</span> : null}
            {unit.pilot ? <Badge tone="brand">{t('unit.pilot')}</Badge> : null}
          </span>
        }
      />

      {unit.pilot ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('unit.pilotDesignation')}</h2>
          <dl className="mt-2 grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-stone-500">{t('unit.pilotBatch')}</dt>
              <dd>{unit.pilot.batch}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('unit.pilotPeriod')}</dt>
              <dd>
                {unit.pilot.start ?? '—'} ~ {unit.pilot.end ?? '—'}
              </dd>
            </div>
          </dl>
        </Card>
      ) : null}

      {unit.level !== 'COMMUNITY' ? (
        <div className="grid grid-cols-3 gap-3">
          <Stat label={t('unit.childCount', { level: t(`level.${childLevel(unit.level)}`) })} value={unit.counts.children} testId="count-children" />
          <Stat label={t('unit.communityCount')} value={unit.counts.communities} testId="count-communities" />
          <Stat label={t('unit.pilotCount')} value={unit.counts.pilots} testId="count-pilots" />
        </div>
      ) : null}

      {pilotPanel}

      {manage}

      {childUnits ? (
        <section className="space-y-3" aria-labelledby="children-heading">
          <h2 id="children-heading" className="text-lg font-semibold">
            {t('unit.children', { level: t(`level.${childLevel(unit.level)}`) })}
          </h2>
          <SearchForm action={basePath} q={query.q} placeholder={t('unit.searchChildren')} submitLabel={t('common.search')}>
            <select name="pilot" defaultValue={query.pilot} aria-label={t('unit.filterPilot')} className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm">
              <option value="all">{t('unit.filterAll')}</option>
              <option value="pilot">{t('unit.filterPilotOnly')}</option>
            </select>
          </SearchForm>
          <DataTable
            t={t}
            label={t('unit.children', { level: t(`level.${childLevel(unit.level)}`) })}
            rows={childUnits.rows}
            rowKey={(c) => c.id}
            rowTestId={() => 'child-row'}
            columns={childColumns(t, unit.level)}
            path={basePath}
            query={{ q: query.q, pilot: query.pilot === 'all' ? undefined : query.pilot }}
            paging={childUnits}
            empty={<EmptyState title={query.q || query.pilot !== 'all' ? t('unit.noMatch') : t('unit.noChildren')} />}
          />
        </section>
      ) : null}
    </div>
  )
}

/** The child units' table: on a phone the name and the figures; the code (and sub-district) from sm up. */
function childColumns(t: Translate, level: UnitDetail['level']): Column<ChildUnitRow>[] {
  const county = level === 'BANNER_COUNTY'
  return [
    {
      id: 'name',
      label: t('unit.colName'),
      cell: (c) => (
        <>
          <Link href={`/units/${c.id}`} className="data-title">
            {c.name}
          </Link>
          {county && c.subDistrict ? <span className="block text-xs text-stone-600 sm:hidden">{c.subDistrict}</span> : null}
        </>
      ),
    },
    { id: 'code', label: t('unit.code'), className: 'hidden tabular-nums text-stone-600 sm:table-cell', cell: (c) => c.code },
    county
      ? { id: 'subDistrict', label: t('unit.subDistrict'), className: 'hidden text-stone-600 sm:table-cell', cell: (c) => c.subDistrict }
      : { id: 'communities', label: t('unit.communityCount'), numeric: true, cell: (c) => c.communities },
    { id: 'pilots', label: county ? t('unit.pilot') : t('unit.pilotCount'), numeric: true, cell: (c) => (county ? c.pilot ? <Badge tone="brand">{c.pilot.batch}</Badge> : '—' : c.pilots) },
  ]
}

function childLevel(level: UnitDetail['level']) {
  return childLevelOf(level) ?? 'COMMUNITY'
}
