import { z } from './zod'
import { text } from './common'
import { listSort } from './list'

/** searchParams of a unit's child list; anything malformed falls back to the defaults */
export const ZUnitListQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  pilot: z.enum(['all', 'pilot']).catch('all').default('all'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(100).catch(50).default(50),
})
export type TUnitListQuery = z.infer<typeof ZUnitListQuery>

/** what the /units search can be sorted by (the default: by level, higher units first, then by code) */
export const UNIT_SEARCH_SORTS = ['level', 'name'] as const
export type UnitSearchSort = (typeof UNIT_SEARCH_SORTS)[number]
/** searchParams of the /units search (every level of the caller's subtree) */
export const ZUnitSearchQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  ...listSort(UNIT_SEARCH_SORTS),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type TUnitSearchQuery = z.infer<typeof ZUnitSearchQuery>

/** what 试点进展 can be sorted by (the default: by place, i.e. by division code) */
export const PILOT_SORTS = ['place', 'name', 'batch'] as const
export type PilotSort = (typeof PILOT_SORTS)[number]
/** searchParams of 试点进展 */
export const ZPilotListQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  /** drill-down from a dashboard: the pilots under one unit */
  unit: z.uuid().optional().catch(undefined),
  ...listSort(PILOT_SORTS),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type TPilotListQuery = z.infer<typeof ZPilotListQuery>

export const ZUnitId = z.uuid()

export const ZRenameUnit = z.object({
  name: text(2, 40, 'unitName'),
})

const ZDate = z.iso.date({ error: 'validation.date.format' })

export const ZPilotDesignation = z
  .object({
    batch: text(1, 40, 'pilotBatch'),
    start: ZDate,
    end: ZDate,
  })
  // compared whenever both dates are dates, even when the batch is refused too (every field error at once)
  .refine((v) => v.end > v.start, {
    path: ['end'],
    error: 'validation.pilotEnd.beforeStart',
    when: ({ value }) => {
      const v = value as { start?: unknown; end?: unknown }
      return ZDate.safeParse(v.start).success && ZDate.safeParse(v.end).success
    },
  })
export type TPilotDesignation = z.infer<typeof ZPilotDesignation>
