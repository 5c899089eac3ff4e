import type { Translate } from '@/lib/i18n'
import { AGENCY_KINDS } from '@/lib/schemas/talent'
import { FormInput, FormSelect } from '@/components/ui/action-form'

type Agency = { orgUnitId: string; name: string; kind: string; creditCode: string | null; contactName: string | null; phone: string | null }

/** The fields of an agency's registration, shared by the register and edit forms. */
export function AgencyFields({ t, units, agency }: { t: Translate; units: { id: string; name: string; depth: number }[]; agency?: Agency }) {
  const top = units[0]?.depth ?? 0
  return (
    <>
      {units.length === 1 ? (
        <input type="hidden" name="orgUnitId" value={units[0].id} />
      ) : (
        <FormSelect name="orgUnitId" label={t('agency.field.unit')} defaultValue={agency?.orgUnitId} options={units.map((u) => ({ value: u.id, label: `${'\u00a0'.repeat(2 * Math.max(0, u.depth - top))}${u.name}` }))} />
      )}
      <FormInput name="name" label={t('agency.field.name')} defaultValue={agency?.name} required />
      <FormSelect name="kind" label={t('agency.field.kind')} defaultValue={agency?.kind ?? 'SOCIAL_WORK_AGENCY'} options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))} />
      <FormInput name="creditCode" label={t('agency.field.creditCode')} hint={t('agency.creditHint')} defaultValue={agency?.creditCode ?? ''} autoComplete="off" />
      <FormInput name="contactName" label={t('agency.field.contactName')} defaultValue={agency?.contactName ?? ''} />
      <FormInput name="phone" label={t('agency.field.phone')} type="tel" inputMode="tel" defaultValue={agency?.phone ?? ''} />
    </>
  )
}
