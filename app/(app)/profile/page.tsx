import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { myProfile } from '@/lib/server/people/volunteers'
import { AVAILABILITY, GENDERS, SKILLS, VOLUNTEER_KINDS } from '@/lib/schemas/volunteers'
import { getT } from '@/lib/i18n/server'
import { Card, EmptyState } from '@/components/ui/card'
import { ActionForm, FormCheckboxes, FormInput, FormSelect } from '@/components/ui/action-form'
import { saveProfileAction } from './actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('volunteer.profileTitle') }
}

/** The volunteer keeps their own profile — phone-first; the ID number is never sent back in clear. */
export default async function ProfilePage() {
  const scope = await requirePermission('volunteer.home')
  const t = await getT()
  const me = await myProfile(scope)
  if (!me) return <EmptyState title={t('volunteer.noHome')} />
  const p = me.profile
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeader title={t('volunteer.profileTitle')} />
      <p className="text-sm text-stone-600">{t('volunteer.profileIntro')}</p>
      <Card>
        <p className="mb-3 text-sm text-stone-600">
          {t('volunteer.community')}：<span className="font-medium text-stone-900">{me.community}</span>
        </p>
        <ActionForm action={saveProfileAction} submitLabel={t('common.save')} testId="profile-form">
          <FormInput name="realName" label={t('volunteer.realName')} defaultValue={p?.realName ?? scope.userName} autoComplete="name" required />
          <FormInput
            name="idNumber"
            label={t('volunteer.idNumber')}
            autoComplete="off"
            placeholder={p?.idNumberMasked ?? ''}
            hint={p?.idNumberMasked ? t('volunteer.idNumberKeep', { masked: p.idNumberMasked }) : t('volunteer.idNumberHint')}
          />
          <div className="grid grid-cols-2 gap-3">
            <FormSelect name="gender" label={t('volunteer.gender')} placeholder="" defaultValue={p?.gender ?? ''} options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
            <FormInput name="birthYear" label={t('volunteer.birthYear')} inputMode="numeric" maxLength={4} defaultValue={p?.birthYear ?? ''} />
          </div>
          <FormSelect name="kind" label={t('volunteer.kind')} defaultValue={p?.kind ?? 'OTHER'} options={VOLUNTEER_KINDS.map((k) => ({ value: k, label: t(`volunteerKind.${k}`) }))} />
          <FormCheckboxes name="skills" label={t('volunteer.skills')} defaultChecked={p?.skills ?? []} options={SKILLS.map((s) => ({ value: s, label: t(`skill.${s}`) }))} />
          <FormCheckboxes name="availability" label={t('volunteer.availability')} defaultChecked={p?.availability ?? []} options={AVAILABILITY.map((a) => ({ value: a, label: t(`availability.${a}`) }))} />
        </ActionForm>
      </Card>
    </div>
  )
}
