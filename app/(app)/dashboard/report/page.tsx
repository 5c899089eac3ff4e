import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { dashboard } from '@/lib/server/stats/dashboard'
import { chinaDate, lastDayOfMonth } from '@/lib/china-time'
import { FUNDING_SOURCES, PROJECT_STATUSES } from '@/lib/schemas/projects'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime, formatNumber } from '@/lib/format'
import { queryString } from '@/components/workflow/filters'
import { PrintButton } from '@/components/hours/print-button'
import { TrendChart } from '@/components/dashboard/trend-chart'
import { COLUMNS, formatValue } from '../columns'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('dashboard.report') }
}

const ZReportQuery = z.object({
  unit: z.uuid().optional().catch(undefined),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
})

/** The columns that fit an A4 portrait page. */
const REPORT_COLUMNS = COLUMNS.filter((c) => ['needs', 'resolved', 'rate', 'claimed', 'hours', 'beneficiaries', 'satisfaction', 'volunteers'].includes(c.key))

/**
 * The monthly pilot-progress report of a unit, for printing on A4: the month's figures beside the year
 * to date, the 12-month trend, the child units' month and the breakdowns — all from the live counters.
 */
export default async function ReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('org.browse')
  const t = await getT()
  const locale = await getLocale()
  const q = ZReportQuery.parse(await searchParams)
  const today = chinaDate()
  const month = q.month ?? today.slice(0, 7)
  const monthEnd = lastDayOfMonth(month) < today ? lastDayOfMonth(month) : today
  const [m, ytd] = await Promise.all([
    dashboard(scope, { unit: q.unit, period: 'custom', from: `${month}-01`, to: monthEnd }),
    dashboard(scope, { unit: q.unit, period: 'custom', from: `${month.slice(0, 4)}-01-01`, to: monthEnd }),
  ])
  if (!m.ok || !ytd.ok) return denyPage()
  const d = m.value
  const rows: [string, string, string][] = [
    ...REPORT_COLUMNS.map((c) => [t(c.label), formatValue(c.value(d.figures), 'percent' in c ? c.percent : false), formatValue(c.value(ytd.value.figures), 'percent' in c ? c.percent : false)] as [string, string, string]),
    [t('dashboard.kpi.pilots'), String(d.figures.pilots), String(ytd.value.figures.pilots)],
    [t('dashboard.kpi.certRate'), formatValue(d.figures.certificationRate, true), formatValue(ytd.value.figures.certificationRate, true)],
  ]
  return (
    <div className="space-y-4 print:space-y-0">
      <div className="flex flex-wrap items-end justify-between gap-2 print:hidden">
        <Link href={`/dashboard${queryString({ unit: d.unit.id })}`} className="text-sm text-brand-700 hover:underline">
          ← {t('report.back')}
        </Link>
        <form method="get" role="search" className="flex items-end gap-2">
          <input type="hidden" name="unit" value={d.unit.id} />
          <label className="flex flex-col text-sm text-stone-600">
            {t('report.month')}
            <input type="month" name="month" defaultValue={month} className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm text-stone-900" />
          </label>
          <button type="submit" className="min-h-10 rounded-md border border-stone-300 bg-white px-3 text-sm">
            {t('report.show')}
          </button>
          <PrintButton label={t('certificate.print')} />
        </form>
      </div>
      <article className="print-sheet mx-auto w-full max-w-[210mm] space-y-5 border border-stone-300 bg-white p-6 text-stone-900 shadow-sm sm:p-[14mm] print:max-w-none print:border-0 print:p-0 print:shadow-none" data-testid="report">
        <header className="space-y-1 text-center">
          <h1 className="text-xl font-bold">{t('report.title', { unit: d.unit.name, year: month.slice(0, 4), month: String(Number(month.slice(5, 7))) })}</h1>
          <p className="text-xs text-stone-600">
            {t('dashboard.range', { from: d.period.from, to: d.period.to })} · {t('report.generated', { at: formatDateTime(locale, new Date()) })}
          </p>
        </header>
        <section>
          <h2 className="mb-1 text-sm font-semibold">{t('report.figures')}</h2>
          <table className="w-full border-collapse text-sm" data-testid="report-figures">
            <thead>
              <tr className="border-b border-stone-400 text-left">
                <th scope="col" className="py-1 font-medium" />
                <th scope="col" className="py-1 text-right font-medium">
                  {t('report.thisMonth')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t('report.yearToDate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, a, b]) => (
                <tr key={label} className="border-b border-stone-200">
                  <th scope="row" className="py-1 text-left font-normal">
                    {label}
                  </th>
                  <td className="py-1 text-right tabular-nums">{a}</td>
                  <td className="py-1 text-right tabular-nums">{b}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="break-inside-avoid">
          <h2 className="mb-1 text-sm font-semibold">{t('dashboard.trend')}</h2>
          <TrendChart
            label={t('dashboard.trendLabel')}
            months={d.trend.map((x) => x.month)}
            series={[
              { name: t('dashboard.series.needs'), kind: 'bar', values: d.trend.map((x) => x.needsCollected) },
              { name: t('dashboard.series.resolved'), kind: 'bar', values: d.trend.map((x) => x.needsResolved) },
              { name: t('dashboard.series.hours'), kind: 'line', values: d.trend.map((x) => x.serviceHours), axis: 1 },
            ]}
          />
        </section>
        {d.children.length ? (
          <section>
            <h2 className="mb-1 text-sm font-semibold">{t('report.children')}</h2>
            <table className="w-full border-collapse text-xs" data-testid="report-children">
              <thead>
                <tr className="border-b border-stone-400">
                  <th scope="col" className="py-1 text-left font-medium">
                    {t('dashboard.unit')}
                  </th>
                  {REPORT_COLUMNS.map((c) => (
                    <th key={c.key} scope="col" className="px-1 py-1 text-right font-medium">
                      {t(c.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.children.map((c) => (
                  <tr key={c.unit.id} className="break-inside-avoid border-b border-stone-200">
                    <th scope="row" className="py-1 text-left font-normal">
                      {c.unit.name}
                    </th>
                    {REPORT_COLUMNS.map((col) => (
                      <td key={col.key} className="px-1 py-1 text-right tabular-nums">
                        {formatValue(col.value(c.figures), 'percent' in col ? col.percent : false)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        <section className="grid grid-cols-2 gap-4 text-sm break-inside-avoid">
          <div>
            <h2 className="mb-1 font-semibold">{t('dashboard.projects')}</h2>
            {PROJECT_STATUSES.map((s) => (
              <p key={s} className="flex justify-between border-b border-stone-100 py-0.5">
                <span>{t(`projectStatus.${s}`)}</span>
                <span className="tabular-nums">{ytd.value.figures.projects[s] ?? 0}</span>
              </p>
            ))}
          </div>
          <div>
            <h2 className="mb-1 font-semibold">{t('dashboard.spending')}</h2>
            {FUNDING_SOURCES.map((s) => (
              <p key={s} className="flex justify-between border-b border-stone-100 py-0.5">
                <span>{t(`fundingSource.${s}`)}</span>
                <span className="tabular-nums">{formatNumber((ytd.value.figures.spendingFen[s] ?? 0) / 100)}</span>
              </p>
            ))}
          </div>
        </section>
      </article>
    </div>
  )
}
