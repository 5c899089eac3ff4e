import type { Metadata, Viewport } from 'next'
import { connection } from 'next/server'
import { ClientMessages } from '@/lib/i18n/client-messages'
import { ROOT_MESSAGES } from '@/lib/i18n/root-messages'
import { Toaster } from '@/components/ui/toast'
import { getLocale, getT } from '@/lib/i18n/server'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT()
  return { title: { default: t('app.name'), template: `%s · ${t('app.name')}` }, description: t('app.tagline') }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

const NO_SCRIPT_CSS = '.skeleton{display:none!important}div[hidden][id^="S:"]{display:block!important}'

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // every page is rendered per request, never prerendered: Next puts the request's CSP nonce (proxy.ts)
  // on its scripts only while rendering, so a prerendered page's scripts would be refused
  await connection()
  const locale = await getLocale()
  return (
    <html lang={locale}>
      <head>
        {/* without JavaScript a streamed page cannot replace its loading skeleton (components/ui/skeleton.tsx):
            hide the skeleton and show the streamed page where the browser put it */}
        <noscript>
          <style>{NO_SCRIPT_CSS}</style>
        </noscript>
      </head>
      <body className="min-h-dvh">
        {/* translation happens on the server: the browser gets only what client code renders */}
        <ClientMessages keys={ROOT_MESSAGES}>
          <Toaster>{children}</Toaster>
        </ClientMessages>
      </body>
    </html>
  )
}
