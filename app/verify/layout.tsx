import Link from 'next/link'
import { getT } from '@/lib/i18n/server'
import { LocaleSwitch } from '@/components/shell/locale-switch'

// Public pages (no sign-in): anyone holding a printed certificate can check it here.
export default async function VerifyLayout({ children }: { children: React.ReactNode }) {
  const t = await getT()
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <Link href="/verify" className="font-semibold text-brand-700">
          {t('app.name')}
        </Link>
        <LocaleSwitch />
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 pb-12 pt-4 sm:pt-12">{children}</main>
    </div>
  )
}
