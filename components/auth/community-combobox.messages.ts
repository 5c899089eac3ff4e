import type { MessageKey } from '@/lib/i18n/format'

/** What the community picker's combobox renders once its code has arrived (handed over with the picker's). */
export const COMMUNITY_COMBOBOX_MESSAGES = [
  'register.communityPlaceholder',
  'register.communityResults',
  'common.loading',
  'register.communityNone',
  'unit.pilot',
  'register.communityChosen',
] as const satisfies readonly MessageKey[]
