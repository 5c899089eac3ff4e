import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { searchAudit } from '@/lib/server/security/audit'
import { AUDIT_RESULTS, ZAuditQuery } from '@/lib/schemas/audit'
import { getLocale, getT } from '@/lib/i18n/server'
import { isMessageKey } from '@/lib/i18n'
import { formatDateTime } from '@/lib/format'
import { EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { SearchForm } from '@/components/ui/search-form'
import { DateRangeInputs, FilterSelect, queryString } from '@/components/workflow/filters'
import { TableFrame } from '@/components/ui/table-frame'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('audit.title') }
}

const KINDS = ['auth', 'export', 'import', 'page', 'cases', 'tasks', 'needs'] as const

/** The tenant's audit trail, for region officials: search by actor / action / target / IP, result, kind and days. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('audit.read')
  const t = await getT()
  const locale = await getLocale()
  const query = ZAuditQuery.parse(await searchParams)
  const list = await searchAudit(scope, query)
  if (!list) return denyPage()
  const filtered = Boolean(query.q || query.result || query.action || query.from || query.to)
  const resultLabel = (r: string) => {
    const k = `audit.result.${r}`
    return isMessageKey(k) ? t(k) : r
  }
  return (
    <div className="space-y-4">
      <div>
        <PageHeader title={t('audit.title')} />
        <p className="text-sm text-stone-600">{t('audit.hint', { days: list.retentionDays })}</p>
      </div>
      <SearchForm q={query.q} placeholder={t('audit.search')} submitLabel={t('audit.filter')}>
        <FilterSelect name="result" label={t('audit.result')} value={query.result} allLabel={t('audit.result')} options={AUDIT_RESULTS.map((r) => ({ value: r, label: resultLabel(r) }))} />
        <FilterSelect name="action" label={t('audit.action')} value={query.action} allLabel={t('audit.kind.all')} options={KINDS.map((k) => ({ value: k, label: t(`audit.kind.${k}`) }))} />
        <DateRangeInputs from={query.from} to={query.to} fromLabel={t('audit.from')} toLabel={t('audit.to')} />
        {filtered ? (
          <Link href="/audit" className="self-center text-sm text-brand-700 underline">
            {t('common.reset')}
          </Link>
        ) : null}
      </SearchForm>
      <p className="text-sm text-stone-600" data-testid="audit-total">
        {t('audit.total', { total: list.total })}
      </p>
      {list.rows.length === 0 ? (
        <EmptyState title={filtered ? t('audit.empty') : t('audit.none')} />
      ) : (
        <TableFrame label={t('audit.title')}>
          <table className="min-w-full text-sm" data-testid="audit-table">
            <thead className="bg-stone-50 text-left text-xs text-stone-500">
              <tr>
                {(['at', 'actor', 'role', 'unit', 'action', 'target', 'result', 'ip'] as const).map((c) => (
                  <th key={c} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                    {t(`audit.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {list.rows.map((r) => (
                <tr key={r.id} data-testid="audit-row">
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDateTime(locale, r.at)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{r.actorName ?? t('audit.anonymous')}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-xs text-stone-600">{r.role ? r.role.split(',').map((x) => (isMessageKey(`role.${x}`) ? t(`role.${x}` as 'role.VOLUNTEER') : x)).join('、') : '—'}</td>
                  <td className="whitespace-nowrap px-3 py-2">{r.unitName ?? '—'}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                  <td className="max-w-48 truncate px-3 py-2 font-mono text-xs" title={r.target ?? ''}>
                    {r.target ?? '—'}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{resultLabel(r.result)}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{r.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `/audit${queryString({ ...query, page, pageSize: undefined })}`} />
    </div>
  )
}
