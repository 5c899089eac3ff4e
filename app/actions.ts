'use server'
import { runAction } from '@/lib/server/security/run-action'
import { cookies } from 'next/headers'
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n'

export async function setLocaleAction(locale: string) {
  return runAction('app.setLocale', ['text'], [locale], async () => {
    if (!isLocale(locale)) return
    ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' })
  }, 'value')
}
