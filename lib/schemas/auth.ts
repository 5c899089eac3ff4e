import { z } from './zod'
import { isCommonPassword } from '@/lib/common-passwords'
import { ZIdNumber } from './id-number'
import { ZPhone } from './phone'
import { blankToUndefined, personName } from './common'

// Messages are i18n keys (lib/i18n); forms translate them for the field they belong to.
// the one phone normaliser (phone.ts): spaces, hyphens, +86 / 0086, full-width digits → 11 digits
export { ZPhone }

export const ZSignIn = z.object({
  phone: ZPhone,
  password: z.string({ error: 'validation.password.required' }).min(1, { error: 'validation.password.required' }).max(200),
})
export type TSignIn = z.infer<typeof ZSignIn>

export const ZPassword = z
  .string({ error: 'validation.password.required' })
  .min(8, { error: 'validation.password.short' })
  .max(72, { error: 'validation.password.long' })
  // no composition rules (ASVS 5.0): length, and not one of the commonest passwords
  .refine((p) => !isCommonPassword(p), { error: 'validation.password.common' })

export const ZRegisterVolunteer = z
  .object({
    phone: ZPhone,
    name: personName('name'),
    password: ZPassword,
    confirmPassword: z.string({ error: 'validation.confirm.required' }),
    communityId: z.uuid({ error: 'validation.community.required' }),
    /** optional: stored on the new volunteer's profile (unique per tenant); claims an imported account recorded with it */
    idNumber: z.preprocess(blankToUndefined, ZIdNumber.optional()),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], error: 'validation.confirm.mismatch' })
export type TRegisterVolunteer = z.infer<typeof ZRegisterVolunteer>

export const ZChangePassword = z
  .object({
    currentPassword: z.string({ error: 'validation.password.required' }).min(1, { error: 'validation.password.required' }).max(200),
    newPassword: ZPassword,
    confirmPassword: z.string({ error: 'validation.confirm.required' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: 'validation.confirm.mismatch' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], error: 'validation.password.same' })
