import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
import { requireScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listPracticeCases } from '@/lib/server/projects/practice'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { LinkButton } from '@/components/ui/button'
import { DataList, type Column } from '@/components/ui/data-list'
import { SearchForm } from '@/components/ui/search-form'
import { StatusBadge } from '@/components/workflow/status-badge'
import { queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

const ZQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  view: z.enum(['library', 'review']).catch('library').default('library'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('practice.title') }
}

/** The shared library of published practice cases (every user of the tenant), and cases in review for those who follow them. */
export default async function PracticePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope()
  const t = await getT()
  const locale = await getLocale()
  const query = ZQuery.parse(await searchParams)
  const review = query.view === 'review' && can(scope, 'practice.read')
  const list = await listPracticeCases(scope, { library: !review, q: query.q, page: query.page, pageSize: 20 })
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'title', label: t('field.title'), slot: 'title', cell: (c) => <Link href={`/practice/${c.id}`} className="data-title">{c.title}</Link> },
    { id: 'status', label: t('field.status'), slot: 'end', cell: (c) => <StatusBadge t={t} kind="practiceStatus" status={c.status} /> },
    { id: 'county', label: t('level.BANNER_COUNTY'), cell: (c) => c.orgUnit.parent?.name },
    { id: 'subDistrict', label: t('unit.subDistrict'), cell: (c) => c.orgUnit.subDistrict },
    { id: 'community', label: t('level.COMMUNITY'), cell: (c) => c.orgUnit.name },
    { id: 'published', label: t('practiceStatus.PUBLISHED'), cell: (c) => (c.publishedAt ? t('practice.publishedAt', { date: formatDate(locale, c.publishedAt) }) : null) },
    { id: 'project', label: t('practice.project'), cell: (c) => (c.project ? <Badge>{c.project.brand ?? c.project.name}</Badge> : null) },
    { id: 'results', label: t('field.results'), slot: 'detail', cell: (c) => <p className="line-clamp-2 text-stone-700">{c.results}</p> },
  ]
  const tab = (view: 'library' | 'review', label: string) => (
    <Link href={`/practice${queryString({ view: view === 'library' ? undefined : view })}`} aria-current={(review ? 'review' : 'library') === view ? 'page' : undefined} className={`rounded-md px-3 py-1.5 text-sm ${(review ? 'review' : 'library') === view ? 'bg-stone-800 text-white' : 'border border-stone-300 bg-white text-stone-700'}`}>
      {label}
    </Link>
  )
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('practice.title')}
        exportLink={{ t, href: `/api/exports/practice?view=${review ? 'review' : 'library'}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}` }}
        actions={can(scope, 'practice.write') ? <LinkButton href="/practice/new">{t('practice.new')}</LinkButton> : null}
      />
      {can(scope, 'practice.read') ? (
        <nav className="flex gap-2">
          {tab('library', t('practice.library'))}
          {tab('review', t('practice.inProgress'))}
        </nav>
      ) : null}
      <SearchForm q={query.q} placeholder={t('practice.search')} submitLabel={t('common.search')}>
        {review ? <input type="hidden" name="view" value="review" /> : null}
      </SearchForm>
      <DataList
        t={t}
        label={review ? t('practice.inProgress') : t('practice.library')}
        testId="practice-list"
        rows={list.rows}
        rowKey={(c) => c.id}
        columns={columns}
        path="/practice"
        query={{ q: query.q, view: review ? 'review' : undefined, page: query.page }}
        paging={list}
        empty={<EmptyState title={query.q ? t('practice.noMatch') : t('practice.empty')}>{query.q ? null : t('practice.emptyHint')}</EmptyState>}
      />
    </div>
  )
}
