import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listResources } from '@/lib/server/workflow/resources'
import { listCategories } from '@/lib/server/workflow/categories'
import { PROVIDER_KINDS, RESOURCE_TYPES, ZResourceListQuery } from '@/lib/schemas/workflow'
import { getT } from '@/lib/i18n/server'
import { Badge, EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
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
  const query = ZResourceListQuery.parse(await searchParams)
  const [list, categories] = await Promise.all([listResources(scope, query), listCategories(scope)])
  const filtered = Boolean(query.q || query.providerKind || query.type || query.categoryId)
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('resources.title')}
        actions={
          <>
            <a className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm" href={`/api/resources/export${queryString({ ...query, page: undefined, pageSize: undefined })}`}>
              {t('common.export')}
            </a>
            {can(scope, 'resource.manage') ? (
              <>
                <LinkButton href="/resources/import" variant="secondary">
                  {t('common.import')}
                </LinkButton>
                <LinkButton href="/resources/new">{t('resources.new')}</LinkButton>
              </>
            ) : null}
          </>
        }
      />
      <SearchForm q={query.q} placeholder={t('field.keyword')} submitLabel={t('common.filter')}>
        <FilterSelect name="providerKind" label={t('field.providerKind')} value={query.providerKind} allLabel={t('common.all')} options={PROVIDER_KINDS.map((v) => ({ value: v, label: t(`providerKind.${v}`) }))} />
        <FilterSelect name="type" label={t('field.resourceType')} value={query.type} allLabel={t('common.all')} options={RESOURCE_TYPES.map((v) => ({ value: v, label: t(`resourceType.${v}`) }))} />
        <FilterSelect name="categoryId" label={t('field.category')} value={query.categoryId} allLabel={t('common.all')} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
        {filtered ? (
          <Link href="/resources" className="self-center text-sm text-brand-700 underline">
            {t('common.reset')}
          </Link>
        ) : null}
      </SearchForm>
      {list.rows.length === 0 ? (
        <EmptyState title={filtered ? t('resources.noMatch') : t('resources.empty')}>{filtered ? null : t('resources.emptyHint')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="resources-list">
          {list.rows.map((r) => (
            <li key={r.id} className="px-3 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{r.providerName}</span>
                <Badge>{t(`providerKind.${r.providerKind}`)}</Badge>
                <Badge tone="green">{t(`resourceType.${r.type}`)}</Badge>
              </div>
              <p className="mt-0.5 text-xs text-stone-500">
                {r.community.name} · {r.categories.join('、')} · {t('field.capacity')} {r.capacity} · {r.availability}
                {r.contactName || r.contactPhone ? ` · ${[r.contactName, r.contactPhone].filter(Boolean).join(' ')}` : ''}
              </p>
              {r.description ? <p className="mt-1 text-sm text-stone-700">{r.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/resources${queryString({ ...query, page, pageSize: undefined })}`} />
    </div>
  )
}
