'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { ActionState, FormState } from '@/lib/form-state'
import { registerVolunteer } from '@/lib/server/users/register-volunteer'
import { checkLimit, retryMinutes } from '@/lib/server/security/rate-limit'
import { requestIp } from '@/lib/server/security/audit'
import { passwordSignIn, setSessionCookie } from '@/lib/server/auth/sign-in'
import { communityByName } from '@/lib/server/org/public-communities'
import { normaliseMobile, phoneDigits } from '@/lib/schemas/phone'

/**
 * Volunteer self-registration (public). Field errors come back as i18n keys; nothing is written on
 * error. The account is usable at once: the new volunteer is signed in and sent home. Works before
 * JavaScript arrives too (the community is then given by name: register-volunteer.ts).
 */
export async function registerVolunteerAction(_prev: FormState, formData: FormData): Promise<ActionState> {
  return runAction('register.registerVolunteer', ['form'], [formData], async () => {
    const input = Object.fromEntries(formData)
    // self-registration is public: limited per phone number and per client IP
    // one number however it is written (139 0000 0009, +86…): one limit
    const phone = typeof input.phone === 'string' ? (normaliseMobile(input.phone) ?? phoneDigits(input.phone).slice(0, 20)) : null
    const ip = await requestIp()
    const limit = await checkLimit('register', { user: phone, ip })
    if (!limit.ok) return { ok: false, error: 'error.rateLimited', messageParams: { minutes: retryMinutes(limit) } }
    if (!input.communityId && typeof input.communityQuery === 'string' && input.communityQuery.trim()) {
      // posted before the picker's script arrived: the community was typed by name
      const c = await communityByName(input.communityQuery)
      if (!c.ok) return { ok: false, error: 'form.fixErrors', fieldErrors: { communityId: c.error } }
      input.communityId = c.id
    }
    const r = await registerVolunteer(input)
    if (!r.ok) return { ok: false, error: 'form.fixErrors', fieldErrors: r.fieldErrors }
    const s = await passwordSignIn({ phone: input.phone, password: input.password }, ip)
    if (!s.ok) return { ok: true, redirect: '/login?registered=1' }
    await setSessionCookie(s.value)
    return { ok: true, redirect: '/' }
  })
}
