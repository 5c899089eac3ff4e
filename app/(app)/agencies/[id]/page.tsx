import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getAgency, listRegisterUnits } from '@/lib/server/people/agencies'
import { idParam } from '@/lib/params'
import { getT } from '@/lib/i18n/server'
import { Badge, Card } from '@/components/ui/card'
import { DetailHeader, Row } from '@/components/ui/detail'
import { DataList, type Column } from '@/components/ui/data-list'
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
  const staffColumns: Column<(typeof a.staff)[number]>[] = [
    { id: 'name', label: t('field.name'), slot: 'title', cell: (s) => <Link href={`/talent/${s.userId}`} className="data-title">{s.name}</Link> },
    {
      id: 'cert',
      label: t('talent.field.certLevel'),
      slot: 'end',
      cell: (s) => (
        <>
          <Badge tone={s.certLevel === 'NONE' ? 'neutral' : 'brand'}>{t(`certLevel.${s.certLevel}`)}</Badge>
          <span className="text-stone-600">{s.phone}</span>
        </>
      ),
    },
    { id: 'community', label: t('field.community'), cell: (s) => s.community },
    { id: 'station', label: t('talent.field.stationShort'), cell: (s) => s.station },
  ]
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
        <DataList
          t={t}
          flush
          label={t('agency.staff')}
          testId="agency-staff"
          rows={a.staff}
          rowKey={(s) => s.userId}
          columns={staffColumns}
          path={`/agencies/${a.id}`}
          query={{}}
          empty={<p className="mt-2 text-sm text-stone-600">{t('agency.noStaff')}</p>}
        />
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
