import type { MessageKey } from '@/lib/i18n'
import type { Figures } from '@/lib/server/stats/dashboard'
import { formatNumber } from '@/lib/format'

/** The list behind a figure: needs (collected / resolved in the period), pilots, social workers, projects. */
export type Drill = 'needs' | 'resolved' | 'pilots' | 'talent' | 'projects'

/** The scoped list behind a figure of a unit (each list checks the caller's scope again). */
export function drillHref(drill: Drill, unitId: string, period: { from: string; to: string }, status?: string): string {
  const qs = (q: Record<string, string | undefined>) => {
    const sp = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => !!e[1]))
    return `?${sp.toString()}`
  }
  switch (drill) {
    case 'needs':
      return `/needs${qs({ unit: unitId, from: period.from, to: period.to })}`
    case 'resolved':
      return `/needs${qs({ unit: unitId, from: period.from, to: period.to, status: 'RESOLVED' })}`
    case 'pilots':
      return `/pilots${qs({ unit: unitId })}`
    case 'talent':
      return `/talent${qs({ unit: unitId })}`
    case 'projects':
      return `/projects${qs({ unit: unitId, status })}`
  }
}

/** Child units per page of the comparison table: a banner holds hundreds of villages (the export has them all). */
export const COMPARISON_PAGE_SIZE = 20

/** The comparison table's columns: one definition for the page, its sorting and the .xlsx export. */
export const COLUMNS = [
  { key: 'pilots', label: 'dashboard.kpi.pilots', value: (f: Figures) => f.pilots, drill: 'pilots' },
  { key: 'pilotTasks', label: 'dashboard.kpi.pilotTasks', value: (f: Figures) => (f.pilotTasksMet ? f.pilotTasksMet.reduce((a, b) => a + b, 0) : null) },
  { key: 'volunteers', label: 'dashboard.kpi.volunteers', value: (f: Figures) => f.volunteersTotal },
  { key: 'teams', label: 'dashboard.kpi.teams', value: (f: Figures) => f.teams },
  { key: 'workers', label: 'dashboard.kpi.workers', value: (f: Figures) => f.workers, drill: 'talent' },
  { key: 'certRate', label: 'dashboard.kpi.certRate', value: (f: Figures) => f.certificationRate, percent: true, drill: 'talent' },
  { key: 'needs', label: 'dashboard.kpi.needs', value: (f: Figures) => f.needsCollected, drill: 'needs' },
  { key: 'dispatched', label: 'dashboard.kpi.dispatched', value: (f: Figures) => f.needsDispatched },
  { key: 'claimed', label: 'dashboard.kpi.claimed', value: (f: Figures) => f.needsClaimed },
  { key: 'resolved', label: 'dashboard.kpi.resolved', value: (f: Figures) => f.needsResolved, drill: 'resolved' },
  { key: 'rate', label: 'dashboard.kpi.rate', value: (f: Figures) => f.resolutionRate, percent: true },
  { key: 'hours', label: 'dashboard.kpi.hours', value: (f: Figures) => f.serviceHours },
  { key: 'beneficiaries', label: 'dashboard.kpi.beneficiaries', value: (f: Figures) => f.beneficiaries },
  { key: 'satisfaction', label: 'dashboard.kpi.satisfaction', value: (f: Figures) => f.satisfaction },
  { key: 'survey', label: 'dashboard.kpi.survey', value: (f: Figures) => f.surveySatisfaction },
  { key: 'practice', label: 'dashboard.kpi.practice', value: (f: Figures) => f.practicePublished },
] as const satisfies readonly { key: string; label: MessageKey; value: (f: Figures) => number | null; percent?: boolean; drill?: Drill }[]

export type ColumnKey = (typeof COLUMNS)[number]['key']
export const columnOf = (key: string | undefined) => COLUMNS.find((c) => c.key === key) ?? null

/** Child rows sorted by a column (missing values last), ties by the unit's code. */
export function sortRows<R extends { unit: { code: string }; figures: Figures }>(rows: R[], key: string | undefined, dir: 'asc' | 'desc'): R[] {
  const col = columnOf(key)
  if (!col) return rows
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const va = col.value(a.figures)
    const vb = col.value(b.figures)
    if (va === null && vb === null) return a.unit.code.localeCompare(b.unit.code)
    if (va === null) return 1
    if (vb === null) return -1
    return va === vb ? a.unit.code.localeCompare(b.unit.code) : sign * (va - vb)
  })
}

export const formatValue = (v: number | null, percent?: boolean) => (v === null ? '—' : percent ? `${v}%` : formatNumber(v))
