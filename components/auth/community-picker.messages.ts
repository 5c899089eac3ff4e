import type { MessageKey } from '@/lib/i18n/format'

/** What the community picker renders (its server parent hands these over: <ClientMessages>). */
export const COMMUNITY_PICKER_MESSAGES = [
  'field.community',
  'register.communityChosen',
  'register.communityPlaceholder',
  'register.communityResults',
  'common.loading',
  'register.communityNone',
  'unit.pilot',
  'register.communityHint',
] as const satisfies readonly MessageKey[]
