import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getScope } from '@/lib/server/auth/session'
import { getT } from '@/lib/i18n/server'
import { SignInForm } from '@/components/auth/sign-in-form'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('signIn.title') }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getScope()) redirect('/')
  const sp = await searchParams
  const t = await getT()
  // only a path of this site (a page that sent a signed-out visitor here); never a phone or a password
  const next = typeof sp.next === 'string' && sp.next.startsWith('/') && !sp.next.startsWith('//') ? sp.next.slice(0, 500) : undefined
  return (
    <>
      <PageHeader title={t('signIn.title')} />
      <p className="mt-1 text-sm text-stone-600">{t('app.tagline')}</p>
      {sp.registered ? (
        <p role="status" className="mt-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800">
          {t('register.done')}
        </p>
      ) : null}
      <SignInForm next={next} />
    </>
  )
}
