import 'server-only'
import type { Result } from './result'

/** What every server action returns to its form: one shape, so one form component handles them all. */
export type ActionState = { ok: boolean; fieldErrors?: Record<string, string>; error?: string; message?: string; messageParams?: Record<string, string | number>; redirect?: string }

const ERROR_KEYS: Record<string, string> = {
  NOT_FOUND: 'error.notFound',
  STATE: 'error.state',
  INVALID: 'form.fixErrors',
  CLOSED: 'tasks.closed',
  ALREADY: 'tasks.already',
  TRANSITION: 'error.transition',
  OUT_OF_STOCK: 'error.outOfStock',
  INSUFFICIENT: 'error.insufficient',
  CONFLICT: 'validation.booking.conflict',
}

export function toActionState<T>(r: Result<T>, onOk: Omit<ActionState, 'ok'> = {}): ActionState {
  if (r.ok) return { ok: true, ...onOk }
  return { ok: false, error: ERROR_KEYS[r.error] ?? 'error.state', fieldErrors: r.fieldErrors }
}
