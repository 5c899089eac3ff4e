import 'server-only'
import type { z } from 'zod'
import type { FieldErrors } from './result'
import { isMessageKey } from '@/lib/i18n'

/**
 * First message (an i18n key) per field path, e.g. { phone: 'validation.phone.format' }. A schema rule
 * without its own message (zod's English default) becomes the generic "填写内容不正确", never English.
 */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form'
    out[key] ??= isMessageKey(issue.message) ? issue.message : 'validation.invalid'
  }
  return out
}
