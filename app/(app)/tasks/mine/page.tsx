import type { Metadata } from 'next'
import { z } from 'zod'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { listMySignups } from '@/lib/server/workflow/tasks'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { toHours } from '@/lib/hours'
import { EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { StatusBadge } from '@/components/workflow/status-badge'
import { PageHeader } from '@/components/ui/page-header'
import { ActionForm } from '@/components/ui/action-form'
import { cancelSignupAction } from '../actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('mine.title') }
}

const ZQuery = z.object({
  when: z.enum(['upcoming', 'past']).catch('upcoming').default('upcoming'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

/**
 * 我的报名: the volunteer's own sign-ups — what is coming (confirmed or waitlisted, with the place on the
 * waitlist, an .ics to add it to the phone's calendar and a cancel while sign-up is open), and what was,
 * with the hours credited.
 */
export default async function MySignupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('task.signup')
  const t = await getT()
  const locale = await getLocale()
  const q = ZQuery.parse(await searchParams)
  const now = new Date()
  const list = await listMySignups(scope, q, now)
  const tabs = [
    { when: 'upcoming', label: t('mine.upcoming') },
    { when: 'past', label: t('mine.past') },
  ] as const
  return (
    <div className="mx-auto max-w-md space-y-3">
      <PageHeader title={t('mine.title')} />
      <nav aria-label={t('mine.title')} className="segmented">
        {tabs.map((tab) => (
          <Link key={tab.when} href={`/tasks/mine?when=${tab.when}`} aria-current={list.when === tab.when ? 'page' : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState title={list.when === 'upcoming' ? t('mine.emptyUpcoming') : t('mine.emptyPast')}>
          {list.when === 'upcoming' ? (
            <Link href="/tasks" className="text-brand-700 underline">
              {t('mine.findTasks')}
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <ul className="space-y-2" data-testid="my-signups">
          {list.rows.map((s) => (
            <li key={s.task.id} className="card task-card" data-testid="my-signup">
              <h2>
                <Link href={`/tasks/${s.task.id}`}>{s.task.title}</Link>
                {s.status === 'CANCELLED' || s.task.status === 'OPEN' ? <StatusBadge t={t} kind="signupStatus" status={s.status} /> : <StatusBadge t={t} kind="taskStatus" status={s.task.status} />}
              </h2>
              <p>{`${formatDateTime(locale, s.task.startsAt)} – ${formatDateTime(locale, s.task.endsAt)}`}</p>
              <p>{`${s.task.place} · ${s.task.orgUnit.name}`}</p>
              {s.checkOutAt ? <p>{t('mine.served', { hours: toHours(s.minutes ?? 0) })}</p> : s.checkInAt ? <p>{t('tasks.checkedIn')}</p> : null}
              {s.waitlistPosition ? <p data-testid="waitlist-position">{t('mine.waitlistPosition', { position: s.waitlistPosition })}</p> : null}
              {list.when === 'upcoming' ? (
                <div className="flex flex-wrap items-center gap-3 pt-1">
                  <a href={`/tasks/${s.task.id}/calendar.ics`} download className="text-sm font-medium text-brand-700 hover:underline" data-testid="add-to-calendar">
                    {t('mine.addToCalendar')}
                  </a>
                  {s.task.signupDeadline > now && !s.checkInAt ? (
                    <ActionForm action={cancelSignupAction.bind(null, s.task.id)} submitLabel={t('tasks.cancelSignup')} variant="secondary" confirm={t('tasks.cancelConfirm')} className="flex items-center gap-2" />
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {list.pageCount > 1 ? <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(p) => `/tasks/mine?when=${list.when}&page=${p}`} /> : null}
    </div>
  )
}
