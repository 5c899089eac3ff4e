import { z } from './zod'

/** searchParams of a unit's child list; anything malformed falls back to the defaults */
export const ZUnitListQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  pilot: z.enum(['all', 'pilot']).catch('all').default('all'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(100).catch(50).default(50),
})
export type TUnitListQuery = z.infer<typeof ZUnitListQuery>

export const ZUnitId = z.uuid()

export const ZRenameUnit = z.object({
  name: z.string({ error: 'validation.unitName.required' }).trim().min(2, { error: 'validation.unitName.short' }).max(40, { error: 'validation.unitName.long' }),
})

const ZDate = z.iso.date({ error: 'validation.date.format' })

export const ZPilotDesignation = z
  .object({
    batch: z.string({ error: 'validation.pilotBatch.required' }).trim().min(1, { error: 'validation.pilotBatch.required' }).max(40, { error: 'validation.pilotBatch.long' }),
    start: ZDate,
    end: ZDate,
  })
  .refine((v) => v.end > v.start, { path: ['end'], error: 'validation.pilotEnd.beforeStart' })
export type TPilotDesignation = z.infer<typeof ZPilotDesignation>
