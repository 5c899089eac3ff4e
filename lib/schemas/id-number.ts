import { z } from './zod'
import { isValidIdNumber } from '@/lib/id-card'

/** A mainland resident ID number (GB 11643): 18 characters, a real birth date, the MOD 11-2 check digit. */
export const ZIdNumber = z
  .string({ error: 'validation.idNumber.format' })
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => /^\d{17}[\dX]$/.test(s), { error: 'validation.idNumber.format', abort: true })
  .refine(isValidIdNumber, { error: 'validation.idNumber.checkDigit' })
