import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getScope } from '@/lib/server/auth/session'
import { safeNext } from '@/lib/server/auth/sign-in'
import { getT } from '@/lib/i18n/server'
import { SignInForm } from '@/components/auth/sign-in-form'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('signIn.title') }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams
  // only a path of this site (a page that sent a signed-out visitor here); never a phone or a password
  const next = typeof sp.next === 'string' && safeNext(sp.next) === sp.next ? sp.next : undefined
  // signed in (also right after the sign-in action, which re-renders this page): on to where they were going
  if (await getScope()) redirect(next ?? '/')
  const t = await getT()
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
