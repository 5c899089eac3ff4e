import { z } from './zod'
import { listSort } from './list'
import { optionalText, phoneOptional, text } from './common'
import { fromChinaDateTime } from '@/lib/china-time'

// Forms and imports share these. Messages are i18n keys; see lib/i18n.
export const TARGET_GROUPS = ['ELDERLY', 'CHILDREN', 'DISABLED', 'IN_DIFFICULTY', 'NEW_EMPLOYMENT', 'ALL_RESIDENTS'] as const
export const NEED_SOURCES = ['VISIT', 'SURVEY', 'GRID_PATROL', 'HOTLINE', 'WALK_IN'] as const
export const URGENCIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const
export const NEED_STATUSES = ['OPEN', 'MATCHED', 'DISPATCHED', 'IN_SERVICE', 'RESOLVED', 'CLOSED', 'REJECTED'] as const
export const PROVIDER_KINDS = ['ENTERPRISE', 'HOSPITAL', 'SCHOOL', 'SHOP', 'PARTY_MEMBER', 'VOLUNTEER_TEAM', 'SOCIAL_ORG'] as const
export const RESOURCE_TYPES = ['SERVICE', 'GOODS', 'FUNDS', 'VENUE', 'EXPERTISE'] as const



const int = (min: number, max: number, key: string) =>
  z.coerce
    .number({ error: `validation.${key}.number` })
    .int({ error: `validation.${key}.number` })
    .min(min, { error: `validation.${key}.min` })
    .max(max, { error: `validation.${key}.max` })


/**
 * A datetime-local field (China time, see fromChinaDateTime) → the instant. A blank or unreadable value
 * stops there (abort), so the object's refinements comparing the dates never see a non-date.
 */
export const dateTime = (key: string) =>
  z
    .string({ error: `validation.${key}.required` })
    .min(1, { error: `validation.${key}.required`, abort: true })
    .transform((v, ctx) => fromChinaDateTime(v) ?? (ctx.addIssue({ code: 'custom', message: `validation.${key}.required` }), z.NEVER))

export const ZCreateNeed = z.object({
  orgUnitId: z.uuid({ error: 'validation.community.required' }),
  title: text(2, 60, 'title'),
  description: text(1, 2000, 'description'),
  categoryId: z.uuid({ error: 'validation.category.required' }),
  targetGroup: z.enum(TARGET_GROUPS, { error: 'validation.targetGroup.required' }),
  source: z.enum(NEED_SOURCES, { error: 'validation.source.required' }),
  urgency: z.enum(URGENCIES, { error: 'validation.urgency.required' }),
  peopleAffected: int(1, 100_000, 'peopleAffected'),
  residentName: optionalText(20, 'residentName'),
  residentPhone: phoneOptional,
})
export type TCreateNeed = z.infer<typeof ZCreateNeed>

const dateOnly = z.preprocess((v) => (v === '' ? undefined : v), z.iso.date().optional().catch(undefined))

/** what 需求清单 can be sorted by (the default: newest first) */
export const NEED_SORTS = ['created', 'urgency', 'people'] as const
export type NeedSort = (typeof NEED_SORTS)[number]
export const ZNeedListQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  status: z.enum(NEED_STATUSES).optional().catch(undefined),
  categoryId: z.uuid().optional().catch(undefined),
  targetGroup: z.enum(TARGET_GROUPS).optional().catch(undefined),
  urgency: z.enum(URGENCIES).optional().catch(undefined),
  from: dateOnly,
  to: dateOnly,
  /** drill-down from a dashboard: only needs under this unit (still within the caller's scope) */
  unit: z.uuid().optional().catch(undefined),
  ...listSort(NEED_SORTS),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(100).catch(20).default(20),
})
export type TNeedListQuery = z.infer<typeof ZNeedListQuery>

export const ZRejectNeed = z.object({ reason: text(2, 200, 'reason') })

export const ZResolveNeed = z.object({
  outcome: text(2, 500, 'outcome'),
  satisfaction: int(1, 5, 'satisfaction'),
  satisfactionComment: optionalText(500, 'comment'),
})

export const ZCreateResource = z
  .object({
    orgUnitId: z.uuid({ error: 'validation.community.required' }),
    providerName: text(2, 60, 'providerName'),
    providerKind: z.enum(PROVIDER_KINDS, { error: 'validation.providerKind.required' }),
    type: z.enum(RESOURCE_TYPES, { error: 'validation.resourceType.required' }),
    categoryIds: z.array(z.uuid()).min(1, { error: 'validation.categories.required' }).max(20),
    capacity: int(1, 1_000_000, 'capacity'),
    availability: text(2, 100, 'availability'),
    contactName: optionalText(20, 'contactName'),
    contactPhone: phoneOptional,
    description: optionalText(1000, 'description'),
  })
export type TCreateResource = z.infer<typeof ZCreateResource>

/** what 资源清单 can be sorted by (the default: newest first) */
export const RESOURCE_SORTS = ['created', 'name', 'capacity'] as const
export type ResourceSort = (typeof RESOURCE_SORTS)[number]
export const ZResourceListQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  providerKind: z.enum(PROVIDER_KINDS).optional().catch(undefined),
  type: z.enum(RESOURCE_TYPES).optional().catch(undefined),
  categoryId: z.uuid().optional().catch(undefined),
  ...listSort(RESOURCE_SORTS),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(100).catch(20).default(20),
})
export type TResourceListQuery = z.infer<typeof ZResourceListQuery>

/** what 服务清单 can be sorted by (the default: newest first) */
export const SERVICE_SORTS = ['created', 'title'] as const
export type ServiceSort = (typeof SERVICE_SORTS)[number]

/** what 派单接单 can be sorted by (the default: latest dispatch first) */
/** what the staff's task list can be sorted by (the default: the latest start first) */
export const TASK_SORTS = ['starts', 'title', 'slots'] as const
export type TaskSort = (typeof TASK_SORTS)[number]
export const ZTaskListQuery = z.object({
  ...listSort(TASK_SORTS),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>

/** A volunteer's search for a task (/tasks): when, what, which team, free places; every field in the URL. */
export const OPEN_TASK_WHEN = ['today', 'week', 'weekend'] as const
export const ZOpenTaskQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined).transform((v) => v || undefined),
  when: z.enum(OPEN_TASK_WHEN).optional().catch(undefined),
  on: z.iso.date().optional().catch(undefined),
  category: z.uuid().optional().catch(undefined),
  team: z.uuid().optional().catch(undefined),
  free: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type TOpenTaskQuery = z.infer<typeof ZOpenTaskQuery>
export const ORDER_SORTS = ['dispatched', 'title'] as const
export type OrderSort = (typeof ORDER_SORTS)[number]

export const ZCreateService = z.object({
  needId: z.uuid(),
  title: text(2, 60, 'title'),
  description: text(1, 1000, 'description'),
  resourceIds: z.array(z.uuid()).max(20).default([]),
})

export const ZDispatchOrder = z.object({
  serviceItemId: z.uuid(),
  teamId: z.preprocess((v) => (v === '' || v === 'OPEN' ? null : v), z.uuid({ error: 'validation.team.required' }).nullable()),
  note: optionalText(200, 'note'),
})

export const ZDeclineOrder = z.object({ teamId: z.uuid(), reason: text(2, 200, 'reason') })

export const ZCreateTask = z
  .object({
    orderId: z.uuid(),
    title: text(2, 60, 'title'),
    startsAt: dateTime('startsAt'),
    endsAt: dateTime('endsAt'),
    place: text(2, 100, 'place'),
    slots: int(1, 500, 'slots'),
    skills: optionalText(100, 'skills'),
    signupDeadline: dateTime('signupDeadline'),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], error: 'validation.endsAt.beforeStart' })
  .refine((v) => v.signupDeadline <= v.startsAt, { path: ['signupDeadline'], error: 'validation.signupDeadline.afterStart' })
export type TCreateTask = z.infer<typeof ZCreateTask>

export const ZCheckinCode = z.string().trim().regex(/^\d{6}$/, { error: 'validation.checkinCode.format' })

export const ZUpdateTask = z
  .object({
    startsAt: dateTime('startsAt'),
    endsAt: dateTime('endsAt'),
    place: text(2, 100, 'place'),
    slots: int(1, 500, 'slots'),
    signupDeadline: dateTime('signupDeadline'),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], error: 'validation.endsAt.beforeStart' })
  .refine((v) => v.signupDeadline <= v.startsAt, { path: ['signupDeadline'], error: 'validation.signupDeadline.afterStart' })

export const ZCancelTask = z.object({ reason: text(2, 200, 'reason') })

export const ZCategory = z.object({
  name: text(2, 20, 'categoryName'),
  sortOrder: int(0, 999, 'sortOrder').default(0),
})

export const ZCategoryUpdate = ZCategory.extend({ active: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()) })
