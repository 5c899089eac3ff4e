import type { MessageKey } from '@/lib/i18n/format'

/** What the community picker's plain field renders (its server parent hands these over: <ClientMessages>). */
export const COMMUNITY_PICKER_MESSAGES = ['field.community', 'register.communityPlaceholder', 'register.communityHint'] as const satisfies readonly MessageKey[]
