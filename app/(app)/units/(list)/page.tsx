import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { searchUnits } from '@/lib/server/org/queries'
import { ZUnitSearchQuery } from '@/lib/schemas/org'
import { getT } from '@/lib/i18n/server'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { SearchForm } from '@/components/ui/search-form'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('units.title') }
}

/** Search every unit of the caller's subtree at any depth (name, code, sub-district). */
export default async function UnitsSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('org.browse')
  const t = await getT()
  const query = ZUnitSearchQuery.parse(await searchParams)
  const result = query.q ? await searchUnits(scope, query.q, query.page, 20, query) : null
  const columns: Column<NonNullable<typeof result>['rows'][number]>[] = [
    { id: 'name', label: t('unit.colName'), slot: 'title', sort: 'asc', cell: (u) => <Link href={`/units/${u.id}`} className="data-title">{u.name}</Link> },
    {
      id: 'level',
      label: t('units.colLevel'),
      slot: 'end',
      sort: 'asc',
      cell: (u) => (
        <>
          <Badge>{t(`level.${u.level}`)}</Badge>
          {u.pilot ? <Badge tone="brand">{t('unit.pilot')}</Badge> : null}
        </>
      ),
    },
    { id: 'trail', label: t('unit.trail'), cell: (u) => u.trail },
    { id: 'subDistrict', label: t('unit.subDistrict'), cell: (u) => u.subDistrict },
    { id: 'code', label: t('unit.code'), cell: (u) => u.code },
  ]
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('units.title')}
        exportLink={query.q ? { t, href: `/api/exports/units?q=${encodeURIComponent(query.q)}` } : null}
      />
      <SearchForm q={query.q} keep={{ sort: query.sort, dir: query.dir }} placeholder={t('units.placeholder')} submitLabel={t('common.search')} />
      {!result ? (
        <p className="text-sm text-stone-600">{t('units.hint')}</p>
      ) : (
        <DataList
          t={t}
          label={t('units.title')}
          rows={result.rows}
          rowKey={(u) => u.id}
          rowTestId={() => 'search-row'}
          columns={columns}
          path="/units"
          query={query}
          defaultSort={{ id: 'level', dir: 'asc' }}
          paging={result}
          empty={<EmptyState title={t('unit.noMatch')} />}
        />
      )}
    </div>
  )
}
