import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requireScope, denyPage } from '@/lib/server/auth/session'
import { getInspection } from '@/lib/server/evaluation/inspections'
import { idParam } from '@/lib/params'
import { chinaDate } from '@/lib/china-time'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate, formatDateTime } from '@/lib/format'
import { Badge, Card } from '@/components/ui/card'
import { DetailHeader, Row } from '@/components/ui/detail'
import { ActionForm, FormInput, FormTextarea } from '@/components/ui/action-form'
import { acceptRectificationAction, orderRectificationAction, respondRectificationAction, returnRectificationAction, scoreInspectionAction } from '../../actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.inspections') }
}

/** An inspection: its checklist and scores, findings, and the rectification items with their answers. */
export default async function InspectionPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope()
  const r = await getInspection(scope, await idParam(params))
  if (!r.ok) return denyPage()
  const i = r.value
  const t = await getT()
  const locale = await getLocale()
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader
        back="/evaluation/inspections"
        backLabel={t('evaluation.tab.inspections')}
        title={i.project ? t('evaluation.inspection.titleProject', { project: i.project }) : t('evaluation.inspection.titleUnit', { unit: i.unit })}
        titleTestId="inspection-title"
        status={<Badge tone={i.status === 'SCORED' ? 'green' : 'neutral'}>{t(`evaluation.inspectionStatus.${i.status}`)}</Badge>}
        statusTestId="inspection-status"
      />
      <Card>
        <dl className="text-sm">
          <Row label={t('evaluation.inspection.unit')}>{i.unit}</Row>
          <Row label={t('evaluation.inspection.inspector')}>{i.inspector}</Row>
          <Row label={t('evaluation.inspection.template')}>{i.template.name}</Row>
          <Row label={t('evaluation.inspection.date')}>{formatDate(locale, i.scheduledFor)}</Row>
          {i.spotCheckId ? (
            <Row label={t('evaluation.inspection.fromSpotCheck')}>
              <Link href={`/evaluation/spot-checks/${i.spotCheckId}`} className="text-brand-700 underline">
                {t('evaluation.spot.view')}
              </Link>
            </Row>
          ) : null}
          {i.status === 'SCORED' ? (
            <>
              <Row label={t('evaluation.inspection.score')}>
                <span data-testid="inspection-score">{t('evaluation.inspection.scoreValue', { score: i.scorePercent ?? 0, points: i.scorePoints ?? 0, max: i.maxPoints ?? 0 })}</span>
              </Row>
              <Row label={t('evaluation.inspection.findings')}>{i.findings ?? '—'}</Row>
              <Row label={t('evaluation.inspection.scoredAt')}>{formatDateTime(locale, i.scoredAt)}</Row>
            </>
          ) : null}
        </dl>
      </Card>
      <Card>
        <h2 className="text-sm font-semibold">{t('evaluation.inspection.checklist')}</h2>
        <p className="text-xs text-stone-500">{t('evaluation.inspection.scoringRule')}</p>
        {i.canScore ? (
          <ActionForm action={scoreInspectionAction.bind(null, i.id)} submitLabel={t('evaluation.inspection.saveScore')} className="mt-3 space-y-3" testId="score-form">
            {i.items.map((it) => (
              <FormInput key={it.id} name={`score.${it.id}`} label={t('evaluation.inspection.itemLabel', { text: it.text, weight: it.weight })} inputMode="numeric" />
            ))}
            <FormTextarea name="findings" label={t('evaluation.inspection.findings')} />
          </ActionForm>
        ) : (
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm" data-testid="score-items">
            {i.items.map((it) => (
              <li key={it.id}>
                {it.text} <span className="tabular-nums text-stone-500">· {it.points === null ? t('evaluation.inspection.notScored', { weight: it.weight }) : t('evaluation.inspection.points', { points: it.points, weight: it.weight })}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card>
        <h2 className="text-sm font-semibold">{t('evaluation.rect.title')}</h2>
        {i.rectifications.length === 0 ? <p className="mt-2 text-sm text-stone-500">{t('evaluation.rect.none')}</p> : null}
        <ul className="mt-2 space-y-3">
          {i.rectifications.map((x) => (
            <li key={x.id} className="rounded-md border border-stone-200 p-3 text-sm" data-testid="rectification">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium">{x.description}</p>
                <span className="flex gap-1">
                  <Badge tone={x.status === 'ACCEPTED' ? 'green' : 'neutral'}>{t(`evaluation.rectStatus.${x.status}`)}</Badge>
                  {x.overdue ? <Badge tone="brand">{t('evaluation.rect.overdue')}</Badge> : null}
                </span>
              </div>
              <p className="text-xs text-stone-500">{t('evaluation.rect.deadline', { date: formatDate(locale, x.deadline) })}</p>
              {x.returnNote ? <p className="mt-1 text-xs text-red-700">{t('evaluation.rect.returned', { note: x.returnNote, count: x.returnCount })}</p> : null}
              {x.response ? <p className="mt-1">{t('evaluation.rect.response', { text: x.response })} <span className="text-xs text-stone-500">{formatDateTime(locale, x.respondedAt)}</span></p> : null}
              {x.acceptedAt ? <p className="mt-1 text-xs text-emerald-700">{t('evaluation.rect.acceptedAt', { at: formatDateTime(locale, x.acceptedAt) })}</p> : null}
              {i.canRespond && x.status === 'OPEN' ? (
                <ActionForm action={respondRectificationAction.bind(null, x.id)} submitLabel={t('evaluation.rect.respond')} className="mt-2 space-y-2" testId="respond-form">
                  <FormTextarea name="response" label={t('evaluation.rect.responseLabel')} />
                </ActionForm>
              ) : null}
              {i.canAccept && x.status === 'RESPONDED' ? (
                <div className="mt-2 flex flex-wrap items-end gap-3">
                  <ActionForm action={acceptRectificationAction.bind(null, x.id)} submitLabel={t('evaluation.rect.accept')} className="" testId="accept-form" />
                  <ActionForm action={returnRectificationAction.bind(null, x.id)} submitLabel={t('evaluation.rect.return')} confirm={t('evaluation.rect.returnConfirm')} variant="secondary" className="flex-1 space-y-2">
                    <FormInput name="note" label={t('evaluation.rect.returnNote')} />
                  </ActionForm>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      {i.canOrder ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('evaluation.rect.order')}</h2>
          <ActionForm action={orderRectificationAction.bind(null, i.id)} submitLabel={t('evaluation.rect.order')} className="mt-3 space-y-3" resetOnSuccess testId="rect-form">
            <FormTextarea name="description" label={t('evaluation.rect.description')} />
            <FormInput name="deadline" type="date" label={t('evaluation.rect.deadlineLabel')} min={chinaDate()} />
          </ActionForm>
        </Card>
      ) : null}
    </div>
  )
}
