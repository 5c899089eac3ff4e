import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getCase } from '@/lib/server/cases/cases'
import { CASE_OUTCOMES } from '@/lib/schemas/projects'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate, formatDateTime } from '@/lib/format'
import { DetailHeader, Row } from '@/components/ui/detail'
import { Badge, Card } from '@/components/ui/card'
import { ActionForm, FormInput, FormSelect, FormTextarea } from '@/components/ui/action-form'
import { StatusBadge } from '@/components/workflow/status-badge'
import { Reveal } from '@/components/cases/reveal'
import { FormFieldError } from '@/components/cases/field-error'
import { addInterventionAction, advanceCaseAction, completeFollowUpAction, recordConsentAction, saveSensitiveAction, scheduleFollowUpAction } from '../../actions'

type Props = { params: Promise<{ id: string }> }

// The title names no one: a case's person appears only inside the page, for those allowed to read it.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('cases.title') }
}

export default async function CasePage({ params }: Props) {
  const scope = await requirePermission('case.stats')
  const id = await idParam(params)
  const r = await getCase(scope, id) // logs the read
  if (!r.ok) return denyPage()
  const c = r.value
  const t = await getT()
  const locale = await getLocale()
  const row = (label: string, value: React.ReactNode) => <Row label={label}>{value}</Row>
  // the steps that keep a text (advanceCase refuses one elsewhere): the assessment, the goals, the evaluation
  const needsText = c.status === 'ASSESSMENT' || c.status === 'PLANNING' || c.status === 'EVALUATION'
  // the consent fields the person's age band takes (consent.ts), each while it is not on record yet: the
  // person's own word is their consent from 14 on, a child's assent below 14 (optional) beside the guardian's
  const band = c.consent.band
  const askOwn = band === 'UNDER_14' ? !c.childAssentAt : !c.consentAt
  const askGuardian = band !== 'OVER_14' && !c.guardianConsentAt
  const consentFields = (
    <>
      {askGuardian ? <FormInput name="guardianName" label={t('field.guardianConsentName')} /> : null}
      {askOwn ? <FormInput name="consentBy" label={band === 'UNDER_14' ? t('field.childAssentBy') : t('field.consentBy')} /> : null}
    </>
  )
  return (
    <div className="space-y-4">
      <DetailHeader back="/cases" backLabel={t('cases.title')} title={<>{c.personName} {band === 'UNDER_14' ? <Badge tone="brand">{t('cases.minor')}</Badge> : band === 'TURNING_14' ? <Badge tone="brand">{t('cases.consent.turning14')}</Badge> : null}</>} titleTestId="case-person" status={<StatusBadge t={t} kind="caseStatus" status={c.status} />} statusTestId="case-status" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <Card>
            <dl className="text-sm">
              {row(t('field.community'), c.orgUnit.name)}
              {row(t('field.vulnerabilityGroup'), t(`targetGroup.${c.vulnerabilityGroup}`))}
              {row(t('field.foundVia'), t(`needSource.${c.foundVia}`))}
              {c.gender ? row(t('field.gender'), t(`gender.${c.gender as 'F' | 'M'}`)) : null}
              {c.birthYear ? row(t('field.birthYear'), c.birthYear) : null}
              {row(t('cases.workers'), c.workers.map((w) => w.name).join('、'))}
              {row(t('cases.situation'), <span className="whitespace-pre-wrap">{c.situation}</span>)}
              {c.assessment ? row(t('cases.assessment'), <span className="whitespace-pre-wrap">{c.assessment}</span>) : null}
              {c.goals ? row(t('cases.goals'), <span className="whitespace-pre-wrap">{c.goals}</span>) : null}
              {c.evaluation ? row(t('cases.evaluation'), <span className="whitespace-pre-wrap">{c.evaluation}</span>) : null}
              {c.outcome ? row(t('field.outcomeKind'), t(`caseOutcome.${c.outcome}`)) : null}
            </dl>
          </Card>
          <Card className="space-y-2" data-testid="consent">
            <h2 className="text-sm font-semibold">{t('cases.consent')}</h2>
            <p className="text-xs text-stone-500">
              {t('cases.consent.hint')} {t(`cases.consent.rule.${band}`)}
            </p>
            <ul className="space-y-1 text-sm" data-testid="consent-on-record">
              {c.consentAt ? <li>{t('cases.consentGiven', { by: c.consentBy ?? '', date: formatDate(locale, c.consentAt) })}</li> : null}
              {c.childAssentAt ? <li>{t('cases.consent.assentGiven', { by: c.consentBy ?? '', date: formatDate(locale, c.childAssentAt) })}</li> : null}
              {c.guardianConsentAt ? <li>{t('cases.guardianGiven', { name: c.guardianName ?? '', date: formatDate(locale, c.guardianConsentAt) })}</li> : null}
              {!c.consentAt && !c.childAssentAt && !c.guardianConsentAt ? <li className="text-stone-500">{t('cases.consent.none')}</li> : null}
            </ul>
            <p className={`rounded-md p-2 text-sm ${c.consent.ok ? 'bg-emerald-50 text-emerald-800' : 'bg-amber-50 text-amber-900'}`} data-testid="consent-status">
              {c.consent.ok ? t('cases.consent.ok') : t('cases.consent.missing')}
            </p>
            {askOwn || askGuardian ? (
              <ActionForm action={recordConsentAction.bind(null, c.id)} submitLabel={t('cases.consent.record')} resetOnSuccess className="grid gap-3 sm:grid-cols-2" testId="consent-form">
                {consentFields}
              </ActionForm>
            ) : null}
          </Card>
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">{t('cases.sensitive')}</h2>
            <p className="text-xs text-stone-500">{t('cases.sensitiveHint')}</p>
            <dl className="text-sm">
              {row(t('cases.idNumber'), c.idNumberMasked ? <Reveal caseId={c.id} field="idNumber" masked={c.idNumberMasked} showLabel={t('cases.reveal')} hideLabel={t('cases.hide')} /> : t('cases.noValue'))}
              {row(t('cases.healthNotes'), c.hasHealthNotes ? <Reveal caseId={c.id} field="healthNotes" masked="••••••" showLabel={t('cases.reveal')} hideLabel={t('cases.hide')} /> : t('cases.noValue'))}
            </dl>
            <ActionForm action={saveSensitiveAction.bind(null, c.id)} submitLabel={t('cases.saveSensitive')} resetOnSuccess className="grid gap-3 sm:grid-cols-2" testId="sensitive-form">
              <FormInput name="idNumber" label={t('field.idNumber')} autoComplete="off" />
              {c.consent.ok ? null : consentFields}
              <div className="sm:col-span-2">
                <FormTextarea name="healthNotes" label={t('field.healthNotes')} autoComplete="off" />
              </div>
            </ActionForm>
          </Card>
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">{t('cases.interventions')}</h2>
            <ul className="space-y-1 text-sm" data-testid="interventions">
              {c.interventions.map((i) => (
                <li key={i.id}>
                  <Badge>{t(`interventionKind.${i.kind}`)}</Badge> {i.description}
                  {i.professional ? ` → ${i.professional}` : ''}
                  {i.resource ? ` → ${i.resource}` : ''}
                  {i.outcome ? `（${i.outcome}）` : ''} <span className="text-xs text-stone-500">{formatDateTime(locale, i.at)}</span>
                </li>
              ))}
            </ul>
            {c.status === 'INTERVENTION' || c.status === 'FOLLOW_UP' ? (
              <ActionForm action={addInterventionAction.bind(null, c.id)} submitLabel={t('cases.addIntervention')} resetOnSuccess className="grid gap-3 sm:grid-cols-2" testId="intervention-form">
                <FormSelect name="kind" label={t('field.interventionKind')} options={[{ value: 'SERVICE', label: t('interventionKind.SERVICE') }, { value: 'REFERRAL', label: t('interventionKind.REFERRAL') }]} />
                <FormInput name="professional" label={t('field.professional')} />
                <FormSelect name="resourceId" label={t('field.resources')} placeholder={t('common.none')} options={c.resources.map((r) => ({ value: r.id, label: r.providerName }))} />
                <FormInput name="description" label={t('field.description')} />
                <FormInput name="outcome" label={t('field.interventionOutcome')} />
              </ActionForm>
            ) : null}
          </Card>
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">{t('cases.followUps')}</h2>
            <ul className="space-y-2 text-sm" data-testid="follow-ups">
              {c.followUps.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center gap-2">
                  <span>{formatDate(locale, f.dueOn)}</span>
                  {f.doneAt ? <span className="text-stone-600">{f.note}</span> : f.overdue ? <Badge tone="brand">{t('cases.overdue', { count: 1 })}</Badge> : null}
                  {!f.doneAt ? (
                    <ActionForm action={completeFollowUpAction.bind(null, f.id)} submitLabel={t('cases.complete')} variant="secondary" className="flex flex-wrap items-end gap-2">
                      <FormInput name="note" label={t('field.followUpNote')} />
                    </ActionForm>
                  ) : null}
                </li>
              ))}
            </ul>
            {c.status !== 'CLOSED' ? (
              <ActionForm action={scheduleFollowUpAction.bind(null, c.id)} submitLabel={t('cases.schedule')} resetOnSuccess className="flex flex-wrap items-end gap-2" testId="schedule-form">
                <FormInput name="dueOn" label={t('field.dueOn')} type="date" />
              </ActionForm>
            ) : null}
          </Card>
        </div>
        <div className="space-y-4">
          <Card className="space-y-3">
            {!c.consent.ok && c.moves.length ? <p className="text-sm text-amber-900">{t('cases.consent.blocked')}</p> : null}
            {c.moves.map((to) => (
              <ActionForm key={to} action={advanceCaseAction.bind(null, c.id, to)} submitLabel={t('cases.step', { status: t(`caseStatus.${to}`) })} className="space-y-2" testId={`step-${to}`}>
                <FormFieldError name="consent" />
                {needsText ? <FormTextarea name="text" label={c.status === 'ASSESSMENT' ? t('cases.assessment') : c.status === 'PLANNING' ? t('cases.goals') : t('cases.evaluation')} /> : null}
                {to === 'CLOSED' ? <FormSelect name="outcome" label={t('field.outcomeKind')} placeholder="" options={CASE_OUTCOMES.map((o) => ({ value: o, label: t(`caseOutcome.${o}`) }))} /> : null}
              </ActionForm>
            ))}
          </Card>
          {c.isSupervisor ? (
            <Link href={`/cases/${c.id}/log`} className="block text-sm text-brand-700 underline">
              {t('cases.accessLog')}
            </Link>
          ) : null}
        </div>
      </div>
    </div>
  )
}
