import type { Metadata } from 'next'
import { getT } from '@/lib/i18n/server'
import { RegisterForm } from '@/components/auth/register-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('register.title') }
}

export default async function RegisterPage() {
  const t = await getT()
  return (
    <>
      <h1 className="text-xl font-semibold">{t('register.title')}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('register.intro')}</p>
      <RegisterForm />
    </>
  )
}
