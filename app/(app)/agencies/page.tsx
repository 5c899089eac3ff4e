import type { Metadata } from 'next'
import { ExportLink } from '@/components/ui/export-link'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listAgencies } from '@/lib/server/people/agencies'
import { AGENCY_KINDS, ZAgencyListQuery } from '@/lib/schemas/talent'
import { getT } from '@/lib/i18n/server'
import { Badge, EmptyState } from '@/components/ui/card'
import { LinkButton } from '@/components/ui/button'
import { Pagination } from '@/components/ui/pagination'
import { SearchForm } from '@/components/ui/search-form'
import { FilterSelect, queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('agency.title') }
}

/** 社工机构 and other social organisations registered in the caller's area, or with staff working there. */
export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('talent.read')
  const t = await getT()
  const query = ZAgencyListQuery.parse(await searchParams)
  const list = await listAgencies(scope, query)
  const filtered = Boolean(query.q || query.kind)
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <PageHeader title={t('agency.title')} />
          <p className="text-sm text-stone-600">{t('agency.intro')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ExportLink t={t} href={`/api/exports/agencies${queryString({ q: query.q, kind: query.kind })}`} />
          {can(scope, 'agency.manage') ? <LinkButton href="/agencies/new">{t('agency.new')}</LinkButton> : null}
        </div>
      </div>
      <SearchForm q={query.q} placeholder={t('agency.search')} submitLabel={t('common.filter')}>
        <FilterSelect name="kind" label={t('agency.filter.kind')} value={query.kind} allLabel={t('common.all')} options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))} />
        {filtered ? (
          <Link href="/agencies" className="self-center text-sm text-brand-700 underline">
            {t('common.reset')}
          </Link>
        ) : null}
      </SearchForm>
      {list.rows.length === 0 ? (
        <EmptyState title={filtered ? t('agency.noMatch') : t('agency.empty')} />
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="agency-list">
          {list.rows.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-3">
              <div className="min-w-0">
                <Link href={`/agencies/${a.id}`} className="font-medium text-brand-700 hover:underline">
                  {a.name}
                </Link>{' '}
                <Badge>{t(`agencyKind.${a.kind}`)}</Badge>
                <p className="mt-0.5 text-xs text-stone-500">{t('agency.registeredAt', { unit: a.orgUnit.name })}</p>
              </div>
              <span className="text-sm text-stone-600">{t('agency.staffCount', { count: a.staff })}</span>
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/agencies${queryString({ ...query, page, pageSize: undefined })}`} />
    </div>
  )
}
