import type { Metadata } from 'next'
import { ExportLink } from '@/components/ui/export-link'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
import { requirePermission } from '@/lib/server/auth/session'
import { listPilots } from '@/lib/server/projects/pilot-tasks'
import { getT } from '@/lib/i18n/server'
import { EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { SearchForm } from '@/components/ui/search-form'
import { FourTaskBadges } from '@/components/projects/four-tasks'
import { queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

const ZQuery = z.object({ q: z.string().trim().max(50).optional().catch(undefined), unit: z.uuid().optional().catch(undefined), page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) })

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('pilots.title') }
}

/** Officials: every pilot of their subtree with its four tasks, derived from live data. */
export default async function PilotsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('org.browse')
  const t = await getT()
  const query = ZQuery.parse(await searchParams)
  const list = await listPilots(scope, { ...query, pageSize: 30 })
  const [m1, m2, m3, m4] = list.summary.met
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <PageHeader title={t('pilots.title')} />
          <p className="text-sm text-stone-600" data-testid="pilots-summary">
            {t('pilots.summary', { pilots: list.summary.pilots, m1, m2, m3, m4 })}
          </p>
        </div>
        <ExportLink t={t} href={`/api/exports/pilots${queryString({ q: query.q, unit: query.unit })}`} />
      </div>
      <SearchForm q={query.q} placeholder={t('pilots.search')} submitLabel={t('common.search')}>
        {query.unit ? <input type="hidden" name="unit" value={query.unit} /> : null}
      </SearchForm>
      {list.rows.length === 0 ? (
        <EmptyState title={query.q || query.unit ? t('pilots.noMatch') : t('pilots.empty')} />
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="pilots-list">
          {list.rows.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-3">
              <div className="min-w-0">
                <Link href={`/units/${p.id}`} className="font-medium text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <p className="text-xs text-stone-500">
                  {[p.parent?.parent?.name, p.parent?.name, p.subDistrict].filter(Boolean).join(' · ')} · {p.pilotBatch} · {t('pilots.elapsed')} {Math.round(p.elapsed * 100)}%
                </p>
              </div>
              <FourTaskBadges t={t} tasks={p.tasks} compact />
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/pilots${queryString({ q: query.q, unit: query.unit, page })}`} />
    </div>
  )
}
