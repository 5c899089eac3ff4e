import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listAgencies } from '@/lib/server/people/agencies'
import { AGENCY_KINDS, ZAgencyListQuery } from '@/lib/schemas/talent'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { LinkButton } from '@/components/ui/button'
import { DataList, type Column } from '@/components/ui/data-list'
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
  const locale = await getLocale()
  const query = ZAgencyListQuery.parse(await searchParams)
  const list = await listAgencies(scope, query)
  const filtered = Boolean(query.q || query.kind)
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'name', label: t('agency.field.name'), slot: 'title', sort: 'asc', cell: (a) => <Link href={`/agencies/${a.id}`} className="data-title">{a.name}</Link> },
    { id: 'kind', label: t('agency.field.kind'), slot: 'end', cell: (a) => <Badge>{t(`agencyKind.${a.kind}`)}</Badge> },
    { id: 'staff', label: t('agency.staff'), slot: 'end', cell: (a) => <span className="text-stone-600">{t('agency.staffCount', { count: a.staff })}</span> },
    { id: 'unit', label: t('agency.field.unit'), cell: (a) => t('agency.registeredAt', { unit: a.orgUnit.name }) },
    { id: 'created', label: t('field.createdAt'), sort: 'desc', cell: (a) => formatDate(locale, a.createdAt) },
  ]
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('agency.title')}
        description={t('agency.intro')}
        exportLink={{ t, href: `/api/exports/agencies${queryString({ q: query.q, kind: query.kind })}` }}
        actions={can(scope, 'agency.manage') ? <LinkButton href="/agencies/new">{t('agency.new')}</LinkButton> : null}
      />
      <SearchForm q={query.q} keep={{ sort: query.sort, dir: query.dir }} placeholder={t('agency.search')} submitLabel={t('common.filter')}>
        <FilterSelect name="kind" label={t('agency.filter.kind')} value={query.kind} allLabel={t('common.all')} options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))} />
        {filtered ? (
          <Link href="/agencies" className="self-center text-sm text-brand-700 underline">
            {t('common.reset')}
          </Link>
        ) : null}
      </SearchForm>
      <DataList
        t={t}
        label={t('agency.title')}
        testId="agency-list"
        rows={list.rows}
        rowKey={(a) => a.id}
        columns={columns}
        path="/agencies"
        query={{ ...query, pageSize: undefined }}
        defaultSort={{ id: 'name', dir: 'asc' }}
        paging={list}
        empty={<EmptyState title={filtered ? t('agency.noMatch') : t('agency.empty')} />}
      />
    </div>
  )
}
