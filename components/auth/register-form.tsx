import { AuthSwitch } from './auth-switch'
import { getT } from '@/lib/i18n/server'
import { ClientMessages } from '@/lib/i18n/client-messages'
import { COMMUNITY_PICKER_MESSAGES } from './community-picker.messages'
import { COMMUNITY_COMBOBOX_MESSAGES } from './community-combobox.messages'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { registerVolunteerAction } from '@/app/(auth)/register/actions'
import { CommunityPicker } from './community-picker'

/** A POST to the registration action (works before JavaScript arrives); a success signs in and goes home. */
export async function RegisterForm() {
  const t = await getT()
  return (
    <ActionForm
      action={registerVolunteerAction}
      submitLabel={t('register.submit')}
      pendingLabel={t('register.pending')}
      className="mt-6 space-y-4"
      buttonClassName="w-full"
      testId="register-form"
      footer={<AuthSwitch prompt={t('register.haveAccount')} href="/login" label={t('signIn.submit')} />}
    >
      <FormInput label={t('field.phone')} name="phone" type="tel" inputMode="tel" autoComplete="tel" required />
      <FormInput label={t('field.name')} name="name" autoComplete="name" required />
      <FormInput label={t('register.idNumber')} name="idNumber" autoComplete="off" hint={t('register.idNumberHint')} />
      <FormInput label={t('field.password')} name="password" type="password" autoComplete="new-password" required hint={t('register.passwordHint')} />
      <FormInput label={t('field.confirmPassword')} name="confirmPassword" type="password" autoComplete="new-password" required />
      <ClientMessages keys={COMMUNITY_PICKER_MESSAGES}>
        <ClientMessages keys={COMMUNITY_COMBOBOX_MESSAGES}>
          <CommunityPicker name="communityId" queryName="communityQuery" />
        </ClientMessages>
      </ClientMessages>
    </ActionForm>
  )
}
