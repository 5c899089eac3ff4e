'use server'
import { runAction } from '@/lib/server/security/run-action'
import { registerVolunteer } from '@/lib/server/users/register-volunteer'
import { checkLimit, retryMinutes } from '@/lib/server/security/rate-limit'
import { requestIp } from '@/lib/server/security/audit'

export type RegisterState = { ok: boolean; fieldErrors?: Record<string, string>; phone?: string; error?: string; messageParams?: Record<string, number> } | null

/** Volunteer self-registration (public). Field errors come back as i18n keys; nothing is written on error. */
export async function registerVolunteerAction(_prev: RegisterState, formData: FormData): Promise<RegisterState> {
  return runAction('register.registerVolunteer', ['form'], [formData], async () => {
    const input = Object.fromEntries(formData)
    // self-registration is public: limited per phone number and per client IP
    const phone = typeof input.phone === 'string' ? input.phone.trim().slice(0, 20) : null
    const limit = await checkLimit('register', { user: phone, ip: await requestIp() })
    if (!limit.ok) return { ok: false, error: 'error.rateLimited', messageParams: { minutes: retryMinutes(limit) } }
    const r = await registerVolunteer(input)
    if (!r.ok) return { ok: false, fieldErrors: r.fieldErrors }
    return { ok: true, phone: String(input.phone) }
  })
}
