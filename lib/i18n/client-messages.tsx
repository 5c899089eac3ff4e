import 'server-only'
import { I18nProvider } from './client'
import { pickMessages, type MessageKey } from './index'
import { getLocale } from './server'

/**
 * Hands the client components below it the messages `keys`, and only those: each client component that
 * translates declares its keys beside it (a `*.messages.ts` file, importable by the server), and the
 * server component that renders it wraps it here. The page's payload carries those messages, never the
 * catalog (tests/e2e/payload.spec.ts holds every page to a budget).
 */
export async function ClientMessages({ keys, children }: { keys: readonly MessageKey[]; children: React.ReactNode }) {
  const locale = await getLocale()
  return (
    <I18nProvider locale={locale} messages={pickMessages(locale, keys)}>
      {children}
    </I18nProvider>
  )
}
