'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { ActionState, FormState } from '@/lib/form-state'
import { passwordSignIn, safeNext, setSessionCookie } from '@/lib/server/auth/sign-in'
import { requestIp } from '@/lib/server/security/audit'
import { zodFieldErrors } from '@/lib/server/validation'
import { ZSignIn } from '@/lib/schemas/auth'

const ERRORS = { INVALID: 'signIn.invalid', LOCKED: 'signIn.locked', RATE_LIMITED: 'signIn.rateLimited' } as const

/**
 * The sign-in form posts here, with or without JavaScript (never a GET: the password must not reach
 * an address bar, a log or a Referer). Same limits, lock and audit as the API (passwordSignIn).
 */
export async function signInAction(_prev: FormState, fd: FormData): Promise<ActionState> {
  return runAction('login.signIn', ['form'], [fd], async () => {
    const parsed = ZSignIn.safeParse({ phone: fd.get('phone') ?? undefined, password: fd.get('password') ?? undefined })
    if (!parsed.success) return { ok: false, error: 'form.fixErrors', fieldErrors: zodFieldErrors(parsed.error) }
    const r = await passwordSignIn(parsed.data, await requestIp())
    if (!r.ok) return { ok: false, error: ERRORS[r.error], ...(r.params ? { messageParams: r.params } : {}) }
    await setSessionCookie(r.value)
    return { ok: true, redirect: safeNext(fd.get('next')) }
  })
}
