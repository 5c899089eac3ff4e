import { z } from './zod'
import { isCommonPassword } from '@/lib/common-passwords'
import { ZIdNumber } from './id-number'

// Messages are i18n keys (lib/i18n); forms translate them for the field they belong to.
export const ZPhone = z
  .string({ error: 'validation.phone.required' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: 'validation.phone.format' })

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
    name: z
      .string({ error: 'validation.name.required' })
      .trim()
      .min(2, { error: 'validation.name.short' })
      .max(20, { error: 'validation.name.long' })
      .regex(/^[\p{Script=Han}A-Za-z·• ]+$/u, { error: 'validation.name.chars' }),
    password: ZPassword,
    confirmPassword: z.string({ error: 'validation.confirm.required' }),
    communityId: z.uuid({ error: 'validation.community.required' }),
    /** only to claim an account the community imported with an ID number */
    idNumber: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), ZIdNumber.optional()),
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
