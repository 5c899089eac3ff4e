import { getT } from '@/lib/i18n/server'
import { LocaleSwitch } from '@/components/shell/locale-switch'

// Public pages (no sign-in): residents answer a satisfaction survey from a link or QR code on a phone.
export default async function SurveyLayout({ children }: { children: React.ReactNode }) {
  const t = await getT()
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <span className="font-semibold text-brand-700">{t('app.name')}</span>
        <LocaleSwitch />
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 pb-12 pt-2">{children}</main>
    </div>
  )
}
