import type { Metadata } from 'next'
import { idParam } from '@/lib/params'
import { requireScope, denyPage } from '@/lib/server/auth/session'
import { getUnit, listChildUnits } from '@/lib/server/org/queries'
import { ZUnitId, ZUnitListQuery } from '@/lib/schemas/org'
import { UnitView } from '@/components/org/unit-view'
import { PilotForm } from '@/components/org/pilot-form'
import { PilotPanel } from '@/components/projects/pilot-panel'
import { getPilotTasks } from '@/lib/server/projects/pilot-tasks'
import { getLocale, getT } from '@/lib/i18n/server'

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const scope = await requireScope()
  const id = ZUnitId.safeParse((await params).id)
  const unit = id.success ? await getUnit(scope, id.data) : null
  return { title: unit?.ok ? unit.value.name : (await getT())('notFound.title') }
}

export default async function UnitPage({ params, searchParams }: Props) {
  const scope = await requireScope()
  const id = await idParam(params)
  // out of scope and nonexistent look the same: 404, nothing about the unit is rendered
  const unit = await getUnit(scope, id)
  if (!unit.ok) return denyPage()
  const query = ZUnitListQuery.parse(await searchParams)
  const children = unit.value.canBrowse && unit.value.level !== 'COMMUNITY' ? await listChildUnits(scope, id, query) : null
  const t = await getT()
  const canManage = unit.value.level === 'COMMUNITY' && unit.value.canManage
  const panel = unit.value.pilot ? await getPilotTasks(scope, id) : null
  return (
    <UnitView
      t={t}
      unit={unit.value}
      childUnits={children?.ok ? children.value : null}
      query={query}
      basePath={`/units/${id}`}
      manage={canManage ? <PilotForm t={t} unitId={id} pilot={unit.value.pilot} /> : null}
      pilotPanel={panel?.ok ? <PilotPanel t={t} locale={await getLocale()} unitId={id} panel={panel.value} /> : null}
    />
  )
}
