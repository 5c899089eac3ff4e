import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listOpenTasks, listTasks, serviceMinutesOf } from '@/lib/server/workflow/tasks'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { StatusBadge } from '@/components/workflow/status-badge'
import { TaskCard } from '@/components/workflow/task-card'
import { PageHeader } from '@/components/ui/page-header'
import { DataList, type Column } from '@/components/ui/data-list'
import { ZTaskListQuery } from '@/lib/schemas/workflow'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('tasks.title') }
}

/** Volunteers: open tasks to sign up for (phone-first). Staff and officials: the tasks of their area. */
export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('task.read')
  const t = await getT()
  const locale = await getLocale()
  const query = ZTaskListQuery.parse(await searchParams)
  const { page } = query
  if (can(scope, 'task.signup')) {
    const [open, hours] = await Promise.all([listOpenTasks(scope, { page }), serviceMinutesOf(scope)])
    return (
      <div className="mx-auto max-w-md space-y-3">
        <PageHeader title={t('tasks.title')} />
        <p className="text-sm text-stone-600" data-testid="my-hours">
          {t('tasks.myHours', { hours: hours.hours, tasks: hours.tasks })}
        </p>
        {open.rows.length === 0 ? <EmptyState title={t('tasks.empty')}>{t('tasks.emptyHint')}</EmptyState> : open.rows.map((task) => <TaskCard key={task.id} t={t} locale={locale} task={task} />)}
        {open.pageCount > 1 ? <Pagination t={t} page={open.page} pageCount={open.pageCount} total={open.total} hrefFor={(p) => `/tasks?page=${p}`} /> : null}
      </div>
    )
  }
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
