/**
 * What every form's server action answers, one shape for the whole platform, so one form component
 * (components/ui/action-form.tsx) handles them all, with JavaScript and without it.
 * - fieldErrors / error / message: i18n keys (what tests and callers check);
 * - text: the same, translated on the server in the reader's language (run-action.ts adds it to every
 *   answer), so the form renders words and the page never needs the catalog;
 * - redirect: where a successful form goes next (the browser is sent there, by the router or by a 303);
 * - values: what was typed, echoed back only to a form posted without JavaScript that failed, so the
 *   server-rendered page shows it again (never a password: see formValues).
 */
export type ActionState = {
  ok: boolean
  fieldErrors?: Record<string, string>
  error?: string
  message?: string
  messageParams?: Record<string, string | number>
  text?: { error?: string; message?: string; fields?: Record<string, string> }
  redirect?: string
  values?: FormValues
}
/** A form's state before its first submission is null (React's useActionState initial state). */
export type FormState = ActionState | null
export type FormValues = Record<string, string | string[]>

/** Fields never sent back to the page: secrets, and React's own action fields. */
const SECRET = /pass(word)?|secret|token/i

/** The text fields of a submitted form, to be shown again after a refusal (files and secrets dropped). */
export function formValues(fd: FormData): FormValues {
  const out: FormValues = {}
  for (const [k, v] of fd.entries()) {
    if (typeof v !== 'string' || k.startsWith('$ACTION') || SECRET.test(k)) continue
    const prev = out[k]
    out[k] = prev === undefined ? v.slice(0, 10_000) : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  return out
}
