import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { dashboard, dashboardUnit, PERIODS, ZDashboardQuery } from '@/lib/server/stats/dashboard'
import type { Scope } from '@/lib/server/authz/scope'
import { FiguresSkeleton } from '@/components/ui/skeleton'
import { Suspense } from 'react'
import { CASE_STATUSES, FUNDING_SOURCES, PROJECT_STATUSES } from '@/lib/schemas/projects'
import { VOLUNTEER_KINDS } from '@/lib/schemas/volunteers'
import { getT } from '@/lib/i18n/server'
import { translateError, type Translate } from '@/lib/i18n'
import { Card, Stat } from '@/components/ui/card'
import { Button } from '@/components/ui/button'
import { queryString } from '@/components/workflow/filters'
import { DataTable, type Column } from '@/components/ui/data-list'
import { TrendChart } from '@/components/dashboard/trend-chart'
import { formatNumber } from '@/lib/format'
import { COLUMNS, COMPARISON_PAGE_SIZE, drillHref, formatValue, sortRows } from './columns'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.dashboard') }
}

type Search = Record<string, string | string[] | undefined>

/**
 * The dashboard of a unit (the viewer's own by default): its figures for a period, a monthly trend, the
 * comparison of its child units (sortable, exportable, each a drill-down to its own dashboard) and the
 * breakdowns. Every figure is read from the live roll-up counters.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await requirePermission('org.browse')
  const raw = await searchParams
  // the status is decided here, on one indexed read (a unit out of scope is a 404); the figures, which can
  // take a second at the scale of a whole region, stream in behind a skeleton
  const unit = await dashboardUnit(scope, raw)
  if (!unit) return denyPage()
  const t = await getT()
  return (
    <Suspense fallback={<FiguresSkeleton t={t} title={t('dashboard.title', { name: unit.name })} />}>
      <DashboardBody scope={scope} raw={raw} unit={unit} />
    </Suspense>
  )
}

async function DashboardBody({ scope, raw, unit }: { scope: Scope; raw: Search; unit: NonNullable<Awaited<ReturnType<typeof dashboardUnit>>> }) {
  const t = await getT()
  const q = ZDashboardQuery.parse(raw)
  // the unit is resolved (the page's 404 was decided before streaming): what can fail here is the period
  const r = await dashboard(scope, raw, new Date(), unit)
  const keep = { unit: q.unit, period: q.period, from: q.from, to: q.to }
  if (!r.ok) {
    return (
      <div className="space-y-4">
        <PageHeader title={t('nav.dashboard')} />
        <PeriodForm t={t} q={q} errors={r.fieldErrors ?? {}} />
      </div>
    )
  }
  const d = r.value
  const f = d.figures
  // the comparison shows a page of the sorted children, optionally those whose name holds `find` (a banner
  // holds hundreds of villages: all of them made a 2.6 MB page); the totals and the export cover every child
  const found = q.find ? d.children.filter((c) => c.unit.name.includes(q.find!)) : d.children
  const pageCount = Math.max(1, Math.ceil(found.length / COMPARISON_PAGE_SIZE))
  const page = Math.min(q.page, pageCount)
  const sorted = sortRows(found, q.sort, q.dir).slice((page - 1) * COMPARISON_PAGE_SIZE, page * COMPARISON_PAGE_SIZE)
  const listed = { ...keep, unit: d.unit.id, find: q.find, sort: q.sort, dir: q.sort ? q.dir : undefined }
  const comparisonColumns: Column<(typeof sorted)[number]>[] = [
    {
      id: 'unit',
      label: t('dashboard.unit'),
      rowHeader: true,
      cell: (c) =>
        c.canOpen ? (
          <Link href={`/dashboard${queryString({ ...keep, unit: c.unit.id })}`} className="text-brand-700 hover:underline">
            {c.unit.name}
          </Link>
        ) : (
          c.unit.name
        ),
    },
    ...COLUMNS.map((col): Column<(typeof sorted)[number]> => ({
      id: col.key,
      label: t(col.label),
      numeric: true,
      sort: 'desc',
      cell: (c) => {
        const v = formatValue(col.value(c.figures), 'percent' in col ? col.percent : false)
        const drill = 'drill' in col ? col.drill : undefined
        return drill ? (
          <Link href={drillHref(drill, c.unit.id, d.period)} className="text-brand-700 hover:underline">
            {v}
          </Link>
        ) : (
          v
        )
      },
    })),
  ]
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        {d.trail.length ? (
          <nav aria-label={t('dashboard.trail')} className="flex flex-wrap gap-1 text-sm text-stone-600">
            {d.trail.map((a) => (
              <span key={a.id}>
                <Link href={`/dashboard${queryString({ ...keep, unit: a.id })}`} className="text-brand-700 hover:underline">
                  {a.name}
                </Link>{' '}
                ›
              </span>
            ))}
          </nav>
        ) : null}
        <PageHeader title={t('dashboard.title', { name: d.unit.name })} description={t('dashboard.intro')} testId="dashboard-title" />
      </div>

      <PeriodForm t={t} q={q} errors={{}} />
      <p className="text-sm text-stone-600" data-testid="dashboard-range">
        {t(`period.${d.period.kind}`)} · {t('dashboard.range', { from: d.period.from, to: d.period.to })}
      </p>

      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" data-testid="kpis">
        <Stat label={t('dashboard.kpi.needs')} value={f.needsCollected} testId="kpi-needs" />
        <Stat label={t('dashboard.kpi.resolved')} value={f.needsResolved} testId="kpi-resolved" />
        <Stat label={t('dashboard.kpi.rate')} value={formatValue(f.resolutionRate, true)} />
        <Stat label={t('dashboard.kpi.claimed')} value={f.needsClaimed} testId="kpi-claimed" />
        <Stat label={t('dashboard.kpi.hours')} value={f.serviceHours} testId="kpi-hours" />
        <Stat label={t('dashboard.kpi.beneficiaries')} value={f.beneficiaries} />
        <Stat label={t('dashboard.kpi.satisfaction')} value={formatValue(f.satisfaction)} />
        <Stat label={t('dashboard.kpi.survey')} value={formatValue(f.surveySatisfaction)} testId="kpi-survey" />
        <Stat label={t('dashboard.kpi.volunteers')} value={f.volunteersTotal} testId="kpi-volunteers" />
        <Stat label={t('dashboard.kpi.teams')} value={f.teams} />
        <Stat label={t('dashboard.kpi.certRate')} value={formatValue(f.certificationRate, true)} />
        <Stat label={t('dashboard.kpi.pilots')} value={f.pilots} />
        <Stat label={t('dashboard.kpi.practice')} value={f.practicePublished} />
      </div>
      <p className="text-sm">
        <Link href={drillHref('needs', d.unit.id, d.period)} className="text-brand-700 hover:underline" data-testid="drill-needs">
          {t('dashboard.drill')}：{t('dashboard.kpi.needs')} {f.needsCollected}
        </Link>
      </p>

      <Card className="space-y-2">
        <h2 className="text-sm font-semibold">{t('dashboard.trend')}</h2>
        <TrendChart
          label={t('dashboard.trendLabel')}
          months={d.trend.map((m) => m.month)}
          series={[
            { name: t('dashboard.series.needs'), kind: 'bar', values: d.trend.map((m) => m.needsCollected) },
            { name: t('dashboard.series.resolved'), kind: 'bar', values: d.trend.map((m) => m.needsResolved) },
            { name: t('dashboard.series.claimed'), kind: 'line', values: d.trend.map((m) => m.needsClaimed) },
            { name: t('dashboard.series.hours'), kind: 'line', values: d.trend.map((m) => m.serviceHours), axis: 1 },
          ]}
          testId="trend-chart"
        />
      </Card>

      <section className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t('dashboard.children')}</h2>
          <div className="flex flex-wrap gap-2">
          <Link href={`/dashboard/report${queryString({ unit: d.unit.id })}`} className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm" data-testid="dashboard-report">
            {t('dashboard.report')}
          </Link>
          {d.children.length ? (
            <a href={`/api/dashboard/export${queryString({ ...keep, unit: d.unit.id, sort: q.sort, dir: q.dir })}`} className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm" data-testid="dashboard-export">
              {t('dashboard.export')}
            </a>
          ) : null}
          </div>
        </div>
        {d.children.length > COMPARISON_PAGE_SIZE || q.find ? <FindForm t={t} q={{ ...listed, find: q.find }} /> : null}
        <DataTable
          t={t}
          label={t('dashboard.children')}
          testId="comparison"
          tableClassName="min-w-[64rem]"
          rows={sorted}
          rowKey={(c) => c.unit.id}
          rowTestId={() => 'comparison-row'}
          columns={comparisonColumns}
          path="/dashboard"
          query={listed}
          paging={pageCount > 1 ? { page, pageCount, total: found.length } : undefined}
          foot={{ label: t('dashboard.total'), cells: Object.fromEntries(COLUMNS.map((col) => [col.key, formatValue(col.value(f), 'percent' in col ? col.percent : false)])), testId: (key) => `total-${key}` }}
          empty={
            d.children.length === 0 ? (
              <p className="text-sm text-stone-500">{t('dashboard.childrenNone')}</p>
            ) : (
              <p className="text-sm text-stone-500" role="status">
                {t('dashboard.findNone', { find: q.find ?? '' })}{' '}
                <Link href={`/dashboard${queryString({ ...listed, find: undefined })}`} className="text-brand-700 hover:underline">
                  {t('dashboard.findAll')}
                </Link>
              </p>
            )
          }
        />
      </section>

      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        <Breakdown title={t('dashboard.projects')} rows={PROJECT_STATUSES.map((s) => [t(`projectStatus.${s}`), f.projects[s] ?? 0, drillHref('projects', d.unit.id, d.period, s)])} />
        <Breakdown title={t('dashboard.cases')} rows={CASE_STATUSES.map((s) => [t(`caseStatus.${s}`), f.cases[s] ?? 0])} />
        <Breakdown title={t('dashboard.volunteersByKind')} rows={[...VOLUNTEER_KINDS.map((k) => [t(`volunteerKind.${k}`), f.volunteers[k] ?? 0] as [string, number]), [t('dashboard.noneKind'), f.volunteers.NONE ?? 0]]} />
        <Breakdown title={t('dashboard.spending')} rows={FUNDING_SOURCES.map((s) => [t(`fundingSource.${s}`), (f.spendingFen[s] ?? 0) / 100])} />
        {f.pilotTasksMet ? <Breakdown title={t('dashboard.pilotTasks', { pilots: f.pilots })} rows={f.pilotTasksMet.map((n, i) => [t(`pilotTask.${(i + 1) as 1 | 2 | 3 | 4}`), n] as [string, number])} /> : null}
        <Breakdown title={t('dashboard.certified')} rows={(['ASSISTANT', 'INTERMEDIATE', 'SENIOR'] as const).map((l) => [t(`certLevel.${l}`), f.certified[l] ?? 0])} />
      </div>
      <p className="text-xs text-stone-500">{t('dashboard.stockNote')}</p>
    </div>
  )
}

function Breakdown({ title, rows }: { title: string; rows: ([string, number] | [string, number, string])[] }) {
  return (
    <Card>
      <h2 className="text-sm font-semibold">{title}</h2>
      <dl className="mt-2 divide-y divide-stone-100 text-sm">
        {rows.map(([label, n, href]) => (
          <div key={label} className="flex justify-between py-1">
            <dt className="text-stone-600">{label}</dt>
            <dd className="tabular-nums">
              {href && n ? (
                <Link href={href} className="text-brand-700 hover:underline">
                  {formatNumber(n)}
                </Link>
              ) : (
                formatNumber(n)
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}

/** The period filter (GET): this month, quarter, year, pilot year or custom dates; keeps the unit. */
/** The comparison's name filter: a GET form that keeps the unit, the period and the sort. */
function FindForm({ t, q }: { t: Translate; q: Record<string, string | undefined> }) {
  const { find, ...kept } = q
  return (
    <form method="get" role="search" action="/dashboard" className="flex flex-wrap items-end gap-2" data-testid="find-form">
      {Object.entries(kept).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <label className="flex flex-col text-sm text-stone-600">
        {t('dashboard.find')}
        <input type="search" name="find" defaultValue={find ?? ''} maxLength={40} className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm text-stone-900" />
      </label>
      <Button type="submit" variant="secondary">
        {t('dashboard.findSubmit')}
      </Button>
    </form>
  )
}

function PeriodForm({ t, q, errors }: { t: Translate; q: { unit?: string; period: string; from?: string; to?: string }; errors: Record<string, string> }) {
  return (
    <form method="get" role="search" action="/dashboard" className="flex flex-wrap items-end gap-2" data-testid="period-form">
      {q.unit ? <input type="hidden" name="unit" value={q.unit} /> : null}
      <label className="flex flex-col text-sm text-stone-600">
        {t('dashboard.period')}
        <select name="period" defaultValue={q.period} className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm text-stone-900">
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm text-stone-600">
        {t('dashboard.from')}
        <input type="date" name="from" defaultValue={q.from ?? ''} aria-invalid={errors.from ? true : undefined} className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm text-stone-900" />
      </label>
      <label className="flex flex-col text-sm text-stone-600">
        {t('dashboard.to')}
        <input type="date" name="to" defaultValue={q.to ?? ''} aria-invalid={errors.to ? true : undefined} className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm text-stone-900" />
      </label>
      <button type="submit" className="min-h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white">
        {t('dashboard.apply')}
      </button>
      {Object.values(errors).length ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {Object.values(errors).map((e) => translateError(t, e)).join('；')}
        </p>
      ) : null}
    </form>
  )
}
