import type { Metadata } from 'next'
import { ExportLink } from '@/components/ui/export-link'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listProjects } from '@/lib/server/projects/projects'
import { PROJECT_STATUSES } from '@/lib/schemas/projects'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { LinkButton } from '@/components/ui/button'
import { Pagination } from '@/components/ui/pagination'
import { StatusBadge } from '@/components/workflow/status-badge'
import { queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

const ZQuery = z.object({ status: z.enum(PROJECT_STATUSES).optional().catch(undefined), unit: z.uuid().optional().catch(undefined), page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) })

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('projects.title') }
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('project.read')
  const t = await getT()
  const locale = await getLocale()
  const query = ZQuery.parse(await searchParams)
  const list = await listProjects(scope, { ...query, pageSize: 20 })
  const tab = (status: (typeof PROJECT_STATUSES)[number] | undefined, label: string) => (
    <Link
      key={status ?? 'all'}
      href={`/projects${queryString({ status, unit: query.unit })}`}
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
        actions={
          <>
            <ExportLink t={t} href={`/api/exports/projects${queryString({ status: query.status, unit: query.unit })}`} />
            {can(scope, 'project.manage') ? <LinkButton href="/projects/new">{t('projects.new')}</LinkButton> : null}
          </>
        }
      />
      <nav className="flex flex-wrap gap-2" aria-label={t('field.status')}>
        {tab(undefined, t('common.all'))}
        {PROJECT_STATUSES.map((s) => tab(s, t(`projectStatus.${s}`)))}
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState title={query.status || query.unit ? t('projects.noMatch') : t('projects.empty')}>{query.status || query.unit ? null : t('projects.emptyHint')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="projects-list">
          {list.rows.map((p) => (
            <li key={p.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-3">
              <div className="min-w-0">
                <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                  {p.name}
                </Link>{' '}
                {p.brand ? <Badge>{p.brand}</Badge> : null}
                <p className="mt-0.5 text-xs text-stone-500">
                  {p.orgUnit.name} · {p.lead.name} · {t(`fundingSource.${p.fundingSource}`)} ¥{(p.fundingFen / 100).toFixed(2)} · {formatDate(locale, p.startDate)} – {formatDate(locale, p.endDate)}
                </p>
              </div>
              <StatusBadge t={t} kind="projectStatus" status={p.status} />
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/projects${queryString({ ...query, page })}`} />
    </div>
  )
}
