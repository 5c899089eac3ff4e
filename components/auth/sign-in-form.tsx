'use client'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useState } from 'react'
import { ZSignIn } from '@/lib/schemas/auth'
import { translateError } from '@/lib/i18n'
import { useI18n } from '@/lib/i18n/client'
import { Field } from '@/components/ui/field'
import { Button } from '@/components/ui/button'

export function SignInForm({ defaultPhone }: { defaultPhone: string }) {
  const { t } = useI18n()
  const router = useRouter()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string>()
  const [pending, setPending] = useState(false)

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const data = Object.fromEntries(new FormData(e.currentTarget))
    const parsed = ZSignIn.safeParse(data)
    setFormError(undefined)
    if (!parsed.success) {
      const fe: Record<string, string> = {}
      for (const i of parsed.error.issues) fe[String(i.path[0])] ??= i.message
      setErrors(fe)
      return
    }
    setErrors({})
    setPending(true)
    const res = await signIn('credentials', { ...parsed.data, redirect: false })
    if (res?.ok && !res.error) {
      router.replace('/')
      router.refresh()
      return
    }
    setPending(false)
    setFormError(res?.error === 'LOCKED' ? t('signIn.locked') : res?.error === 'RATE_LIMITED' ? t('signIn.rateLimited') : t('signIn.invalid'))
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4" aria-busy={pending}>
      <Field label={t('field.phone')} name="phone" type="tel" inputMode="numeric" autoComplete="username" defaultValue={defaultPhone} maxLength={11} error={translateError(t, errors.phone)} />
      <Field label={t('field.password')} name="password" type="password" autoComplete="current-password" error={translateError(t, errors.password)} />
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('signIn.pending') : t('signIn.submit')}
      </Button>
      <p className="text-center text-sm text-stone-600">
        {t('signIn.noAccount')}{' '}
        <Link href="/register" className="font-medium text-brand-700 underline">
          {t('signIn.register')}
        </Link>
      </p>
    </form>
  )
}
