import { requireScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { getUnit, listChildUnits, listHomeUnits } from '@/lib/server/org/queries'
import { ZUnitListQuery } from '@/lib/schemas/org'
import { getLocale, getT } from '@/lib/i18n/server'
import { listOpenTasks, serviceMinutesOf } from '@/lib/server/workflow/tasks'
import { UnitView } from '@/components/org/unit-view'
import { UnitCards } from '@/components/org/unit-cards'
import { VolunteerHome } from '@/components/org/volunteer-home'
import { PilotPanel } from '@/components/projects/pilot-panel'
import { getPilotTasks } from '@/lib/server/projects/pilot-tasks'
import { overdueFollowUps } from '@/lib/server/cases/cases'
import { Link } from '@/components/ui/link'
import { EmptyState } from '@/components/ui/card'

/**
 * Home per level: an official or community staff member sees their unit (its child units with pilot
 * counts, drill-down); someone holding roles at several units gets one card per unit; a volunteer
 * gets the phone home of their community.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope()
  const t = await getT()
  const units = await listHomeUnits(scope)
  if (!can(scope, 'org.browse')) {
    if (!can(scope, 'volunteer.home')) return <EmptyState title={t('home.noRoles')} />
    const [open, hours] = await Promise.all([listOpenTasks(scope), serviceMinutesOf(scope)])
    return <VolunteerHome t={t} locale={await getLocale()} userName={scope.userName} units={units} tasks={open.rows} openTotal={open.total} minutes={hours.minutes} taskCount={hours.tasks} />
  }
  if (units.length !== 1) return <UnitCards t={t} units={units} title={t('home.myUnits')} />
  const [only] = units
  const unit = await getUnit(scope, only.id)
  if (!unit.ok) return <EmptyState title={t('home.noRoles')} />
  const query = ZUnitListQuery.parse(await searchParams)
  const children = unit.value.canBrowse && unit.value.level !== 'COMMUNITY' ? await listChildUnits(scope, only.id, query) : null
  const panel = unit.value.pilot ? await getPilotTasks(scope, only.id) : null
  const overdue = can(scope, 'case.work') || can(scope, 'case.supervise') ? await overdueFollowUps(scope) : 0
  return (
    <>
      {overdue ? (
        <Link href="/cases" role="alert" className="mb-4 block rounded-md border border-brand-600 bg-brand-50 p-3 text-sm font-medium text-brand-800" data-testid="overdue-banner">
          {t('cases.overdueBanner', { count: overdue })}
        </Link>
      ) : null}
      <UnitView
        t={t}
        unit={unit.value}
        childUnits={children?.ok ? children.value : null}
        query={query}
        basePath="/"
        pilotPanel={panel?.ok ? <PilotPanel t={t} locale={await getLocale()} unitId={only.id} panel={panel.value} /> : null}
      />
    </>
  )
}
