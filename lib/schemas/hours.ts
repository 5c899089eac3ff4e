import { z } from './zod'
import { text } from './common'
import { ZPhone } from './phone'

/** Letters and digits that cannot be mistaken for each other when typed from paper: no 0/O, no 1/I. */
export const CERTIFICATE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const CERTIFICATE_CODE_LENGTH = 12

const reason = text(2, 100, 'correctionReason')

/**
 * A signed hour correction, entered in hours ("-1.5", "2", at most two decimals, at most 1,000 h either
 * way) and kept in whole minutes; a correction that rounds to 0 minutes corrects nothing and is refused.
 */
export const ZHourAdjustment = z.object({
  phone: ZPhone,
  hours: z
    .string({ error: 'validation.hoursDelta.format' })
    .trim()
    .regex(/^[-+]?\d{1,4}(\.\d{1,2})?$/, { error: 'validation.hoursDelta.format' })
    .transform((v) => Math.round(Number(v) * 60))
    .refine((m) => m !== 0, { error: 'validation.hoursDelta.zero' })
    .refine((m) => Math.abs(m) <= 1000 * 60, { error: 'validation.hoursDelta.format' }),
  reason,
})
export type THourAdjustment = z.infer<typeof ZHourAdjustment>

const intIn = (min: number, max: number, key: string) =>
  z.coerce.number({ error: key }).int({ error: key }).min(min, { error: key }).max(max, { error: key })

/** The tenant's rules. Star thresholds: five positive whole hours, each above the one before. */
export const ZTenantSettings = z.object({
  pointsPerHour: intIn(1, 1000, 'validation.pointsPerHour.range'),
  starThresholds: z
    .array(intIn(1, 100_000, 'validation.starThreshold.number'), { error: 'validation.starThresholds.count' })
    .length(5, { error: 'validation.starThresholds.count' })
    .superRefine((ts, ctx) => {
      for (let i = 1; i < ts.length; i++) {
        if (ts[i] <= ts[i - 1]) ctx.addIssue({ code: 'custom', path: [i], message: 'validation.starThresholds.increasing' })
      }
    }),
  certificationTarget: intIn(0, 100, 'validation.certificationTarget.range'),
  ceHoursPerYear: intIn(1, 500, 'validation.ceHoursPerYear.range'),
})
export type TTenantSettings = z.infer<typeof ZTenantSettings>

/** A certificate code as typed: case, spaces and dashes do not matter. */
export const ZCertificateCode = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${CERTIFICATE_ALPHABET}]{${CERTIFICATE_CODE_LENGTH}}$`)))
