import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
import { requirePermission } from '@/lib/server/auth/session'
import { claimableTeams, countOrdersByStatus, listOrders } from '@/lib/server/workflow/orders'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { StatusBadge } from '@/components/workflow/status-badge'
import { ClaimButtons } from '@/components/workflow/claim-buttons'
import { queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

const STATUSES = ['DISPATCHED', 'CLAIMED', 'DECLINED'] as const
const ZQuery = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
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
  const tab = (status: (typeof STATUSES)[number] | undefined, label: string) => (
    <Link
      href={`/orders${queryString({ status })}`}
      aria-current={query.status === status ? 'page' : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${query.status === status ? 'bg-stone-800 text-white' : 'bg-white text-stone-700 border border-stone-300'}`}
    >
      {label}
    </Link>
  )
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <PageHeader title={t('orders.title')} />
          <p className="text-sm text-stone-600" data-testid="orders-summary">
            {t('orders.summary', { total, claimed: counts.CLAIMED ?? 0, open: counts.DISPATCHED ?? 0 })}
          </p>
        </div>
        <a className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm" href={`/api/orders/export${queryString({ status: query.status })}`}>
          {t('common.export')}
        </a>
      </div>
      <nav className="flex flex-wrap gap-2" aria-label={t('field.status')}>
        {tab(undefined, t('common.all'))}
        {STATUSES.map((s) => tab(s, t(`orderStatus.${s}`)))}
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState title={query.status ? t('orders.noMatch') : t('orders.empty')} />
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="orders-list">
          {list.rows.map((o) => (
            <li key={o.id} className="space-y-2 px-3 py-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link href={`/orders/${o.id}`} className="font-medium text-brand-700 hover:underline">
                    {o.serviceItem.title}
                  </Link>
                  <p className="mt-0.5 text-xs text-stone-500">
                    {o.orgUnit.name} · {o.team?.name ?? t('orders.openToAll')} · {formatDateTime(locale, o.dispatchedAt)}
                    {o.claimedByTeam ? ` · ${t('orders.claimedBy')} ${o.claimedByTeam.name}` : ''}
                  </p>
                </div>
                <StatusBadge t={t} kind="orderStatus" status={o.status} />
              </div>
              {o.claimFor.length ? <ClaimButtons t={t} orderId={o.id} teams={mine.filter((m) => o.claimFor.includes(m.id))} /> : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/orders${queryString({ ...query, page })}`} />
    </div>
  )
}
