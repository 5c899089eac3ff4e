import { z } from './zod'
import { blankToUndefined, text } from './common'
import { ZPhone } from './phone'
import { ZIdNumberNormalised } from './id-number'
import { dateTime, TARGET_GROUPS } from './workflow'
import { listSort } from './list'

export const FUNDING_SOURCES = ['GOVERNMENT_PURCHASE', 'PROJECT_FUNDS', 'VENTURE_GRANT', 'CHARITY'] as const
export const PROJECT_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'RUNNING', 'EVALUATING', 'COMPLETED'] as const

/** what 项目共创 can be sorted by (the default: the latest changed first) */
export const PROJECT_SORTS = ['updated', 'start', 'funding'] as const
export type ProjectSort = (typeof PROJECT_SORTS)[number]
/** searchParams of the projects list: a status tab, a dashboard's unit drill-down, the sort and the page */
export const ZProjectListQuery = z.object({
  status: z.enum(PROJECT_STATUSES).optional().catch(undefined),
  unit: z.uuid().optional().catch(undefined),
  ...listSort(PROJECT_SORTS),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})


const ids = (key: string) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid({ error: `validation.${key}.required` })).max(50))

/** ¥ with at most two decimals → fen (integer), so money stays exact. */
const yuan = (key: string, allowNegative = false) =>
  z
    .string({ error: `validation.${key}.required` })
    .trim()
    .regex(allowNegative ? /^-?\d{1,9}(\.\d{1,2})?$/ : /^\d{1,9}(\.\d{1,2})?$/, { error: `validation.${key}.format` })
    .transform((v) => Math.round(Number(v) * 100))

export const ZProject = z
  .object({
    orgUnitId: z.uuid({ error: 'validation.community.required' }),
    name: text(2, 40, 'projectName'),
    brand: z.preprocess(blankToUndefined, text(2, 20, 'brand').optional()),
    targetGroups: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(TARGET_GROUPS)).min(1, { error: 'validation.targetGroups.required' })),
    objectives: text(2, 1000, 'objectives'),
    plannedActivities: text(2, 2000, 'plannedActivities'),
    leadId: z.uuid({ error: 'validation.lead.required' }),
    teamIds: ids('team'),
    needIds: ids('need'),
    fundingSource: z.enum(FUNDING_SOURCES, { error: 'validation.fundingSource.required' }),
    fundingYuan: yuan('funding'),
    startDate: z.iso.date({ error: 'validation.date.format' }),
    endDate: z.iso.date({ error: 'validation.date.format' }),
  })
  .refine((v) => v.endDate > v.startDate, { path: ['endDate'], error: 'validation.pilotEnd.beforeStart' })
export type TProject = z.infer<typeof ZProject>

export const ZReview = z.object({ comment: z.preprocess(blankToUndefined, text(2, 500, 'comment').optional()) })
export const ZReturn = z.object({ comment: text(2, 500, 'comment') })

export const ZActivity = z.object({
  title: text(2, 60, 'title'),
  description: text(1, 1000, 'description'),
  categoryId: z.uuid({ error: 'validation.category.required' }),
})

export const ZExpense = z.object({
  amountYuan: yuan('amount', true).refine((v) => v !== 0, { error: 'validation.amount.format' }),
  purpose: text(2, 100, 'purpose'),
  spentOn: z.iso.date({ error: 'validation.date.format' }),
})

export const PRACTICE_STATUSES = ['DRAFT', 'SUBMITTED', 'COUNTY_PASSED', 'LEAGUE_PASSED', 'PUBLISHED', 'RETURNED'] as const

export const ZPracticeCase = z.object({
  orgUnitId: z.uuid({ error: 'validation.community.required' }),
  title: text(2, 60, 'title'),
  background: text(2, 3000, 'background'),
  approach: text(2, 5000, 'approach'),
  results: text(2, 5000, 'results'),
  lessons: text(2, 3000, 'lessons'),
  projectId: z.preprocess(blankToUndefined, z.uuid({ error: 'validation.project.required' }).optional()),
})
export type TPracticeCase = z.infer<typeof ZPracticeCase>

export const ZEvidence = z.object({
  task: z.coerce.number({ error: 'validation.pilotTask.required' }).int().min(1, { error: 'validation.pilotTask.required' }).max(4, { error: 'validation.pilotTask.required' }),
  title: text(2, 60, 'title'),
  url: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: 'validation.url.format' }).max(500, { error: 'validation.url.format' }).optional()),
  note: z.preprocess(blankToUndefined, text(1, 500, 'note').optional()),
})

export const CASE_STATUSES = ['INTAKE', 'ASSESSMENT', 'PLANNING', 'INTERVENTION', 'FOLLOW_UP', 'EVALUATION', 'CLOSED'] as const
export const CASE_OUTCOMES = ['IMPROVED', 'STABLE', 'NOT_IMPROVED', 'REFERRED_OUT'] as const

export const ZOpenCase = z.object({
  orgUnitId: z.uuid({ error: 'validation.community.required' }),
  personName: text(2, 20, 'personName'),
  gender: z.preprocess(blankToUndefined, z.enum(['F', 'M']).optional()),
  birthYear: z.preprocess(blankToUndefined, z.coerce.number({ error: 'validation.birthYear.format' }).int({ error: 'validation.birthYear.format' }).min(1900, { error: 'validation.birthYear.format' }).max(2100, { error: 'validation.birthYear.format' }).optional()),
  vulnerabilityGroup: z.enum(TARGET_GROUPS, { error: 'validation.targetGroup.required' }),
  foundVia: z.enum(['VISIT', 'SURVEY', 'GRID_PATROL', 'HOTLINE', 'WALK_IN'], { error: 'validation.source.required' }),
  situation: text(2, 3000, 'situation'),
})

/**
 * Consent to a case (lib/server/cases/consent.ts has the rules): consentBy is the person's own word, the
 * name they sign with — their consent, or for a child under 14 their assent, recorded beside the guardian's
 * consent (guardianName), which is then the consent that counts.
 */
export const ZConsent = z.object({
  consentBy: z.preprocess(blankToUndefined, text(2, 20, 'consentBy').optional()),
  guardianName: z.preprocess(blankToUndefined, text(2, 20, 'guardianName').optional()),
})

/** Sensitive fields: saved only with the consent the person's age asks for (it can be given in the same form). */
export const ZSensitive = ZConsent.extend({
  idNumber: z.preprocess(blankToUndefined, ZIdNumberNormalised.optional()),
  healthNotes: z.preprocess(blankToUndefined, text(1, 3000, 'healthNotes').optional()),
})

export const ZCaseStep = z.object({ text: z.preprocess(blankToUndefined, text(2, 3000, 'caseText').optional()), outcome: z.preprocess(blankToUndefined, z.enum(CASE_OUTCOMES, { error: 'validation.outcome.required' }).optional()) })

export const ZIntervention = z.object({
  kind: z.enum(['SERVICE', 'REFERRAL'], { error: 'validation.interventionKind.required' }),
  description: text(2, 1000, 'description'),
  professional: z.preprocess(blankToUndefined, text(2, 40, 'professional').optional()),
  resourceId: z.preprocess(blankToUndefined, z.uuid().optional()),
  outcome: z.preprocess(blankToUndefined, text(2, 500, 'outcome').optional()),
})

export const ZFollowUp = z.object({ dueOn: z.iso.date({ error: 'validation.date.format' }) })
export const ZFollowUpDone = z.object({ note: text(2, 1000, 'note') })

export const ZReward = z.object({
  orgUnitId: z.uuid({ error: 'validation.community.required' }),
  name: text(2, 40, 'rewardName'),
  cost: z.coerce.number({ error: 'validation.cost.number' }).int({ error: 'validation.cost.number' }).min(1, { error: 'validation.cost.number' }).max(100_000, { error: 'validation.cost.number' }),
  stock: z.coerce.number({ error: 'validation.stock.number' }).int({ error: 'validation.stock.number' }).min(0, { error: 'validation.stock.number' }).max(100_000, { error: 'validation.stock.number' }),
})

export const ZAward = z.object({
  phone: ZPhone,
  amount: z.coerce.number({ error: 'validation.points.number' }).int({ error: 'validation.points.number' }).min(1, { error: 'validation.points.number' }).max(10_000, { error: 'validation.points.number' }),
  reason: text(2, 100, 'reason'),
})

const hhmm = (key: string) => z.string({ error: `validation.${key}.format` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `validation.${key}.format` })

export const ZVenue = z
  .object({
    orgUnitId: z.uuid({ error: 'validation.community.required' }),
    name: text(2, 40, 'venueName'),
    capacity: z.coerce.number({ error: 'validation.capacity.number' }).int({ error: 'validation.capacity.number' }).min(1, { error: 'validation.capacity.min' }).max(10_000, { error: 'validation.capacity.max' }),
    opensAt: hhmm('opensAt'),
    closesAt: hhmm('closesAt'),
  })
  .refine((v) => v.closesAt > v.opensAt, { path: ['closesAt'], error: 'validation.closesAt.beforeOpen' })

export const ZBooking = z
  .object({ startsAt: dateTime('startsAt'), endsAt: dateTime('endsAt'), purpose: text(2, 100, 'purpose') })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], error: 'validation.endsAt.beforeStart' })
  .refine((v) => v.endsAt.getTime() - v.startsAt.getTime() <= 12 * 3_600_000, { path: ['endsAt'], error: 'validation.booking.tooLong' })
