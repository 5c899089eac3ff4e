import { Link } from '@/components/ui/link'
import { getT } from '@/lib/i18n/server'
import { LocaleSwitch } from '@/components/shell/locale-switch'

/** The frame of the pages used without signing in (sign-in, registration, surveys, certificate checks). */
export async function PublicShell({ children, mainClassName, home }: { children: React.ReactNode; mainClassName: string; home?: string }) {
  const t = await getT()
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        {home ? (
          <Link href={home} className="font-semibold text-brand-700">
            {t('app.name')}
          </Link>
        ) : (
          <span className="font-semibold text-brand-700">{t('app.name')}</span>
        )}
        <LocaleSwitch label={t('shell.language')} />
      </header>
      <main className={`mx-auto w-full flex-1 px-4 pb-12 ${mainClassName}`}>{children}</main>
    </div>
  )
}
