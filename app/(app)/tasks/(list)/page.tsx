import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listOpenTasks, listTasks, openTaskFilters, serviceMinutesOf } from '@/lib/server/workflow/tasks'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { StatusBadge } from '@/components/workflow/status-badge'
import { TaskCard } from '@/components/workflow/task-card'
import { PageHeader } from '@/components/ui/page-header'
import { DataList, type Column } from '@/components/ui/data-list'
import { ZOpenTaskQuery, ZTaskListQuery } from '@/lib/schemas/workflow'
import { FilterSelect, queryString } from '@/components/workflow/filters'
import { buttonClass } from '@/components/ui/button'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('tasks.title') }
}

/** Volunteers: open tasks to sign up for (phone-first). Staff and officials: the tasks of their area. */
export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('task.read')
  const t = await getT()
  const locale = await getLocale()
  const raw = await searchParams
  if (can(scope, 'task.signup')) {
    const f = ZOpenTaskQuery.parse(raw)
    const [open, hours, options] = await Promise.all([listOpenTasks(scope, f), serviceMinutesOf(scope), openTaskFilters(scope)])
    const filtered = Boolean(f.q || f.when || f.on || f.category || f.team || f.free)
    const keep = { q: f.q, on: f.on, category: f.category, team: f.team, free: f.free }
    const whens = [
      { when: undefined, label: t('tasks.filter.all') },
      { when: 'today', label: t('tasks.filter.today') },
      { when: 'week', label: t('tasks.filter.week') },
      { when: 'weekend', label: t('tasks.filter.weekend') },
    ] as const
    return (
      <div className="mx-auto max-w-md space-y-3">
        <PageHeader title={t('tasks.title')} />
        <p className="text-sm text-stone-600" data-testid="my-hours">
          {t('tasks.myHours', { hours: hours.hours, tasks: hours.tasks })}
        </p>
        <nav aria-label={t('tasks.filter.when')} className="segmented" data-testid="task-when">
          {whens.map((w) => (
            <Link key={w.label} href={`/tasks${queryString({ ...keep, on: undefined, when: w.when })}`} aria-current={!f.on && f.when === w.when ? 'page' : undefined}>
              {w.label}
            </Link>
          ))}
        </nav>
        <details className="rounded-lg border border-stone-200 bg-white p-3" open={Boolean(f.q || f.on || f.category || f.team || f.free) || undefined}>
          <summary className="cursor-pointer text-sm font-medium">{t('tasks.filter.more')}</summary>
          <form method="get" action="/tasks" role="search" className="mt-3 grid gap-2" data-testid="task-filters">
            {f.when && !f.on ? <input type="hidden" name="when" value={f.when} /> : null}
            <input type="search" name="q" defaultValue={f.q ?? ''} placeholder={t('tasks.filter.search')} aria-label={t('tasks.filter.search')} className="min-h-10 rounded-md border border-stone-300 bg-white px-3 text-base" />
            <label className="flex items-center gap-2 text-sm text-stone-700">
              {t('tasks.filter.on')}
              <input type="date" name="on" defaultValue={f.on ?? ''} className="min-h-10 flex-1 rounded-md border border-stone-300 bg-white px-2" />
            </label>
            <FilterSelect name="category" label={t('tasks.filter.category')} value={f.category} allLabel={t('tasks.filter.any')} options={options.categories.map((c) => ({ value: c.id, label: c.name }))} />
            <FilterSelect name="team" label={t('tasks.filter.team')} value={f.team} allLabel={t('tasks.filter.any')} options={options.teams.map((c) => ({ value: c.id, label: c.name }))} />
            <label className="flex items-center gap-2 text-sm text-stone-700">
              <input type="checkbox" name="free" value="1" defaultChecked={Boolean(f.free)} className="size-4" />
              {t('tasks.filter.free')}
            </label>
            <div className="flex items-center gap-3">
              <button type="submit" className={buttonClass('secondary')}>
                {t('tasks.filter.apply')}
              </button>
              {filtered ? (
                <Link href="/tasks" className="text-sm text-brand-700 underline">
                  {t('tasks.filter.clear')}
                </Link>
              ) : null}
            </div>
          </form>
        </details>
        {filtered ? (
          <p className="text-sm text-stone-600" role="status" data-testid="task-count">
            {t('tasks.filter.count', { count: open.total })}
          </p>
        ) : null}
        {open.rows.length === 0 ? (
          filtered ? (
            <EmptyState title={t('tasks.filter.none')}>
              <Link href="/tasks" className="text-brand-700 underline">
                {t('tasks.filter.clear')}
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title={t('tasks.empty')}>{t('tasks.emptyHint')}</EmptyState>
          )
        ) : (
          open.rows.map((task) => <TaskCard key={task.id} t={t} locale={locale} task={task} />)
        )}
        {open.pageCount > 1 ? <Pagination t={t} page={open.page} pageCount={open.pageCount} total={open.total} hrefFor={(p) => `/tasks${queryString({ ...keep, when: f.when, page: p })}`} /> : null}
      </div>
    )
  }
  const query = ZTaskListQuery.parse(raw)
  const list = await listTasks(scope, { ...query, pageSize: 20 })
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'title', label: t('field.title'), slot: 'title', sort: 'asc', cell: (task) => <Link href={`/tasks/${task.id}`} className="data-title">{task.title}</Link> },
    { id: 'status', label: t('field.status'), slot: 'end', cell: (task) => <StatusBadge t={t} kind="taskStatus" status={task.status} /> },
    { id: 'unit', label: t('field.community'), cell: (task) => task.orgUnit.name },
    { id: 'starts', label: t('field.startsAt'), sort: 'desc', cell: (task) => formatDateTime(locale, task.startsAt) },
    { id: 'place', label: t('field.place'), cell: (task) => task.place },
    { id: 'slots', label: t('field.slots'), sort: 'desc', cell: (task) => `${task.taken}/${task.slots}` },
  ]
  return (
    <div className="space-y-4">
      <PageHeader title={t('tasks.title')} exportLink={{ t, href: '/api/tasks/export' }} />
      <DataList
        t={t}
        label={t('tasks.title')}
        testId="tasks-list"
        rows={list.rows}
        rowKey={(task) => task.id}
        columns={columns}
        path="/tasks"
        query={query}
        defaultSort={{ id: 'starts', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={t('tasks.staffEmpty')}>{t('tasks.staffEmptyHint')}</EmptyState>}
      />
    </div>
  )
}
