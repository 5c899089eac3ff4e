import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getTalentRecord } from '@/lib/server/people/talent'
import { CERT_LEVELS, EMPLOYER_KINDS } from '@/lib/schemas/talent'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { fromDbDate } from '@/lib/china-time'
import { Badge, Card } from '@/components/ui/card'
import { DetailHeader, Row } from '@/components/ui/detail'
import { ActionForm, FormInput, FormSelect } from '@/components/ui/action-form'
import { saveWorkerProfileAction } from '../actions'
import { CeYears } from '../ce-badge'
import { TrainingList } from '../training-list'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('talent.record.title') }
}

/** One worker's talent record, CE hours per year and trainings; the community admin keeps the record here. */
export default async function TalentRecordPage({ params }: { params: Promise<{ userId: string }> }) {
  const scope = await requirePermission('talent.read')
  const id = await idParam(params.then((p) => ({ id: p.userId })))
  const r = await getTalentRecord(scope, id)
  if (!r.ok) return denyPage()
  const w = r.value
  const p = w.profile
  const t = await getT()
  const locale = await getLocale()
  const dateInput = (d: Date | null) => (d ? fromDbDate(d) : '')
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader back="/talent" backLabel={t('talent.title')} title={w.name} titleTestId="talent-name" status={p ? <Badge tone={p.certLevel === 'NONE' ? 'neutral' : 'brand'}>{t(`certLevel.${p.certLevel}`)}</Badge> : <Badge>{t('talent.noRecord')}</Badge>} />
      <Card>
        <dl className="text-sm">
          <Row label={t('talent.field.phone')}>
            <span className="tabular-nums">{w.phone}</span>
          </Row>
          <Row label={t('talent.field.roles')}>
            {w.roles.map((x) => (
              <span key={`${x.community}-${x.role}`} className="block">
                {x.community} · {t(`role.${x.role}`)}
              </span>
            ))}
          </Row>
          {p ? (
            <>
              <Row label={t('talent.field.community')}>{p.community}</Row>
              <Row label={t('talent.field.certLevel')}>{t(`certLevel.${p.certLevel}`)}</Row>
              {p.certLevel !== 'NONE' ? (
                <>
                  <Row label={t('talent.field.certNumber')}>
                    <span className="tabular-nums">{p.certNumber}</span>
                  </Row>
                  <Row label={t('talent.field.certDate')}>{formatDate(locale, p.certDate)}</Row>
                </>
              ) : null}
              <Row label={t('talent.field.employerKind')}>
                {p.employerKind === 'AGENCY' && p.agency ? (
                  <Link href={`/agencies/${p.agency.id}`} className="text-brand-700 hover:underline">
                    {p.agency.name}
                  </Link>
                ) : (
                  t(`talent.employer.${p.employerKind}`)
                )}
              </Row>
              <Row label={t('talent.field.stationShort')}>{p.station ?? '—'}</Row>
            </>
          ) : (
            <p className="py-1 text-stone-600">{t('talent.notKept')}</p>
          )}
        </dl>
      </Card>

      <Card>
        <h2 className="text-sm font-semibold">{t('talent.years', { required: w.requiredHours })}</h2>
        <CeYears t={t} years={w.years} />
      </Card>

      <Card>
        <h2 className="text-sm font-semibold">{t('talent.trainings')}</h2>
        <TrainingList t={t} locale={locale} trainings={w.trainings} />
      </Card>

      {w.canEdit ? (
        <Card>
          <h2 className="text-sm font-semibold">{p ? t('talent.edit') : t('talent.create')}</h2>
          <ActionForm action={saveWorkerProfileAction.bind(null, w.id)} submitLabel={t('common.save')} className="mt-3 space-y-4" testId="profile-form">
            <div className="grid gap-3 sm:grid-cols-2">
              <FormSelect name="certLevel" label={t('talent.field.certLevel')} defaultValue={p?.certLevel ?? 'NONE'} hint={t('talent.certHint')} options={CERT_LEVELS.map((l) => ({ value: l, label: t(`certLevel.${l}`) }))} />
              <FormInput name="certNumber" label={t('talent.field.certNumber')} defaultValue={p?.certNumber ?? ''} autoComplete="off" />
              <FormInput name="certDate" label={t('talent.field.certDate')} type="date" defaultValue={dateInput(p?.certDate ?? null)} />
              <FormSelect name="employerKind" label={t('talent.field.employerKind')} defaultValue={p?.employerKind ?? 'COMMUNITY'} options={EMPLOYER_KINDS.map((k) => ({ value: k, label: t(`talent.employer.${k}`) }))} />
              <FormSelect
                name="agencyId"
                label={t('talent.field.agency')}
                hint={w.agencies.length ? t('talent.agencyHint') : t('talent.noAgencies')}
                defaultValue={p?.agency?.id ?? ''}
                placeholder=""
                options={w.agencies.map((a) => ({ value: a.id, label: a.name }))}
              />
              <FormInput name="station" label={t('talent.field.station')} defaultValue={p?.station ?? ''} />
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  )
}
