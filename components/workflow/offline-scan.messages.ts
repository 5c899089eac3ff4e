import type { MessageKey } from '@/lib/i18n/format'

/** What the offline page's scanned check-in renders. */
export const OFFLINE_SCAN_MESSAGES = ['offline.scanHint', 'offline.scanKeep', 'offline.scanKept', 'offline.scanSent', 'check.toTask'] as const satisfies readonly MessageKey[]
