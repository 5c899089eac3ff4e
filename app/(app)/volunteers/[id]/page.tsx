import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requireScope, denyPage } from '@/lib/server/auth/session'
import { volunteerDetail } from '@/lib/server/people/volunteers'
import { listHourAdjustments } from '@/lib/server/people/hours'
import { CorrectionsList } from '@/components/hours/corrections'
import { ActionForm } from '@/components/ui/action-form'
import { issueCertificateAction } from '../../certificates/actions'
import { setVolunteerActiveAction } from '../actions'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { Card, Stat } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { DetailHeader, Row } from '@/components/ui/detail'
import { toHours } from '@/lib/hours'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('volunteer.detailTitle') }
}

/** One volunteer's profile (masked), teams, hours and recent service — for their community admin or team leader. */
export default async function VolunteerPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope()
  const v = await volunteerDetail(scope, await idParam(params))
  if (!v) return denyPage()
  const t = await getT()
  const locale = await getLocale()
  const p = v.profile
  // corrections are kept by those who keep points in the volunteer's community (a team leader does not)
  const corrections = v.manages ? await listHourAdjustments(scope, v.id) : []
  const serviceColumns: Column<(typeof v.signups)[number]>[] = [
    { id: 'task', label: t('field.title'), slot: 'title', cell: (s) => s.task.title },
    { id: 'hours', label: t('volunteer.col.hours'), slot: 'end', numeric: true, cell: (s) => t('volunteer.hoursValue', { hours: toHours(s.minutes ?? 0) }) },
    { id: 'at', label: t('tasks.checkOut'), cell: (s) => (s.checkOutAt ? formatDateTime(locale, s.checkOutAt) : null) },
  ]
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <DetailHeader back="/volunteers" backLabel={t('volunteer.listTitle')} title={p?.realName ?? v.name} status={p?.imported ? t('volunteer.notActivated') : undefined} titleTestId="volunteer-name" />
      <div className="grid grid-cols-2 gap-2">
        <Stat label={t('volunteer.col.hours')} value={v.hours} testId="volunteer-hours" />
        <Stat label={t('volunteer.col.stars')} value={v.stars ? '★'.repeat(v.stars) : '—'} />
      </div>
      {v.manages ? <ActionForm action={issueCertificateAction.bind(null, v.id)} submitLabel={t('certificate.issue')} variant="secondary" className="flex flex-col items-start gap-1" testId="issue-certificate" /> : null}
      {v.manages ? (
        <Card className="flex flex-wrap items-center justify-between gap-2" data-testid="volunteer-account">
          <span className="text-sm">
            {t('volunteers.account.title')}：<strong data-testid="account-state">{v.active ? t('volunteers.account.active') : t('volunteers.account.disabled')}</strong>
          </span>
          {v.active ? (
            <ActionForm action={setVolunteerActiveAction.bind(null, v.id, false)} submitLabel={t('volunteers.account.disable')} confirm={t('volunteers.account.disableConfirm')} variant="danger" className="flex flex-col items-end gap-1" />
          ) : (
            <ActionForm action={setVolunteerActiveAction.bind(null, v.id, true)} submitLabel={t('volunteers.account.enable')} variant="secondary" className="flex flex-col items-end gap-1" />
          )}
        </Card>
      ) : null}
      <Card className="space-y-1" data-testid="volunteer-profile">
        <dl>
          <Row label={t('volunteer.col.phone')}>{v.phone}</Row>
          <Row label={t('volunteer.col.community')}>{v.communities.join('、')}</Row>
          {p ? (
            <>
              <Row label={t('volunteer.col.idNumber')}>{p.idNumberMasked ?? '—'}</Row>
              <Row label={t('volunteer.gender')}>{p.gender ? t(`gender.${p.gender}`) : '—'}</Row>
              <Row label={t('volunteer.birthYear')}>{p.birthYear ?? '—'}</Row>
              <Row label={t('volunteer.kind')}>{t(`volunteerKind.${p.kind}`)}</Row>
              <Row label={t('volunteer.skills')}>{p.skills.length ? p.skills.map((s) => t(`skill.${s}`)).join('、') : '—'}</Row>
              <Row label={t('volunteer.availability')}>{p.availability.length ? p.availability.map((a) => t(`availability.${a}`)).join('、') : '—'}</Row>
            </>
          ) : null}
          <Row label={t('volunteer.registeredAt')}>{formatDateTime(locale, v.createdAt)}</Row>
        </dl>
        {p ? null : <p className="text-sm text-stone-500">{t('volunteer.noProfile')}</p>}
      </Card>
      <section className="space-y-2">
        <h2 className="text-sm font-medium text-stone-600">{t('volunteer.teams')}</h2>
        {v.teamMemberships.length === 0 ? (
          <p className="text-sm text-stone-500">{t('volunteer.noTeams')}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {v.teamMemberships.map((m) => (
              <li key={m.team.id}>
                <Link href={`/teams/${m.team.id}`} className="rounded-full border border-stone-300 bg-white px-3 py-1 text-sm text-brand-700 hover:underline">
                  {m.team.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="text-sm font-medium text-stone-600">{t('volunteer.recentService')}</h2>
        <DataList
          t={t}
          label={t('volunteer.recentService')}
          testId="recent-service"
          rows={v.signups}
          rowKey={(s) => s.id}
          columns={serviceColumns}
          path={`/volunteers/${v.id}`}
          query={{}}
          empty={<p className="text-sm text-stone-600">{t('volunteer.noService')}</p>}
        />
      </section>
      <CorrectionsList t={t} locale={locale} rows={corrections} testId="volunteer-corrections" />
    </div>
  )
}
