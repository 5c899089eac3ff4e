import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { myTalentRecord } from '@/lib/server/people/talent'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, Card } from '@/components/ui/card'
import { Row } from '@/components/ui/detail'
import { CeBadge, CeYears } from '../ce-badge'
import { TrainingList } from '../training-list'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('talent.me.title') }
}

/** The social worker's own record and CE hours, phone first: this year's hours on top, then the rest. */
export default async function MyTalentPage() {
  const scope = await requirePermission('talent.self')
  const r = await myTalentRecord(scope)
  if (!r.ok) return denyPage()
  const me = r.value
  const t = await getT()
  const locale = await getLocale()
  const p = me.profile
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeader title={t('talent.me.title')} />
      <Card className="space-y-1" data-testid="ce-this-year">
        <p className="text-sm text-stone-600">{t('talent.me.thisYear', { year: me.thisYear.year })}</p>
        <p className="flex items-baseline gap-2">
          <span className="text-4xl font-semibold tabular-nums" data-testid="ce-hours">
            {me.thisYear.hours}
          </span>
          <span className="text-stone-600">{t('talent.me.of', { required: me.requiredHours })}</span>
          <CeBadge t={t} status={me.thisYear.status} testId="ce-status" />
        </p>
        <div className="h-2 overflow-hidden rounded bg-stone-100" aria-hidden="true">
          <div className="h-full bg-brand-600" style={{ width: `${Math.min(100, (me.thisYear.hours / Math.max(1, me.requiredHours)) * 100)}%` }} />
        </div>
        <p className="text-xs text-stone-500">{t('talent.me.expected', { expected: me.thisYear.expected })}</p>
      </Card>

      <Card>
        <h2 className="text-sm font-semibold">{t('talent.trainings')}</h2>
        <TrainingList t={t} locale={locale} trainings={me.trainings} />
      </Card>

      <Card>
        <h2 className="text-sm font-semibold">{t('talent.me.record')}</h2>
        {p ? (
          <dl className="mt-2 text-sm">
            <Row label={t('talent.field.community')}>{p.community}</Row>
            <Row label={t('talent.field.certLevel')}>
              <Badge tone={p.certLevel === 'NONE' ? 'neutral' : 'brand'}>{t(`certLevel.${p.certLevel}`)}</Badge>
            </Row>
            {p.certLevel !== 'NONE' ? (
              <>
                <Row label={t('talent.field.certNumber')}>
                  <span className="tabular-nums">{p.certNumber}</span>
                </Row>
                <Row label={t('talent.field.certDate')}>{formatDate(locale, p.certDate)}</Row>
              </>
            ) : null}
            <Row label={t('talent.field.employerKind')}>{p.employerKind === 'AGENCY' ? (p.agency ?? '') : t('talent.employer.COMMUNITY')}</Row>
            <Row label={t('talent.field.stationShort')}>{p.station ?? '—'}</Row>
          </dl>
        ) : (
          <p className="mt-2 text-sm text-stone-600">{t('talent.me.noProfile')}</p>
        )}
      </Card>

      <Card>
        <h2 className="text-sm font-semibold">{t('talent.me.history')}</h2>
        <CeYears t={t} years={me.years} />
      </Card>
    </div>
  )
}
