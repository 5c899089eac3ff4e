import 'server-only'

/**
 * Expected failures are values, not exceptions: NOT_FOUND (which also stands for "out of your scope"
 * so nothing leaks), INVALID (with field-level messages as i18n keys), CONFLICT, LOCKED …
 */
export type FieldErrors = Record<string, string>
export type Ok<T> = { ok: true; value: T }
/** params: values for the error's message ("try again in {minutes} min"), passed on to the form as messageParams */
export type Fail<E extends string> = { ok: false; error: E; fieldErrors?: FieldErrors; params?: Record<string, string | number> }
export type Result<T, E extends string = string> = Ok<T> | Fail<E>

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value })
export const fail = <E extends string>(error: E, fieldErrors?: FieldErrors, params?: Record<string, string | number>): Fail<E> => ({
  ok: false,
  error,
  ...(fieldErrors ? { fieldErrors } : {}),
  ...(params ? { params } : {}),
})

export const NOT_FOUND = fail('NOT_FOUND')
