import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
import { requirePermission } from '@/lib/server/auth/session'
import { listServiceItems } from '@/lib/server/workflow/services'
import { getT } from '@/lib/i18n/server'
import { Badge, EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { SearchForm } from '@/components/ui/search-form'
import { StatusBadge } from '@/components/workflow/status-badge'
import { queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

const ZQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('services.title') }
}

/** 服务清单: the community's published menu of services. */
export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('service.read')
  const t = await getT()
  const query = ZQuery.parse(await searchParams)
  const list = await listServiceItems(scope, { ...query, pageSize: 20 })
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('services.title')}
        actions={
          <>
            <a className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm" href={`/api/services/export${queryString({ q: query.q })}`}>
              {t('common.export')}
            </a>
          </>
        }
      />
      <SearchForm q={query.q} placeholder={t('field.keyword')} submitLabel={t('common.search')} />
      {list.rows.length === 0 ? (
        <EmptyState title={query.q ? t('services.noMatch') : t('services.empty')}>{query.q ? null : t('services.emptyHint')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {list.rows.map((s) => (
            <li key={s.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-3">
              <div className="min-w-0">
                <Link href={`/services/${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.title}
                </Link>{' '}
                <Badge>{s.category.name}</Badge>
                <p className="mt-0.5 text-xs text-stone-500">
                  {s.orgUnit.name} · {s.resources.map((r) => r.providerName).join('、') || t('common.none')}
                </p>
              </div>
              <span className="flex flex-wrap gap-1">
                {s.orders.length ? s.orders.map((o) => <StatusBadge key={o.id} t={t} kind="orderStatus" status={o.status} />) : s.need ? <StatusBadge t={t} kind="needStatus" status={s.need.status} /> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/services${queryString({ ...query, page })}`} />
    </div>
  )
}
