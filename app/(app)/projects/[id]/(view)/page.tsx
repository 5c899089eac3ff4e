import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getProject } from '@/lib/server/projects/projects'
import { listCategories } from '@/lib/server/workflow/categories'
import { idParam } from '@/lib/params'
import { ZUnitId } from '@/lib/schemas/org'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { DetailHeader, Row } from '@/components/ui/detail'
import { Badge, Card, Stat } from '@/components/ui/card'
import { LinkButton } from '@/components/ui/button'
import { ActionForm, FormInput, FormSelect, FormTextarea } from '@/components/ui/action-form'
import { StatusBadge } from '@/components/workflow/status-badge'
import { History } from '@/components/workflow/history'
import { addActivityAction, addExpenseAction, moveProjectAction } from '../../actions'
import { toHours } from '@/lib/hours'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const scope = await requirePermission('project.read')
  const id = ZUnitId.safeParse((await params).id)
  const r = id.success ? await getProject(scope, id.data) : null
  return { title: r?.ok ? r.value.name : (await getT())('notFound.title') }
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`

export default async function ProjectPage({ params }: Props) {
  const scope = await requirePermission('project.read')
  const id = await idParam(params)
  const r = await getProject(scope, id)
  if (!r.ok) return denyPage()
  const p = r.value
  const t = await getT()
  const locale = await getLocale()
  const categories = p.canAddActivity ? await listCategories(scope) : []
  const editable = p.canManage && (p.status === 'DRAFT' || p.status === 'RETURNED')
  const spending = p.canManage && ['APPROVED', 'RUNNING', 'EVALUATING'].includes(p.status)
  const row = (label: string, value: React.ReactNode) => <Row label={label}>{value}</Row>
  return (
    <div className="space-y-4">
      <DetailHeader back="/projects" backLabel={t('projects.title')} title={<>{p.name} {p.brand ? <Badge>{p.brand}</Badge> : null}</>} titleTestId="project-name" status={<StatusBadge t={t} kind="projectStatus" status={p.status} />} statusTestId="project-status" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="project-stats">
        <Stat label={t('projects.stats.tasks')} value={p.stats.tasks} />
        <Stat label={t('projects.stats.volunteers')} value={p.stats.volunteers} />
        <Stat label={t('projects.stats.hours')} value={toHours(p.stats.minutes)} />
        <Stat label={t('projects.stats.beneficiaries')} value={p.stats.beneficiaries} />
        <Stat label={t('projects.stats.rating')} value={p.stats.rating ?? '—'} />
        <Stat label={t('projects.stats.spent')} value={`${yuan(p.stats.spentFen)} / ${yuan(p.fundingFen)}`} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <Card>
            <dl className="text-sm">
              {row(t('field.community'), p.orgUnit.name)}
              {row(t('projects.lead'), p.lead.name)}
              {row(t('field.targetGroups'), p.targetGroups.map((g) => t(`targetGroup.${g}`)).join('、'))}
              {row(t('projects.period'), `${formatDate(locale, p.startDate)} – ${formatDate(locale, p.endDate)}`)}
              {row(t('projects.funding'), `${t(`fundingSource.${p.fundingSource}`)} ${yuan(p.fundingFen)}`)}
              {row(t('projects.teams'), p.teams.map((x) => x.name).join('、') || t('common.none'))}
              {row(
                t('projects.needs'),
                p.needs.length ? (
                  <span className="flex flex-wrap gap-2">
                    {p.needs.map((n) => (
                      <Link key={n.id} href={`/needs/${n.id}`} className="text-brand-700 hover:underline">
                        {n.title}
                      </Link>
                    ))}
                  </span>
                ) : (
                  t('common.none')
                ),
              )}
              {row(t('projects.objectives'), <span className="whitespace-pre-wrap">{p.objectives}</span>)}
              {row(t('projects.planned'), <span className="whitespace-pre-wrap">{p.plannedActivities}</span>)}
              {p.reviewComment ? row(t('projects.reviewComment'), p.reviewComment) : null}
            </dl>
            {editable ? (
              <LinkButton href={`/projects/${p.id}/edit`} variant="secondary" className="mt-3">
                {t('projects.edit')}
              </LinkButton>
            ) : null}
          </Card>
          <Card>
            <h2 className="text-sm font-semibold">{t('projects.activities')}</h2>
            {p.activities.length === 0 ? <p className="mt-2 text-sm text-stone-500">{t('common.none')}</p> : null}
            <ul className="mt-2 space-y-2 text-sm">
              {p.activities.map((a) => (
                <li key={a.id}>
                  <Link href={`/services/${a.id}`} className="font-medium text-brand-700 hover:underline">
                    {a.title}
                  </Link>
                  <ul className="ml-4 mt-1 space-y-1">
                    {a.orders.flatMap((o) =>
                      o.tasks.map((task) => (
                        <li key={task.id} className="flex flex-wrap items-center gap-2">
                          <Link href={`/tasks/${task.id}`} className="hover:underline">
                            {task.title}
                          </Link>
                          <span className="tabular-nums text-stone-500">
                            {task.taken}/{task.slots}
                          </span>
                          <StatusBadge t={t} kind="taskStatus" status={task.status} />
                        </li>
                      )),
                    )}
                  </ul>
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <h2 className="text-sm font-semibold">{t('projects.expenses')}</h2>
            {p.expenses.length === 0 ? <p className="mt-2 text-sm text-stone-500">{t('projects.noExpenses')}</p> : null}
            <ul className="mt-2 space-y-1 text-sm" data-testid="expenses">
              {p.expenses.map((e) => (
                <li key={e.id} className="flex justify-between gap-2">
                  <span>
                    {formatDate(locale, e.spentOn)} · {e.purpose}
                  </span>
                  <span className="tabular-nums">{yuan(e.amountFen)}</span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
        <div className="space-y-4">
          {p.moves.length ? (
            <Card className="space-y-3">
              <h2 className="text-sm font-semibold">{t('projects.review')}</h2>
              {p.moves.map((to) =>
                to === 'RETURNED' || to === 'APPROVED' ? (
                  <ActionForm key={to} action={moveProjectAction.bind(null, p.id, to)} submitLabel={t(`projects.move.${to}`)} variant={to === 'RETURNED' ? 'danger' : 'primary'} className="space-y-2">
                    <FormTextarea name="comment" label={t('projects.reviewComment')} />
                  </ActionForm>
                ) : (
                  <ActionForm key={to} action={moveProjectAction.bind(null, p.id, to)} submitLabel={t(`projects.move.${to}`)} className="space-y-2" />
                ),
              )}
            </Card>
          ) : null}
          {p.canAddActivity ? (
            <Card>
              <h2 className="text-sm font-semibold">{t('projects.addActivity')}</h2>
              <ActionForm action={addActivityAction.bind(null, p.id)} submitLabel={t('common.create')} className="mt-3 space-y-3" testId="activity-form">
                <FormInput name="title" label={t('field.title')} />
                <FormTextarea name="description" label={t('field.description')} />
                <FormSelect name="categoryId" label={t('field.category')} placeholder="" options={categories.map((c) => ({ value: c.id, label: c.name }))} />
              </ActionForm>
            </Card>
          ) : null}
          {spending ? (
            <Card>
              <h2 className="text-sm font-semibold">{t('projects.addExpense')}</h2>
              <ActionForm action={addExpenseAction.bind(null, p.id)} submitLabel={t('common.save')} resetOnSuccess className="mt-3 space-y-3" testId="expense-form">
                <FormInput name="amountYuan" label={t('field.amountYuan')} inputMode="decimal" />
                <FormInput name="purpose" label={t('field.purpose')} />
                <FormInput name="spentOn" label={t('field.spentOn')} type="date" />
              </ActionForm>
            </Card>
          ) : null}
          <Card>
            <h2 className="mb-2 text-sm font-semibold">{t('common.history')}</h2>
            <History t={t} locale={locale} kind="projectStatus" rows={p.history} />
          </Card>
        </div>
      </div>
    </div>
  )
}
