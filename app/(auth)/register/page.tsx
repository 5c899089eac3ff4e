import type { Metadata } from 'next'
import { getT } from '@/lib/i18n/server'
import { RegisterForm } from '@/components/auth/register-form'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('register.title') }
}

export default async function RegisterPage() {
  const t = await getT()
  return (
    <>
      <PageHeader title={t('register.title')} />
      <p className="mt-1 text-sm text-stone-600">{t('register.intro')}</p>
      <RegisterForm />
    </>
  )
}
