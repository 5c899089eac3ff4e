import type { Metadata } from 'next'
import { requireScope, denyPage } from '@/lib/server/auth/session'
import { getPracticeCase } from '@/lib/server/projects/practice'
import { idParam } from '@/lib/params'
import { ZUnitId } from '@/lib/schemas/org'
import type { MessageKey } from '@/lib/i18n'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { DetailHeader } from '@/components/ui/detail'
import { Card, Stat } from '@/components/ui/card'
import { LinkButton } from '@/components/ui/button'
import { ActionForm, FormTextarea } from '@/components/ui/action-form'
import { StatusBadge } from '@/components/workflow/status-badge'
import { History } from '@/components/workflow/history'
import { movePracticeAction } from '../../actions'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const scope = await requireScope()
  const id = ZUnitId.safeParse((await params).id)
  const r = id.success ? await getPracticeCase(scope, id.data) : null
  return { title: r?.ok ? r.value.title : (await getT())('notFound.title') }
}

const FIGURES = ['needs', 'needsResolved', 'ordersDispatched', 'ordersClaimed', 'tasks', 'volunteers', 'serviceMinutes', 'beneficiaries', 'satisfaction', 'projectsRunningOrDone'] as const

export default async function PracticeCasePage({ params }: Props) {
  const scope = await requireScope()
  const id = await idParam(params)
  const r = await getPracticeCase(scope, id)
  if (!r.ok) return denyPage()
  const c = r.value
  const t = await getT()
  const locale = await getLocale()
  const section = (label: string, text: string) => (
    <section>
      <h2 className="text-sm font-semibold text-stone-700">{label}</h2>
      <p className="mt-1 whitespace-pre-wrap text-sm leading-relaxed">{text}</p>
    </section>
  )
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <DetailHeader back="/practice" backLabel={t('practice.title')} title={c.title} titleTestId="practice-title" status={<StatusBadge t={t} kind="practiceStatus" status={c.status} />} statusTestId="practice-status" />
      <p className="text-sm text-stone-600">
        {[c.orgUnit.parent?.name, c.orgUnit.subDistrict, c.orgUnit.name].filter(Boolean).join(' · ')}
        {c.publishedAt ? ` · ${t('practice.publishedAt', { date: formatDate(locale, c.publishedAt) })}` : ''}
        {c.project ? ` · ${t('practice.project')}：${c.project.name}` : ''}
      </p>
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <Card className="space-y-4">
          {section(t('field.background'), c.background)}
          {section(t('field.approach'), c.approach)}
          {section(t('field.results'), c.results)}
          {section(t('field.lessons'), c.lessons)}
          {c.reviewComment ? section(t('projects.reviewComment'), c.reviewComment) : null}
          {c.canEdit ? (
            <LinkButton href={`/practice/${c.id}/edit`} variant="secondary">
              {t('practice.edit')}
            </LinkButton>
          ) : null}
        </Card>
        <div className="space-y-4">
          {c.moves.length ? (
            <Card className="space-y-3">
              <h2 className="text-sm font-semibold">{t('projects.review')}</h2>
              {c.moves.map((to) =>
                to === 'SUBMITTED' ? (
                  <ActionForm key={to} action={movePracticeAction.bind(null, c.id, to)} submitLabel={t(`practice.move.${to}`)} className="space-y-2" />
                ) : (
                  <ActionForm key={to} action={movePracticeAction.bind(null, c.id, to)} submitLabel={t(`practice.move.${to}`)} variant={to === 'RETURNED' ? 'danger' : 'primary'} className="space-y-2">
                    <FormTextarea name="comment" label={t('projects.reviewComment')} />
                  </ActionForm>
                ),
              )}
            </Card>
          ) : null}
          {c.figures ? (
            <Card>
              <h2 className="mb-2 text-sm font-semibold">{t('practice.figures')}</h2>
              <div className="grid grid-cols-2 gap-2" data-testid="practice-figures">
                {FIGURES.map((f) => (
                  <Stat key={f} label={t(`practice.fig.${f}` as MessageKey)} value={c.figures?.[f] ?? '—'} />
                ))}
              </div>
            </Card>
          ) : null}
          {c.history.length ? (
            <Card>
              <h2 className="mb-2 text-sm font-semibold">{t('common.history')}</h2>
              <History t={t} locale={locale} kind="practiceStatus" rows={c.history} />
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  )
}
