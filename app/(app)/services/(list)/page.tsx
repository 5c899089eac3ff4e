import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
import { requirePermission } from '@/lib/server/auth/session'
import { listServiceItems } from '@/lib/server/workflow/services'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { SearchForm } from '@/components/ui/search-form'
import { StatusBadge } from '@/components/workflow/status-badge'
import { queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'
import { listSort } from '@/lib/schemas/list'
import { SERVICE_SORTS } from '@/lib/schemas/workflow'

const ZQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  ...listSort(SERVICE_SORTS),
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
  const locale = await getLocale()
  const list = await listServiceItems(scope, { ...query, pageSize: 20 })
  const columns: Column<(typeof list.rows)[number]>[] = [
    {
      id: 'title',
      label: t('field.title'),
      slot: 'title',
      sort: 'asc',
      cell: (s) => (
        <>
          <Link href={`/services/${s.id}`} className="data-title">
            {s.title}
          </Link>{' '}
          <Badge>{s.category.name}</Badge>
        </>
      ),
    },
    {
      id: 'status',
      label: t('field.status'),
      slot: 'end',
      cell: (s) => (s.orders.length ? s.orders.map((o) => <StatusBadge key={o.id} t={t} kind="orderStatus" status={o.status} />) : s.need ? <StatusBadge t={t} kind="needStatus" status={s.need.status} /> : null),
    },
    { id: 'community', label: t('field.community'), cell: (s) => s.orgUnit.name },
    { id: 'resources', label: t('field.resources'), cell: (s) => s.resources.map((r) => r.providerName).join('、') || t('common.none') },
    { id: 'created', label: t('field.createdAt'), sort: 'desc', cell: (s) => formatDate(locale, s.createdAt) },
  ]
  return (
    <div className="space-y-4">
      <PageHeader title={t('services.title')} exportLink={{ t, href: `/api/services/export${queryString({ q: query.q })}` }} />
      <SearchForm q={query.q} keep={{ sort: query.sort, dir: query.dir }} placeholder={t('field.keyword')} submitLabel={t('common.search')} />
      <DataList
        t={t}
        label={t('services.title')}
        testId="services-list"
        rows={list.rows}
        rowKey={(s) => s.id}
        columns={columns}
        path="/services"
        query={query}
        defaultSort={{ id: 'created', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={query.q ? t('services.noMatch') : t('services.empty')}>{query.q ? null : t('services.emptyHint')}</EmptyState>}
      />
    </div>
  )
}
