import { z } from './zod'
import { listSort } from './list'
import { isCalendarDate } from '@/lib/china-time'

export const AUDIT_RESULTS = ['ok', 'invalid', 'denied', 'refused', 'limited', 'failed', 'locked', 'error'] as const
export type AuditResult = (typeof AUDIT_RESULTS)[number]

const day = z
  .string()
  .refine(isCalendarDate) // 2026-02-30 is no day (Date.parse would roll it over to March)
  .optional()
  .catch(undefined)

/** what the audit log can be sorted by (the default: the latest entry first) */
export const AUDIT_SORTS = ['at', 'actor', 'action'] as const
export type AuditSort = (typeof AUDIT_SORTS)[number]

/** searchParams of the audit search page: free text (actor, action, target, IP), result, action kind, day range. */
export const ZAuditQuery = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  result: z.enum(AUDIT_RESULTS).optional().catch(undefined),
  action: z.string().trim().max(60).regex(/^[\w.-]*$/).optional().catch(undefined),
  from: day,
  to: day,
  ...listSort(AUDIT_SORTS),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(100).catch(50).default(50),
})
export type TAuditQuery = z.infer<typeof ZAuditQuery>
