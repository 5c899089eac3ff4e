import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { listRectifications } from '@/lib/server/evaluation/inspections'
import { ZEvalListQuery } from '@/lib/schemas/evaluation'
import { getLocale, getT } from '@/lib/i18n/server'
import type { Translate } from '@/lib/i18n'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { EvaluationHeader } from '../tabs'
import { requireAnyOf } from '../guard'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.rectifications') }
}

type Row = Awaited<ReturnType<typeof listRectifications>>['overdue'][number]

function List({ rows, t, locale, testId }: { rows: Row[]; t: Translate; locale: string; testId: string }) {
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 px-3 py-3 text-sm">
          <div className="min-w-0">
            <Link href={`/evaluation/inspections/${r.inspectionId}`} className="font-medium text-brand-700 hover:underline">
              {r.description}
            </Link>
            <p className="mt-0.5 text-xs text-stone-500">
              {r.unit} · {r.template}
            </p>
          </div>
          <div className="text-right">
            <span className="flex justify-end gap-1">
              <Badge tone={r.status === 'ACCEPTED' ? 'green' : 'neutral'}>{t(`evaluation.rectStatus.${r.status}`)}</Badge>
              {r.overdue ? <Badge tone="brand">{t('evaluation.rect.overdue')}</Badge> : null}
            </span>
            <p className="mt-0.5 text-xs text-stone-500">{t('evaluation.rect.deadline', { date: formatDate(locale, r.deadline) })}</p>
          </div>
        </li>
      ))}
    </ul>
  )
}

/** Rectification items under the caller: the overdue ones first (deadline passed, not accepted), then all. */
export default async function RectificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireAnyOf('evaluation.manage', 'evaluation.respond')
  const t = await getT()
  const locale = await getLocale()
  const query = ZEvalListQuery.parse(await searchParams)
  const { overdue, all } = await listRectifications(scope, query)
  return (
    <div className="space-y-4">
      <EvaluationHeader scope={scope} t={t} active="/evaluation/rectifications" exportList="rectifications" />
      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-red-800" data-testid="overdue-count">
          {t('evaluation.rect.overdueTitle', { count: overdue.length })}
        </h2>
        {overdue.length ? <List rows={overdue} t={t} locale={locale} testId="overdue-list" /> : <p className="text-sm text-stone-500">{t('evaluation.overdueNone')}</p>}
      </section>
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">{t('evaluation.rect.all')}</h2>
        {all.rows.length ? <List rows={all.rows} t={t} locale={locale} testId="rect-list" /> : <EmptyState title={t('evaluation.rect.empty')} />}
        <Pagination t={t} page={all.page} pageCount={all.pageCount} total={all.total} hrefFor={(page) => `/evaluation/rectifications?page=${page}`} />
      </section>
    </div>
  )
}
