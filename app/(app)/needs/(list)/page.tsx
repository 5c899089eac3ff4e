import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { countNeedsByStatus, listNeeds } from '@/lib/server/workflow/needs'
import { listCategories } from '@/lib/server/workflow/categories'
import { NEED_STATUSES, TARGET_GROUPS, URGENCIES, ZNeedListQuery } from '@/lib/schemas/workflow'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { SearchForm } from '@/components/ui/search-form'
import { LinkButton } from '@/components/ui/button'
import { StatusBadge } from '@/components/workflow/status-badge'
import { FilterSelect, queryString, DateRangeInputs } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('needs.title') }
}

/** 需求清单: the community's own list, or an official's whole subtree. */
export default async function NeedsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('need.read')
  const t = await getT()
  const locale = await getLocale()
  const query = ZNeedListQuery.parse(await searchParams)
  const [list, categories, counts] = await Promise.all([listNeeds(scope, query), listCategories(scope), countNeedsByStatus(scope)])
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)
  const filtered = Boolean(query.q || query.status || query.categoryId || query.targetGroup || query.urgency || query.from || query.to || query.unit)
  const qs = queryString({ ...query, page: undefined, pageSize: undefined })
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'title', label: t('field.title'), slot: 'title', cell: (n) => <Link href={`/needs/${n.id}`} className="data-title">{n.title}</Link> },
    { id: 'status', label: t('field.status'), slot: 'end', cell: (n) => <StatusBadge t={t} kind="needStatus" status={n.status} /> },
    { id: 'community', label: t('field.community'), cell: (n) => n.community.name },
    { id: 'category', label: t('field.category'), cell: (n) => n.category.name },
    { id: 'targetGroup', label: t('field.targetGroup'), cell: (n) => t(`targetGroup.${n.targetGroup}`) },
    { id: 'urgency', label: t('field.urgency'), sort: 'desc', cell: (n) => t(`urgency.${n.urgency}`) },
    { id: 'people', label: t('field.peopleAffected'), sort: 'desc', cell: (n) => t('needs.people', { count: n.peopleAffected }) },
    { id: 'created', label: t('field.createdAt'), sort: 'desc', cell: (n) => formatDate(locale, n.createdAt) },
  ]
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('needs.title')}
        description={<span data-testid="needs-summary">{t('needs.summary', { total, dispatched: (counts.DISPATCHED ?? 0) + (counts.IN_SERVICE ?? 0), resolved: (counts.RESOLVED ?? 0) + (counts.CLOSED ?? 0) })}</span>}
        exportLink={{ t, href: `/api/needs/export${qs}` }}
        actions={
          can(scope, 'need.record') ? (
            <>
              <LinkButton href="/needs/import" variant="secondary">
                {t('common.import')}
              </LinkButton>
              <LinkButton href="/needs/new">{t('needs.new')}</LinkButton>
            </>
          ) : null
        }
      />
      <SearchForm q={query.q} keep={{ sort: query.sort, dir: query.dir }} placeholder={t('field.keyword')} submitLabel={t('common.filter')}>
        {query.unit ? <input type="hidden" name="unit" value={query.unit} /> : null}
        <FilterSelect name="status" label={t('field.status')} value={query.status} allLabel={t('common.all')} options={NEED_STATUSES.map((s) => ({ value: s, label: t(`needStatus.${s}`) }))} />
        <FilterSelect name="categoryId" label={t('field.category')} value={query.categoryId} allLabel={t('common.all')} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect name="targetGroup" label={t('field.targetGroup')} value={query.targetGroup} allLabel={t('common.all')} options={TARGET_GROUPS.map((s) => ({ value: s, label: t(`targetGroup.${s}`) }))} />
        <FilterSelect name="urgency" label={t('field.urgency')} value={query.urgency} allLabel={t('common.all')} options={URGENCIES.map((s) => ({ value: s, label: t(`urgency.${s}`) }))} />
        <DateRangeInputs from={query.from} to={query.to} fromLabel={t('field.from')} toLabel={t('field.to')} />
        {filtered ? (
          <Link href="/needs" className="self-center text-sm text-brand-700 underline">
            {t('common.reset')}
          </Link>
        ) : null}
      </SearchForm>
      <DataList
        t={t}
        label={t('needs.title')}
        testId="needs-list"
        rows={list.rows}
        rowKey={(n) => n.id}
        columns={columns}
        path="/needs"
        query={{ ...query, pageSize: undefined }}
        defaultSort={{ id: 'created', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={filtered ? t('needs.noMatch') : t('needs.empty')}>{filtered ? null : t('needs.emptyHint')}</EmptyState>}
      />
    </div>
  )
}
