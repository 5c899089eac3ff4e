import { z } from './zod'
import { blankToUndefined, optionalText, phoneOptional, text } from './common'
import { listSort } from './list'
import { chinaDate, toDbDate } from '@/lib/china-time'

// The talent registry, agencies and training: forms and the server share these. Messages are i18n keys.
export const CERT_LEVELS = ['NONE', 'ASSISTANT', 'INTERMEDIATE', 'SENIOR'] as const
export const CERTIFIED_LEVELS = ['ASSISTANT', 'INTERMEDIATE', 'SENIOR'] as const
export const EMPLOYER_KINDS = ['COMMUNITY', 'AGENCY'] as const
export const AGENCY_KINDS = ['SOCIAL_WORK_AGENCY', 'SOCIAL_ORGANISATION'] as const
export const TRAINING_KINDS = ['LECTURE', 'EXCHANGE', 'SITE_VISIT'] as const


/**
 * A worker's talent record. A certificate level other than NONE needs the certificate's number (6–30
 * letters, digits or hyphens) and date (not in the future); an agency employer needs the agency. What
 * does not apply is dropped (NONE → no number/date, COMMUNITY → no agency), so stale values never linger.
 */
export const ZWorkerProfile = z
  .object({
    certLevel: z.enum(CERT_LEVELS, { error: 'validation.certLevel.required' }),
    certNumber: z.preprocess(blankToUndefined, z.string().normalize('NFKC').trim().optional()), // full-width letters and digits are the same code
    certDate: z.preprocess(blankToUndefined, z.iso.date({ error: 'validation.date.format' }).optional()),
    employerKind: z.enum(EMPLOYER_KINDS, { error: 'validation.employerKind.required' }),
    agencyId: z.preprocess(blankToUndefined, z.uuid({ error: 'validation.agency.required' }).optional()),
    station: optionalText(60, 'station'),
  })
  .superRefine((v, ctx) => {
    if (v.certLevel !== 'NONE') {
      if (!v.certNumber) ctx.addIssue({ code: 'custom', path: ['certNumber'], message: 'validation.certNumber.required' })
      else if (!/^[0-9A-Za-z-]{6,30}$/.test(v.certNumber)) ctx.addIssue({ code: 'custom', path: ['certNumber'], message: 'validation.certNumber.format' })
      if (!v.certDate) ctx.addIssue({ code: 'custom', path: ['certDate'], message: 'validation.certDate.required' })
      else if (v.certDate > chinaDate()) ctx.addIssue({ code: 'custom', path: ['certDate'], message: 'validation.certDate.future' })
    }
    if (v.employerKind === 'AGENCY' && !v.agencyId) ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'validation.agency.required' })
  })
  .transform((v) => ({
    certLevel: v.certLevel,
    certNumber: v.certLevel === 'NONE' ? null : v.certNumber!.toUpperCase(),
    certDate: v.certLevel === 'NONE' ? null : toDbDate(v.certDate!),
    employerKind: v.employerKind,
    agencyId: v.employerKind === 'AGENCY' ? v.agencyId! : null,
    station: v.station ?? null,
  }))
export type TWorkerProfile = z.infer<typeof ZWorkerProfile>

/** 统一社会信用代码: 18 characters of the GB 32100 alphabet (no I, O, Z, S, V). */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/

export const ZAgency = z.object({
  orgUnitId: z.uuid({ error: 'validation.agencyUnit.required' }),
  name: text(2, 60, 'agencyName'),
  kind: z.enum(AGENCY_KINDS, { error: 'validation.agencyKind.required' }),
  creditCode: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.normalize('NFKC').trim().toUpperCase()) : v),
    z.string().regex(CREDIT_CODE, { error: 'validation.creditCode.format' }).optional(),
  ),
  contactName: optionalText(20, 'contactName'),
  phone: phoneOptional,
})
export type TAgency = z.infer<typeof ZAgency>

/** A training event: hours 0.5–24 (at most two decimals), stored as whole minutes. */
export const ZTrainingEvent = z.object({
  orgUnitId: z.uuid({ error: 'validation.trainingUnit.required' }),
  kind: z.enum(TRAINING_KINDS, { error: 'validation.trainingKind.required' }),
  title: text(2, 60, 'title'),
  date: z.iso.date({ error: 'validation.date.format' }),
  hours: z
    .string({ error: 'validation.trainingHours.number' })
    .trim()
    .regex(/^\d{1,2}(\.\d{1,2})?$/, { error: 'validation.trainingHours.number' })
    .transform(Number)
    .refine((h) => h >= 0.5 && h <= 24, { error: 'validation.trainingHours.range' }),
})
export type TTrainingEvent = z.infer<typeof ZTrainingEvent>

export const ZAttendance = z.object({
  userIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.uuid({ error: 'validation.attendees.unknown' })).min(1, { error: 'validation.attendees.required' }).max(500, { error: 'validation.attendees.required' }),
  ),
})

/** A community's elderly population (60+); blank clears it ("not entered"). */
export const ZElderlyPopulation = z.object({
  orgUnitId: z.uuid({ error: 'validation.community.required' }),
  elderlyPopulation: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'validation.elderlyPopulation.number' })
      .int({ error: 'validation.elderlyPopulation.number' })
      .min(0, { error: 'validation.elderlyPopulation.number' })
      .max(5_000_000, { error: 'validation.elderlyPopulation.number' })
      .optional(),
  ),
})

const page = z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
const q = z.string().trim().max(50).optional().catch(undefined)

/** searchParams of the registry: name, certificate level (or no record yet), a unit of the subtree. */
export const ZTalentListQuery = z.object({
  q,
  level: z.enum([...CERT_LEVELS, 'MISSING']).optional().catch(undefined),
  unit: z.uuid().optional().catch(undefined),
  page,
  pageSize: z.coerce.number().int().min(10).max(100).catch(20).default(20),
})
export type TTalentListQuery = z.infer<typeof ZTalentListQuery>

/** what the agencies list can be sorted by (the default: by name) */
export const AGENCY_SORTS = ['name', 'created'] as const
export type AgencySort = (typeof AGENCY_SORTS)[number]
export const ZAgencyListQuery = z.object({ q, kind: z.enum(AGENCY_KINDS).optional().catch(undefined), ...listSort(AGENCY_SORTS), page, pageSize: z.coerce.number().int().min(10).max(100).catch(20).default(20) })
export type TAgencyListQuery = z.infer<typeof ZAgencyListQuery>

/** what 实务能力培训 can be sorted by (the default: newest first) */
export const TRAINING_SORTS = ['date', 'hours', 'attendees'] as const
export type TrainingSort = (typeof TRAINING_SORTS)[number]
export const ZTrainingListQuery = z.object({ q, kind: z.enum(TRAINING_KINDS).optional().catch(undefined), ...listSort(TRAINING_SORTS), page, pageSize: z.coerce.number().int().min(10).max(100).catch(20).default(20) })
export type TTrainingListQuery = z.infer<typeof ZTrainingListQuery>
