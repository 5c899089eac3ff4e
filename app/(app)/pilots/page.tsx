import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { listPilots } from '@/lib/server/projects/pilot-tasks'
import { getT } from '@/lib/i18n/server'
import { EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { SearchForm } from '@/components/ui/search-form'
import { FourTaskBadges } from '@/components/projects/four-tasks'
import { queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'
import { ZPilotListQuery } from '@/lib/schemas/org'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('pilots.title') }
}

/** Officials: every pilot of their subtree with its four tasks, derived from live data. */
export default async function PilotsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('org.browse')
  const t = await getT()
  const query = ZPilotListQuery.parse(await searchParams)
  const list = await listPilots(scope, { ...query, pageSize: 30 })
  const [m1, m2, m3, m4] = list.summary.met
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'name', label: t('unit.colName'), slot: 'title', sort: 'asc', cell: (p) => <Link href={`/units/${p.id}`} className="data-title">{p.name}</Link> },
    { id: 'tasks', label: t('pilots.fourTasks'), slot: 'end', cell: (p) => <FourTaskBadges t={t} tasks={p.tasks} compact /> },
    { id: 'place', label: t('unit.trail'), sort: 'asc', cell: (p) => [p.parent?.parent?.name, p.parent?.name, p.subDistrict].filter(Boolean).join(' · ') },
    { id: 'batch', label: t('unit.pilotBatch'), sort: 'asc', cell: (p) => p.pilotBatch },
    { id: 'elapsed', label: t('pilots.elapsed'), cell: (p) => `${t('pilots.elapsed')} ${Math.round(p.elapsed * 100)}%` },
  ]
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('pilots.title')}
        description={<span data-testid="pilots-summary">{t('pilots.summary', { pilots: list.summary.pilots, m1, m2, m3, m4 })}</span>}
        exportLink={{ t, href: `/api/exports/pilots${queryString({ q: query.q, unit: query.unit })}` }}
      />
      <SearchForm q={query.q} keep={{ sort: query.sort, dir: query.dir }} placeholder={t('pilots.search')} submitLabel={t('common.search')}>
        {query.unit ? <input type="hidden" name="unit" value={query.unit} /> : null}
      </SearchForm>
      <DataList
        t={t}
        label={t('pilots.title')}
        testId="pilots-list"
        rows={list.rows}
        rowKey={(p) => p.id}
        columns={columns}
        path="/pilots"
        query={query}
        defaultSort={{ id: 'place', dir: 'asc' }}
        paging={list}
        empty={<EmptyState title={query.q || query.unit ? t('pilots.noMatch') : t('pilots.empty')} />}
      />
    </div>
  )
}
