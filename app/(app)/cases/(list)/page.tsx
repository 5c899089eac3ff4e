import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { caseStats, listMyCases } from '@/lib/server/cases/cases'
import type { MessageKey } from '@/lib/i18n'
import { getT } from '@/lib/i18n/server'
import { Badge, Card, EmptyState } from '@/components/ui/card'
import { LinkButton } from '@/components/ui/button'
import { StatusBadge } from '@/components/workflow/status-badge'
import { PageHeader } from '@/components/ui/page-header'
import { DataList, type Column } from '@/components/ui/data-list'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('cases.title') }
}

/** Social workers and supervisors: their cases. Everyone with case.stats: de-identified counts, never a name. */
export default async function CasesPage() {
  const scope = await requirePermission('case.stats')
  const t = await getT()
  const works = can(scope, 'case.work') || can(scope, 'case.supervise')
  const [cases, stats] = await Promise.all([works ? listMyCases(scope) : Promise.resolve([]), caseStats(scope)])
  const columns: Column<(typeof cases)[number]>[] = [
    { id: 'person', label: t('field.personName'), slot: 'title', cell: (c) => <Link href={`/cases/${c.id}`} className="data-title">{c.personName}</Link> },
    {
      id: 'status',
      label: t('cases.field.status'),
      slot: 'end',
      cell: (c) => (
        <>
          {c._count.followUps ? <Badge tone="brand">{t('cases.overdue', { count: c._count.followUps })}</Badge> : null}
          <StatusBadge t={t} kind="caseStatus" status={c.status} />
        </>
      ),
    },
    { id: 'group', label: t('field.targetGroup'), cell: (c) => t(`targetGroup.${c.vulnerabilityGroup}`) },
    { id: 'unit', label: t('field.community'), cell: (c) => c.orgUnit.name },
  ]
  const block = (title: string, prefix: string, counts: Record<string, number>) => (
    <div>
      <h3 className="text-xs font-medium text-stone-500">{title}</h3>
      <ul className="mt-1 flex flex-wrap gap-2 text-sm">
        {Object.keys(counts).length === 0 ? <li className="text-stone-500">{t('common.none')}</li> : null}
        {Object.entries(counts).map(([k, n]) => (
          <li key={k}>
            <Badge>
              {t(`${prefix}.${k}` as MessageKey)} {n}
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  )
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('cases.title')}
        exportLink={works ? { t, href: '/api/exports/cases' } : null}
        actions={can(scope, 'case.work') ? <LinkButton href="/cases/new">{t('cases.new')}</LinkButton> : null}
      />
      {works ? (
        <section className="space-y-2">
          <h2 className="text-sm font-semibold">{t('cases.mine')}</h2>
          <DataList
            t={t}
            label={t('cases.mine')}
            testId="my-cases"
            rows={cases}
            rowKey={(c) => c.id}
            columns={columns}
            path="/cases"
            query={{}}
            empty={<EmptyState title={t('cases.empty')} />}
          />
        </section>
      ) : null}
      <Card className="space-y-3" data-testid="case-stats">
        <h2 className="text-sm font-semibold">{t('cases.stats')}</h2>
        <p className="text-xs text-stone-500">{t('cases.statsHint')}</p>
        <p className="text-lg font-semibold tabular-nums" data-testid="case-total">
          {t('cases.total', { total: stats.total })}
        </p>
        {block(t('cases.byGroup'), 'targetGroup', stats.byGroup)}
        {block(t('cases.byStatus'), 'caseStatus', stats.byStatus)}
        {block(t('cases.byOutcome'), 'caseOutcome', stats.byOutcome)}
      </Card>
    </div>
  )
}
