'use server'
import { registerVolunteer } from '@/lib/server/users/register-volunteer'

export type RegisterState = { ok: boolean; fieldErrors?: Record<string, string>; phone?: string } | null

/** Volunteer self-registration (public). Field errors come back as i18n keys; nothing is written on error. */
export async function registerVolunteerAction(_prev: RegisterState, formData: FormData): Promise<RegisterState> {
  const input = Object.fromEntries(formData)
  const r = await registerVolunteer(input)
  if (!r.ok) return { ok: false, fieldErrors: r.fieldErrors }
  return { ok: true, phone: String(input.phone) }
}
