import { z } from './zod'
import { blankToUndefined, personName } from './common'
import { ZIdNumber } from './id-number'
import { ZPhone } from './phone'
import { listSort } from './list'
import { chinaYear } from '@/lib/china-time'

// Messages are i18n keys (lib/i18n); forms translate them for the field they belong to.

export const VOLUNTEER_KINDS = ['PARTY_MEMBER', 'YOUTH', 'VETERAN', 'ELDERLY', 'OTHER'] as const
export const GENDERS = ['MALE', 'FEMALE'] as const
/** Skills offered on the profile form and in the import (labels in the catalog: skill.<CODE>). */
export const SKILLS = ['CARE', 'MEDICAL', 'PSYCHOLOGY', 'LAW', 'TUTORING', 'ARTS', 'REPAIR', 'DRIVING', 'COMPUTER', 'MONGOLIAN', 'SIGN_LANGUAGE', 'PUBLICITY'] as const
export const AVAILABILITY = ['WEEKDAY_DAY', 'WEEKDAY_EVENING', 'WEEKEND'] as const
export type Skill = (typeof SKILLS)[number]
export type Availability = (typeof AVAILABILITY)[number]
/** Stored arrays are plain text[]: read back only the codes this version knows. */
export const knownSkills = (v: readonly string[]) => v.filter((s): s is Skill => (SKILLS as readonly string[]).includes(s))
export const knownAvailability = (v: readonly string[]) => v.filter((s): s is Availability => (AVAILABILITY as readonly string[]).includes(s))

/** FormData gives one string or several under one name; the import gives an array. */
const list = <T extends readonly [string, ...string[]]>(values: T, key: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: `validation.${key}.invalid` })).max(values.length, { error: `validation.${key}.invalid` }),
  )

export { ZIdNumber }

/** Gender and birth year as the ID number states them (digit 17 odd = male; digits 7–10 = year). */
export function fromIdNumber(id: string): { gender: (typeof GENDERS)[number]; birthYear: number } {
  return { gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE', birthYear: Number(id.slice(6, 10)) }
}

const profileFields = {
  realName: personName('realName'),
  /** blank = keep the number on file (the form never shows it in clear) */
  idNumber: z.preprocess(blankToUndefined, ZIdNumber.optional()),
  gender: z.preprocess(blankToUndefined, z.enum(GENDERS, { error: 'validation.gender.invalid' }).optional()),
  birthYear: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'validation.birthYear.range' })
      .int({ error: 'validation.birthYear.range' })
      .min(1920, { error: 'validation.birthYear.range' })
      .refine((y) => y <= chinaYear() - 6, { error: 'validation.birthYear.range' })
      .optional(),
  ),
  kind: z.enum(VOLUNTEER_KINDS, { error: 'validation.volunteerKind.required' }),
  skills: list(SKILLS, 'skills'),
  availability: list(AVAILABILITY, 'availability'),
}

/** When an ID number is given, gender and birth year must agree with it (or be left blank). */
function agreesWithId(v: { idNumber?: string; gender?: string; birthYear?: number }, ctx: z.RefinementCtx) {
  if (!v.idNumber) return
  const d = fromIdNumber(v.idNumber)
  if (v.gender && v.gender !== d.gender) ctx.addIssue({ code: 'custom', path: ['gender'], message: 'validation.gender.mismatchId' })
  if (v.birthYear && v.birthYear !== d.birthYear) ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'validation.birthYear.mismatchId' })
}

export const ZVolunteerProfile = z.object(profileFields).superRefine(agreesWithId)
export type TVolunteerProfile = z.infer<typeof ZVolunteerProfile>

/** One row of the volunteers import: the profile plus the phone (the match key) and the community. */
export const ZImportVolunteer = z
  .object({ ...profileFields, phone: ZPhone, orgUnitId: z.uuid({ error: 'validation.community.required' }) })
  .superRefine(agreesWithId)
export type TImportVolunteer = z.infer<typeof ZImportVolunteer>

/** what 志愿者名册 can be sorted by (the default: by name) */
export const VOLUNTEER_SORTS = ['name', 'registered'] as const
export type VolunteerSort = (typeof VOLUNTEER_SORTS)[number]
export const ZVolunteerListQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()).catch(undefined),
  kind: z.preprocess(blankToUndefined, z.enum(VOLUNTEER_KINDS).optional()).catch(undefined),
  skill: z.preprocess(blankToUndefined, z.enum(SKILLS).optional()).catch(undefined),
  ...listSort(VOLUNTEER_SORTS),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).catch(20).default(20),
})
export type TVolunteerListQuery = z.infer<typeof ZVolunteerListQuery>
