'use client'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useState, useTransition } from 'react'
import { registerVolunteerAction, type RegisterState } from '@/app/(auth)/register/actions'
import { translateError } from '@/lib/i18n'
import { useI18n } from '@/lib/i18n/client'
import { Field } from '@/components/ui/field'
import { Button } from '@/components/ui/button'
import { CommunityPicker } from './community-picker'

export function RegisterForm() {
  const { t } = useI18n()
  const router = useRouter()
  const [state, setState] = useState<RegisterState>(null)
  const [pending, start] = useTransition()
  const err = (k: string) => translateError(t, state?.fieldErrors?.[k])

  // Submitted by hand (not <form action>) so a rejected form keeps everything typed in it.
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const fd = new FormData(e.currentTarget)
    start(async () => {
      const r = await registerVolunteerAction(null, fd)
      setState(r)
      if (!r?.ok) return
      // the account is usable at once: sign straight in with what was typed
      const res = await signIn('credentials', { phone: fd.get('phone'), password: fd.get('password'), redirect: false })
      if (res?.ok && !res.error) {
        router.replace('/')
        router.refresh()
      } else router.replace(`/login?registered=1&phone=${r.phone}`)
    })
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4" aria-busy={pending}>
      <Field label={t('field.phone')} name="phone" type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} required error={err('phone')} />
      <Field label={t('field.name')} name="name" autoComplete="name" required error={err('name')} />
      <Field label={t('register.idNumber')} name="idNumber" autoComplete="off" maxLength={18} hint={t('register.idNumberHint')} error={err('idNumber')} />
      <Field label={t('field.password')} name="password" type="password" autoComplete="new-password" required hint={t('register.passwordHint')} error={err('password')} />
      <Field label={t('field.confirmPassword')} name="confirmPassword" type="password" autoComplete="new-password" required error={err('confirmPassword')} />
      <CommunityPicker name="communityId" error={err('communityId')} />
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {state.error ? translateError(t, state.error, state.messageParams) : t('form.fixErrors')}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('register.pending') : t('register.submit')}
      </Button>
      <p className="text-center text-sm text-stone-600">
        {t('register.haveAccount')}{' '}
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t('signIn.submit')}
        </Link>
      </p>
    </form>
  )
}
