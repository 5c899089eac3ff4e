'use server'
import { runAction } from '@/lib/server/security/run-action'
import { cookies } from 'next/headers'
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n'
import type { ActionState } from '@/lib/form-state'
import { getSessionId, requireScope } from '@/lib/server/auth/session'
import { endSession } from '@/lib/server/auth/sessions'
import { sessionCookieName } from '@/lib/server/auth/sign-in'
import { audit } from '@/lib/server/security/audit'

export async function setLocaleAction(locale: string) {
  return runAction('app.setLocale', ['text'], [locale], async () => {
    if (!isLocale(locale)) return
    ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' })
  }, 'value')
}

/**
 * Sign-out is a form (a POST, also before JavaScript arrives): the server-side session ends at once,
 * so the cookie is worthless even if kept, and the cookie is cleared. Audited like next-auth's.
 */
export async function signOutAction(): Promise<ActionState> {
  return runAction('app.signOut', [], [], async () => {
    const scope = await requireScope()
    const sid = await getSessionId()
    if (sid) await endSession(sid)
    ;(await cookies()).delete(sessionCookieName())
    await audit({ action: 'auth.signOut', result: 'ok', scope })
    return { ok: true, redirect: '/login' }
  })
}
