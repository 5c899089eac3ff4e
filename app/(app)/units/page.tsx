import type { Metadata } from 'next'
import { ExportLink } from '@/components/ui/export-link'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { searchUnits } from '@/lib/server/org/queries'
import { ZUnitListQuery } from '@/lib/schemas/org'
import { getT } from '@/lib/i18n/server'
import { Badge, EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { SearchForm } from '@/components/ui/search-form'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('units.title') }
}

/** Search every unit of the caller's subtree at any depth (name, code, sub-district). */
export default async function UnitsSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('org.browse')
  const t = await getT()
  const query = ZUnitListQuery.parse(await searchParams)
  const result = query.q ? await searchUnits(scope, query.q, query.page, 20) : null
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('units.title')}
        actions={
          <>
            {query.q ? <ExportLink t={t} href={`/api/exports/units?q=${encodeURIComponent(query.q)}`} /> : null}
          </>
        }
      />
      <SearchForm q={query.q} placeholder={t('units.placeholder')} submitLabel={t('common.search')} />
      {!result ? (
        <p className="text-sm text-stone-600">{t('units.hint')}</p>
      ) : result.rows.length === 0 ? (
        <EmptyState title={t('unit.noMatch')} />
      ) : (
        <>
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {result.rows.map((u) => (
              <li key={u.id} className="px-3 py-2" data-testid="search-row">
                <Link href={`/units/${u.id}`} className="font-medium text-brand-700 hover:underline">
                  {u.name}
                </Link>{' '}
                <Badge>{t(`level.${u.level}`)}</Badge> {u.pilot ? <Badge tone="brand">{t('unit.pilot')}</Badge> : null}
                <span className="block text-xs text-stone-500">
                  {[u.trail, u.subDistrict].filter(Boolean).join(' · ')} · {u.code}
                </span>
              </li>
            ))}
          </ul>
          <Pagination
            t={t}
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
            hrefFor={(p) => `/units?${new URLSearchParams({ q: query.q ?? '', page: String(p) })}`}
          />
        </>
      )}
    </div>
  )
}
