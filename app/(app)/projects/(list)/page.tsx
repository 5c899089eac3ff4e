import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listProjects } from '@/lib/server/projects/projects'
import { PROJECT_STATUSES, ZProjectListQuery } from '@/lib/schemas/projects'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { LinkButton } from '@/components/ui/button'
import { DataList, type Column } from '@/components/ui/data-list'
import { StatusBadge } from '@/components/workflow/status-badge'
import { queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('projects.title') }
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('project.read')
  const t = await getT()
  const locale = await getLocale()
  const query = ZProjectListQuery.parse(await searchParams)
  const list = await listProjects(scope, { ...query, pageSize: 20 })
  const columns: Column<(typeof list.rows)[number]>[] = [
    {
      id: 'name',
      label: t('field.name'),
      slot: 'title',
      cell: (p) => (
        <>
          <Link href={`/projects/${p.id}`} className="data-title">
            {p.name}
          </Link>{' '}
          {p.brand ? <Badge>{p.brand}</Badge> : null}
        </>
      ),
    },
    { id: 'status', label: t('field.status'), slot: 'end', cell: (p) => <StatusBadge t={t} kind="projectStatus" status={p.status} /> },
    { id: 'unit', label: t('field.community'), cell: (p) => p.orgUnit.name },
    { id: 'lead', label: t('projects.lead'), cell: (p) => p.lead.name },
    { id: 'funding', label: t('projects.funding'), sort: 'desc', cell: (p) => `${t(`fundingSource.${p.fundingSource}`)} ¥${(p.fundingFen / 100).toFixed(2)}` },
    { id: 'start', label: t('projects.period'), sort: 'desc', cell: (p) => `${formatDate(locale, p.startDate)} – ${formatDate(locale, p.endDate)}` },
    { id: 'updated', label: t('projects.updatedAt'), sort: 'desc', cell: (p) => formatDate(locale, p.updatedAt) },
  ]
  const tab = (status: (typeof PROJECT_STATUSES)[number] | undefined, label: string) => (
    <Link
      key={status ?? 'all'}
      href={`/projects${queryString({ status, unit: query.unit, sort: query.sort, dir: query.dir })}`}
      aria-current={query.status === status ? 'page' : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${query.status === status ? 'bg-stone-800 text-white' : 'border border-stone-300 bg-white text-stone-700'}`}
    >
      {label}
    </Link>
  )
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('projects.title')}
        exportLink={{ t, href: `/api/exports/projects${queryString({ status: query.status, unit: query.unit })}` }}
        actions={can(scope, 'project.manage') ? <LinkButton href="/projects/new">{t('projects.new')}</LinkButton> : null}
      />
      <nav className="flex flex-wrap gap-2" aria-label={t('field.status')}>
        {tab(undefined, t('common.all'))}
        {PROJECT_STATUSES.map((s) => tab(s, t(`projectStatus.${s}`)))}
      </nav>
      <DataList
        t={t}
        label={t('projects.title')}
        testId="projects-list"
        rows={list.rows}
        rowKey={(p) => p.id}
        columns={columns}
        path="/projects"
        query={query}
        defaultSort={{ id: 'updated', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={query.status || query.unit ? t('projects.noMatch') : t('projects.empty')}>{query.status || query.unit ? null : t('projects.emptyHint')}</EmptyState>}
      />
    </div>
  )
}
