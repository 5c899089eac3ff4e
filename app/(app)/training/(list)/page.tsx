import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listTrainingEvents } from '@/lib/server/people/training'
import { TRAINING_KINDS, ZTrainingListQuery } from '@/lib/schemas/talent'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { LinkButton } from '@/components/ui/button'
import { DataList, type Column } from '@/components/ui/data-list'
import { SearchForm } from '@/components/ui/search-form'
import { FilterSelect, queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('training.title') }
}

/** 实务能力培训 of the caller's subtree: lectures, exchanges, site visits, newest first. */
export default async function TrainingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('talent.read')
  const t = await getT()
  const locale = await getLocale()
  const query = ZTrainingListQuery.parse(await searchParams)
  const list = await listTrainingEvents(scope, query)
  const filtered = Boolean(query.q || query.kind)
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'title', label: t('training.field.title'), slot: 'title', cell: (e) => <Link href={`/training/${e.id}`} className="data-title">{e.title}</Link> },
    { id: 'kind', label: t('training.field.kind'), slot: 'end', cell: (e) => <Badge>{t(`trainingKind.${e.kind}`)}</Badge> },
    { id: 'hours', label: t('training.field.hours'), slot: 'end', sort: 'desc', numeric: true, cell: (e) => t('training.hours', { hours: e.hours }) },
    { id: 'attendees', label: t('training.field.attendees'), slot: 'end', sort: 'desc', numeric: true, cell: (e) => <span className="text-xs text-stone-500">{t('training.attendeeCount', { count: e.attendees })}</span> },
    { id: 'date', label: t('training.field.date'), sort: 'desc', cell: (e) => formatDate(locale, e.date) },
    { id: 'unit', label: t('training.field.unit'), cell: (e) => t('training.organiser', { unit: e.orgUnit.name }) },
  ]
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('training.title')}
        description={t('training.intro')}
        exportLink={{ t, href: `/api/exports/training${queryString({ q: query.q, kind: query.kind })}` }}
        actions={can(scope, 'training.manage') ? <LinkButton href="/training/new">{t('training.new')}</LinkButton> : null}
      />
      <SearchForm q={query.q} keep={{ sort: query.sort, dir: query.dir }} placeholder={t('training.search')} submitLabel={t('common.filter')}>
        <FilterSelect name="kind" label={t('training.filter.kind')} value={query.kind} allLabel={t('common.all')} options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`trainingKind.${k}`) }))} />
        {filtered ? (
          <Link href="/training" className="self-center text-sm text-brand-700 underline">
            {t('common.reset')}
          </Link>
        ) : null}
      </SearchForm>
      <DataList
        t={t}
        label={t('training.title')}
        testId="training-list"
        rows={list.rows}
        rowKey={(e) => e.id}
        columns={columns}
        path="/training"
        query={{ ...query, pageSize: undefined }}
        defaultSort={{ id: 'date', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={filtered ? t('training.noMatch') : t('training.empty')}>{filtered ? null : t('training.emptyHint')}</EmptyState>}
      />
    </div>
  )
}
