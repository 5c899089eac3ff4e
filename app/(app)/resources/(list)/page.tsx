import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listResources } from '@/lib/server/workflow/resources'
import { listCategories } from '@/lib/server/workflow/categories'
import { PROVIDER_KINDS, RESOURCE_TYPES, ZResourceListQuery } from '@/lib/schemas/workflow'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { SearchForm } from '@/components/ui/search-form'
import { LinkButton } from '@/components/ui/button'
import { FilterSelect, queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('resources.title') }
}

/** 资源清单 of the caller's subtree; contacts masked for those who do not manage resources there. */
export default async function ResourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('resource.read')
  const t = await getT()
  const locale = await getLocale()
  const query = ZResourceListQuery.parse(await searchParams)
  const [list, categories] = await Promise.all([listResources(scope, query), listCategories(scope)])
  const filtered = Boolean(query.q || query.providerKind || query.type || query.categoryId)
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'name', label: t('field.providerName'), slot: 'title', sort: 'asc', cell: (r) => <span className="font-medium">{r.providerName}</span> },
    { id: 'providerKind', label: t('field.providerKind'), slot: 'end', cell: (r) => <Badge>{t(`providerKind.${r.providerKind}`)}</Badge> },
    { id: 'type', label: t('field.resourceType'), slot: 'end', cell: (r) => <Badge tone="green">{t(`resourceType.${r.type}`)}</Badge> },
    { id: 'community', label: t('field.community'), cell: (r) => r.community.name },
    { id: 'categories', label: t('field.categories'), cell: (r) => r.categories.join('、') },
    { id: 'capacity', label: t('field.capacity'), sort: 'desc', cell: (r) => `${t('field.capacity')} ${r.capacity}` },
    { id: 'availability', label: t('field.availability'), cell: (r) => r.availability },
    { id: 'contact', label: t('field.contactName'), cell: (r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') },
    { id: 'created', label: t('field.createdAt'), sort: 'desc', cell: (r) => formatDate(locale, r.createdAt) },
    { id: 'description', label: t('field.description'), slot: 'detail', cell: (r) => r.description },
  ]
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('resources.title')}
        exportLink={{ t, href: `/api/resources/export${queryString({ ...query, sort: undefined, dir: undefined, page: undefined, pageSize: undefined })}` }}
        actions={
          can(scope, 'resource.manage') ? (
            <>
              <LinkButton href="/resources/import" variant="secondary">
                {t('common.import')}
              </LinkButton>
              <LinkButton href="/resources/new">{t('resources.new')}</LinkButton>
            </>
          ) : null
        }
      />
      <SearchForm q={query.q} keep={{ sort: query.sort, dir: query.dir }} placeholder={t('field.keyword')} submitLabel={t('common.filter')}>
        <FilterSelect name="providerKind" label={t('field.providerKind')} value={query.providerKind} allLabel={t('common.all')} options={PROVIDER_KINDS.map((v) => ({ value: v, label: t(`providerKind.${v}`) }))} />
        <FilterSelect name="type" label={t('field.resourceType')} value={query.type} allLabel={t('common.all')} options={RESOURCE_TYPES.map((v) => ({ value: v, label: t(`resourceType.${v}`) }))} />
        <FilterSelect name="categoryId" label={t('field.category')} value={query.categoryId} allLabel={t('common.all')} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
        {filtered ? (
          <Link href="/resources" className="self-center text-sm text-brand-700 underline">
            {t('common.reset')}
          </Link>
        ) : null}
      </SearchForm>
      <DataList
        t={t}
        label={t('resources.title')}
        testId="resources-list"
        rows={list.rows}
        rowKey={(r) => r.id}
        columns={columns}
        path="/resources"
        query={{ ...query, pageSize: undefined }}
        defaultSort={{ id: 'created', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={filtered ? t('resources.noMatch') : t('resources.empty')}>{filtered ? null : t('resources.emptyHint')}</EmptyState>}
      />
    </div>
  )
}
