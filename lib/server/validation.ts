import 'server-only'
import type { z } from 'zod'
import type { FieldErrors } from './result'

/** First message (an i18n key) per field path, e.g. { phone: 'validation.phone.format' }. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form'
    out[key] ??= issue.message
  }
  return out
}
