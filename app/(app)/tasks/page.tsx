import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('tasks.title') }
}

const ZQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) })

/** Volunteers: open tasks to sign up for (phone-first). Staff and officials: the tasks of their area. */
export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('task.read')
  const t = await getT()
  const locale = await getLocale()
  const { page } = ZQuery.parse(await searchParams)
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
  const list = await listTasks(scope, { page, pageSize: 20 })
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('tasks.title')}
        actions={
          <>
            <a className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm" href="/api/tasks/export">
              {t('common.export')}
            </a>
          </>
        }
      />
      {list.rows.length === 0 ? (
        <EmptyState title={t('tasks.staffEmpty')}>{t('tasks.staffEmptyHint')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {list.rows.map((task) => (
            <li key={task.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-3">
              <div>
                <Link href={`/tasks/${task.id}`} className="font-medium text-brand-700 hover:underline">
                  {task.title}
                </Link>
                <p className="text-xs text-stone-500">
                  {task.orgUnit.name} · {formatDateTime(locale, task.startsAt)} · {task.place} · {task.taken}/{task.slots}
                </p>
              </div>
              <StatusBadge t={t} kind="taskStatus" status={task.status} />
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(p) => `/tasks?page=${p}`} />
    </div>
  )
}
