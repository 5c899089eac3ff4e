import type { Metadata, Viewport } from 'next'
import { I18nProvider } from '@/lib/i18n/client'
import { messagesFor } from '@/lib/i18n'
import { getLocale, getT } from '@/lib/i18n/server'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT()
  return { title: { default: t('app.name'), template: `%s · ${t('app.name')}` }, description: t('app.tagline') }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale()
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <I18nProvider locale={locale} messages={messagesFor(locale)}>
          {children}
        </I18nProvider>
      </body>
    </html>
  )
}
