import { z } from './zod'
import { valueKinds } from './value-kinds'
import { isValidIdNumber, normaliseIdNumber } from '@/lib/id-card'

/**
 * A mainland resident ID number (GB 11643): 18 characters, a real birth date, the MOD 11-2 check digit.
 * Typed any way (full-width, a lowercase x, grouped with spaces), it comes out in the one stored form
 * (normaliseIdNumber), so a number is the same number on every path.
 */
export const ZIdNumber = valueKinds.mark(
  z
    .string({ error: 'validation.idNumber.format' })
    .transform(normaliseIdNumber)
    .refine((s) => /^\d{17}[\dX]$/.test(s), { error: 'validation.idNumber.format', abort: true })
    .refine(isValidIdNumber, { error: 'validation.idNumber.checkDigit' }),
  'idNumber',
)

/** The stored form only, for a caller that checks the number itself (case files answer with one key). */
export const ZIdNumberNormalised = valueKinds.mark(z.string({ error: 'validation.idNumber.format' }).transform(normaliseIdNumber), 'idNumber')
