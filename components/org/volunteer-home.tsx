import { PageHeader } from '@/components/ui/page-header'
import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'
import type { UnitSummary } from '@/lib/server/org/queries'
import { Badge, Card, EmptyState } from '@/components/ui/card'
import { TaskCard } from '@/components/workflow/task-card'
import { toHours } from '@/lib/hours'

type OpenTask = React.ComponentProps<typeof TaskCard>['task']

/** The volunteer's home, built for a phone: their community, their hours and the tasks open for sign-up. */
export function VolunteerHome({ t, locale, userName, units, tasks, openTotal, minutes, taskCount }: { t: Translate; locale: string; userName: string; units: UnitSummary[]; tasks: OpenTask[]; openTotal: number; minutes: number; taskCount: number }) {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeader title={t('volunteer.hello', { name: userName })} testId="volunteer-greeting" />
      <p className="text-sm text-stone-600" data-testid="my-hours">
        {t('tasks.myHours', { hours: toHours(minutes), tasks: taskCount })}
      </p>
      <section aria-labelledby="my-community" className="space-y-2">
        <h2 id="my-community" className="text-sm font-medium text-stone-600">
          {t('volunteer.myCommunity')}
        </h2>
        {units.map((u) => (
          <Link key={u.id} href={`/units/${u.id}`} className="block">
            <Card className="hover:border-brand-600">
              <span className="text-lg font-medium" data-testid="volunteer-community">
                {u.name}
              </span>{' '}
              {u.pilot ? <Badge tone="brand">{t('unit.pilot')}</Badge> : null}
              {u.subDistrict ? <span className="block text-sm text-stone-500">{u.subDistrict}</span> : null}
            </Card>
          </Link>
        ))}
      </section>
      <section aria-labelledby="my-tasks" className="space-y-2">
        <h2 id="my-tasks" className="text-sm font-medium text-stone-600">
          {t('volunteer.openTasks')}
        </h2>
        {tasks.length === 0 ? <EmptyState title={t('tasks.empty')}>{t('tasks.emptyHint')}</EmptyState> : tasks.map((task) => <TaskCard key={task.id} t={t} locale={locale} task={task} level={3} />)}
        {openTotal > tasks.length ? (
          <Link href="/tasks?page=2" className="block rounded-md border border-stone-300 bg-white px-3 py-2 text-center text-sm text-brand-700" data-testid="more-tasks">
            {t('volunteer.moreTasks', { count: openTotal - tasks.length })}
          </Link>
        ) : null}
      </section>
    </div>
  )
}
