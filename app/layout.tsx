import type { Metadata, Viewport } from 'next'
import { headers } from 'next/headers'
import { connection } from 'next/server'
import { ClientMessages } from '@/lib/i18n/client-messages'
import { ROOT_MESSAGES } from '@/lib/i18n/root-messages'
import { Toaster } from '@/components/ui/toast'
import { getLocale, getT } from '@/lib/i18n/server'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT()
  return {
    title: { default: t('app.name'), template: `%s · ${t('app.name')}` },
    description: t('app.tagline'),
    icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
    appleWebApp: { capable: true, title: t('pwa.shortName'), statusBarStyle: 'default' },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#a91b1b' }

// Whether the page's scripts run: set by the first inline script of the page (with the request's CSP
// nonce), before anything is painted. Without it — no JavaScript, or JavaScript switched off — a list's
// loading skeleton (components/ui/skeleton.tsx) would stay on screen with the streamed page hidden below
// it, so app/globals.css hides the skeleton and shows React's streamed segments for html:not(.js).
// At /login (sign-out, an expired session, another account) it also forgets which volunteer uses this
// phone (components/workflow/offline-scan.tsx).
const MARK_SCRIPTING = "document.documentElement.classList.add('js');if(location.pathname==='/login')try{localStorage.removeItem('ronghe:user')}catch(e){}"
// The service worker (lib/offline/sw.ts, built into public/sw.js by `npm run build`), registered once the
// page has loaded; not in development, where public/sw.js may be an older build's.
const REGISTER_WORKER = "if('serviceWorker' in navigator)addEventListener('load',function(){navigator.serviceWorker.register('/sw.js').catch(function(){})})"

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // every page is rendered per request, never prerendered: Next puts the request's CSP nonce (proxy.ts)
  // on its scripts only while rendering, so a prerendered page's scripts would be refused
  await connection()
  const locale = await getLocale()
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get('content-security-policy') ?? '')?.[1]
  return (
    // the class that script adds is not React's: no hydration warning for it
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: process.env.NODE_ENV === 'production' ? `${MARK_SCRIPTING};${REGISTER_WORKER}` : MARK_SCRIPTING }} />
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
