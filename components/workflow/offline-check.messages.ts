import type { MessageKey } from '@/lib/i18n/format'

/** What the offline check-in wrapper renders (handed over by the task page and the QR check-in page). */
export const OFFLINE_CHECK_MESSAGES = [
  'offline.pending',
  'offline.pendingRow',
  'offline.refused',
  'offline.dismiss',
  'offline.saved',
  'offline.checkOutToo',
  'tasks.checkIn',
  'tasks.checkOut',
  'check.title',
] as const satisfies readonly MessageKey[]
