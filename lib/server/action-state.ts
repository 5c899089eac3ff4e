import 'server-only'
import type { Result } from './result'

import type { ActionState } from '@/lib/form-state'
export type { ActionState, FormState } from '@/lib/form-state'

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
  CODE_LOCKED: 'tasks.codeLocked',
  OUTSIDE_WINDOW: 'tasks.checkInWindow',
  BEFORE_CHECK_IN: 'tasks.checkOutBeforeCheckIn',
  QR_EXPIRED: 'tasks.qrExpired',
}

export function toActionState<T>(r: Result<T>, onOk: Omit<ActionState, 'ok'> = {}): ActionState {
  if (r.ok) return { ok: true, ...onOk }
  return { ok: false, error: ERROR_KEYS[r.error] ?? 'error.state', fieldErrors: r.fieldErrors, ...(r.params ? { messageParams: r.params } : {}) }
}
