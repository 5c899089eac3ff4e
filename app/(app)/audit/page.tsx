import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { searchAudit } from '@/lib/server/security/audit'
import { AUDIT_RESULTS, ZAuditQuery } from '@/lib/schemas/audit'
import { getLocale, getT } from '@/lib/i18n/server'
import { isMessageKey } from '@/lib/i18n'
import { formatDateTime } from '@/lib/format'
import { EmptyState } from '@/components/ui/card'
import { SearchForm } from '@/components/ui/search-form'
import { DateRangeInputs, FilterSelect } from '@/components/workflow/filters'
import { DataTable, type Column } from '@/components/ui/data-list'
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
  const mono = (v: string | null, wide = false) => (v ? <span className={wide ? 'block max-w-48 truncate font-mono text-xs' : 'font-mono text-xs'} title={wide ? v : undefined}>{v}</span> : '—')
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'at', label: t('audit.col.at'), sort: 'desc', cell: (r) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(locale, r.at)}</span> },
    { id: 'actor', label: t('audit.col.actor'), sort: 'asc', cell: (r) => r.actorName ?? t('audit.anonymous') },
    { id: 'role', label: t('audit.col.role'), cell: (r) => (r.role ? r.role.split(',').map((x) => (isMessageKey(`role.${x}`) ? t(`role.${x}` as 'role.VOLUNTEER') : x)).join('、') : '—') },
    { id: 'unit', label: t('audit.col.unit'), cell: (r) => r.unitName ?? '—' },
    { id: 'action', label: t('audit.col.action'), sort: 'asc', cell: (r) => mono(r.action) },
    { id: 'target', label: t('audit.col.target'), cell: (r) => mono(r.target, true) },
    { id: 'result', label: t('audit.col.result'), cell: (r) => resultLabel(r.result) },
    { id: 'ip', label: t('audit.col.ip'), cell: (r) => mono(r.ip) },
  ]
  return (
    <div className="space-y-4">
      <div>
        <PageHeader title={t('audit.title')} />
        <p className="text-sm text-stone-600">{t('audit.hint', { days: list.retentionDays })}</p>
      </div>
      <SearchForm q={query.q} placeholder={t('audit.search')} submitLabel={t('audit.filter')} keep={{ sort: query.sort, dir: query.dir }}>
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
      <DataTable
        t={t}
        label={t('audit.title')}
        testId="audit-table"
        rowTestId={() => 'audit-row'}
        rows={list.rows}
        rowKey={(r) => r.id}
        columns={columns}
        path="/audit"
        query={{ ...query, pageSize: query.pageSize === 50 ? undefined : query.pageSize }}
        defaultSort={{ id: 'at', dir: 'desc' }}
        paging={list}
        empty={<EmptyState title={filtered ? t('audit.empty') : t('audit.none')} />}
      />
    </div>
  )
}
