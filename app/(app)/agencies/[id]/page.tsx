import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getAgency, listRegisterUnits } from '@/lib/server/people/agencies'
import { idParam } from '@/lib/params'
import { getT } from '@/lib/i18n/server'
import { Badge, Card } from '@/components/ui/card'
import { DetailHeader, Row } from '@/components/ui/detail'
import { ActionForm } from '@/components/ui/action-form'
import { updateAgencyAction } from '../actions'
import { AgencyFields } from '../agency-fields'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('agency.title') }
}

/** An agency and those of its staff stationed in the reader's area (phones masked); its registrar edits it. */
export default async function AgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('talent.read')
  const id = await idParam(params)
  const r = await getAgency(scope, id)
  if (!r.ok) return denyPage()
  const a = r.value
  const t = await getT()
  const units = a.canEdit ? await listRegisterUnits(scope) : []
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader back="/agencies" backLabel={t('agency.title')} title={a.name} titleTestId="agency-name" status={<Badge>{t(`agencyKind.${a.kind}`)}</Badge>} />
      <Card>
        <dl className="text-sm">
          <Row label={t('agency.field.unit')}>{a.orgUnit.name}</Row>
          <Row label={t('agency.field.creditCodeShort')}>
            <span className="tabular-nums">{a.creditCode ?? '—'}</span>
          </Row>
          <Row label={t('agency.field.contactNameShort')}>{a.contactName ?? '—'}</Row>
          <Row label={t('agency.field.phoneShort')}>
            <span className="tabular-nums">{a.phone ?? '—'}</span>
          </Row>
        </dl>
      </Card>
      <Card>
        <h2 className="text-sm font-semibold">
          {t('agency.staff')} · {a.staff.length}
        </h2>
        {a.staff.length ? (
          <ul className="mt-2 divide-y divide-stone-100 text-sm" data-testid="agency-staff">
            {a.staff.map((s) => (
              <li key={s.userId} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span>
                  <Link href={`/talent/${s.userId}`} className="text-brand-700 hover:underline">
                    {s.name}
                  </Link>{' '}
                  <span className="text-xs text-stone-500">
                    {[s.community, s.station].filter(Boolean).join(' · ')}
                  </span>
                </span>
                <span className="flex items-center gap-2">
                  <Badge tone={s.certLevel === 'NONE' ? 'neutral' : 'brand'}>{t(`certLevel.${s.certLevel}`)}</Badge>
                  <span className="tabular-nums text-stone-500">{s.phone}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-stone-500">{t('agency.noStaff')}</p>
        )}
      </Card>
      {a.canEdit ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('agency.edit')}</h2>
          <ActionForm action={updateAgencyAction.bind(null, a.id)} submitLabel={t('common.save')} className="mt-3 space-y-4" testId="agency-edit-form">
            <AgencyFields t={t} units={units.some((u) => u.id === a.orgUnitId) ? units : [{ id: a.orgUnitId, name: a.orgUnit.name, depth: 0 }, ...units]} agency={a} />
          </ActionForm>
        </Card>
      ) : null}
    </div>
  )
}
