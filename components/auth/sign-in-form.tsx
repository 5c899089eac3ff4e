import { AuthSwitch } from './auth-switch'
import { getT } from '@/lib/i18n/server'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { signInAction } from '@/app/(auth)/login/actions'

/** A POST to the sign-in action (works before JavaScript arrives); `next`: where to go afterwards. */
export async function SignInForm({ next }: { next?: string }) {
  const t = await getT()
  return (
    <ActionForm
      action={signInAction}
      submitLabel={t('signIn.submit')}
      pendingLabel={t('signIn.pending')}
      className="mt-6 space-y-4"
      buttonClassName="w-full"
      testId="sign-in-form"
      footer={<AuthSwitch prompt={t('signIn.noAccount')} href="/register" label={t('signIn.register')} />}
    >
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormInput label={t('field.phone')} name="phone" type="tel" inputMode="tel" autoComplete="username" />
      <FormInput label={t('field.password')} name="password" type="password" autoComplete="current-password" />
    </ActionForm>
  )
}
