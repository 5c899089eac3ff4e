import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
import { requirePermission } from '@/lib/server/auth/session'
import { claimableTeams, countOrdersByStatus, listOrders } from '@/lib/server/workflow/orders'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { StatusBadge } from '@/components/workflow/status-badge'
import { ClaimButtons } from '@/components/workflow/claim-buttons'
import { queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'
import { listSort } from '@/lib/schemas/list'
import { ORDER_SORTS } from '@/lib/schemas/workflow'

const STATUSES = ['DISPATCHED', 'CLAIMED', 'DECLINED'] as const
const ZQuery = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  ...listSort(ORDER_SORTS),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('orders.title') }
}

/** 派单接单: dispatched orders of the subtree; unclaimed ones stand out; teams claim from here. */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('order.read')
  const t = await getT()
  const locale = await getLocale()
  const query = ZQuery.parse(await searchParams)
  const [list, counts, mine] = await Promise.all([listOrders(scope, { ...query, pageSize: 20 }), countOrdersByStatus(scope), claimableTeams(scope)])
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'title', label: t('field.title'), slot: 'title', sort: 'asc', cell: (o) => <Link href={`/orders/${o.id}`} className="data-title">{o.serviceItem.title}</Link> },
    { id: 'status', label: t('field.status'), slot: 'end', cell: (o) => <StatusBadge t={t} kind="orderStatus" status={o.status} /> },
    { id: 'community', label: t('field.community'), cell: (o) => o.orgUnit.name },
    { id: 'team', label: t('field.team'), cell: (o) => o.team?.name ?? t('orders.openToAll') },
    { id: 'dispatched', label: t('orders.dispatchedAt'), sort: 'desc', cell: (o) => formatDateTime(locale, o.dispatchedAt) },
    { id: 'claimedBy', label: t('orders.claimedBy'), cell: (o) => (o.claimedByTeam ? `${t('orders.claimedBy')} ${o.claimedByTeam.name}` : null) },
    { id: 'claim', label: t('orders.claim'), slot: 'actions', cell: (o) => (o.claimFor.length ? <ClaimButtons t={t} orderId={o.id} teams={mine.filter((m) => o.claimFor.includes(m.id))} /> : null) },
  ]
  const tab = (status: (typeof STATUSES)[number] | undefined, label: string) => (
    <Link
      href={`/orders${queryString({ status, sort: query.sort, dir: query.dir })}`}
      aria-current={query.status === status ? 'page' : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${query.status === status ? 'bg-stone-800 text-white' : 'bg-white text-stone-700 border border-stone-300'}`}
    >
      {label}
    </Link>
  )
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('orders.title')}
        description={<span data-testid="orders-summary">{t('orders.summary', { total, claimed: counts.CLAIMED ?? 0, open: counts.DISPATCHED ?? 0 })}</span>}
        exportLink={{ t, href: `/api/orders/export${queryString({ status: query.status })}` }}
      />
      <nav className="flex flex-wrap gap-2" aria-label={t('field.status')}>
        {tab(undefined, t('common.all'))}
        {STATUSES.map((s) => tab(s, t(`orderStatus.${s}`)))}
      </nav>
      <DataList
        t={t}
        label={t('orders.title')}
        testId="orders-list"
        rows={list.rows}
        rowKey={(o) => o.id}
        columns={columns}
        path="/orders"
        query={query}
        defaultSort={{ id: 'dispatched', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={query.status ? t('orders.noMatch') : t('orders.empty')} />}
      />
    </div>
  )
}
