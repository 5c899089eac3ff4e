import type { MessageKey } from '@/lib/i18n/format'

/** What the public survey form renders (its page hands these over: <ClientMessages>). */
export const SURVEY_FORM_MESSAGES = [
  'evaluation.public.thanks',
  'evaluation.public.rating',
  'evaluation.public.scale1',
  'evaluation.public.scale2',
  'evaluation.public.scale3',
  'evaluation.public.scale4',
  'evaluation.public.scale5',
  'evaluation.public.optional',
  'evaluation.public.submit',
] as const satisfies readonly MessageKey[]
