'use client'
import dynamic from 'next/dynamic'
import { useRouter } from 'next/navigation'
import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '@/lib/i18n/client'
import type { FormState, FormValues } from '@/lib/form-state'
import { Button, type ButtonVariant } from './button'
import { toast } from './toast'

export type { FormState } from '@/lib/form-state'

// The confirmation dialog's code (Base UI's AlertDialog and its focus manager, ≈ 15 kB gzip) is fetched
// when a hand reaches for a form that asks for one, not with every page: most pages never confirm.
const loadConfirmDialog = () => import('./confirm-dialog')
const ConfirmDialog = dynamic(() => loadConfirmDialog().then((m) => m.ConfirmDialog), { ssr: false })

/** A form's server action: React calls it with the previous state and the form's data. */
export type FormAction = (prev: FormState, fd: FormData) => Promise<FormState>

const ErrorsContext = createContext<Record<string, string> | undefined>(undefined)
const ValuesContext = createContext<FormValues | undefined>(undefined)

/**
 * The one form pattern, a real POST first: the form's `action` is its server action, so before (or
 * without) JavaScript the browser posts it and the server renders the page again with the answer
 * (field errors, what was typed, or a 303 to where a success goes). Once JavaScript has arrived the
 * submission is handled here: confirmation in an AlertDialog, pending state, field-level errors from
 * the server with nothing typed lost (React would reset a form its action ran on; this one is
 * dispatched by hand), a form-level error at the form, a success told by a toast (it outlives the
 * redirect), then the router goes to `redirect` or refreshes the page.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  confirm,
  variant = 'primary',
  className = 'space-y-4',
  buttonClassName,
  resetOnSuccess = false,
  children,
  footer,
  testId,
}: {
  action: FormAction
  submitLabel: string
  pendingLabel?: string
  confirm?: string
  variant?: ButtonVariant
  className?: string
  buttonClassName?: string
  resetOnSuccess?: boolean
  children?: React.ReactNode
  /** below the submit button (links such as "no account yet?") */
  footer?: React.ReactNode
  testId?: string
}) {
  const { t } = useI18n()
  const { state, pending, formProps, dialog, toasted } = useFormAction(action, { confirm, resetOnSuccess, confirmLabel: submitLabel })
  return (
    <form {...formProps} noValidate className={className} data-testid={testId}>
      {dialog}
      <ValuesContext.Provider value={state?.ok ? undefined : state?.values}>
        <ErrorsContext.Provider value={state?.text?.fields}>{children}</ErrorsContext.Provider>
      </ValuesContext.Provider>
      {state && !state.ok && state.text?.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800">
          {state.text.error}
        </p>
      ) : null}
      {state?.ok && state.text?.message && !toasted ? (
        // posted without JavaScript the answer is written here; with it, a toast tells it (toast.tsx)
        <p role="status" className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-800">
          {state.text.message}
        </p>
      ) : null}
      <Button type="submit" variant={variant} disabled={pending} className={buttonClassName}>
        {pending ? (pendingLabel ?? t('common.saving')) : submitLabel}
      </Button>
      {footer}
    </form>
  )
}

/**
 * The submission half of ActionForm, for the few forms whose fields are not the kit's (the public
 * survey's radios): spread `formProps` on the <form>. The form is a POST to the server action before
 * JavaScript arrives; afterwards it is dispatched by hand (so nothing typed is reset), confirmed first
 * when `confirm` is given, and a success goes to its `redirect` or refreshes the page.
 */
export function useFormAction(
  action: FormAction,
  { confirm, confirmLabel, resetOnSuccess = false, onSuccess = 'refresh' }: { confirm?: string; confirmLabel?: string; resetOnSuccess?: boolean; onSuccess?: 'refresh' | 'none' } = {},
) {
  const router = useRouter()
  const { t } = useI18n()
  const ref = useRef<HTMLFormElement>(null)
  const [state, formAction, pending] = useActionState(action, null)
  // a submission waiting for its confirmation (the form's data as it was when the button was pressed)
  const [asking, setAsking] = useState<FormData | null>(null)
  const [asked, setAsked] = useState(false) // once opened, the dialog stays mounted (its closing, its focus return)
  const asker = useRef<HTMLElement | null>(null)
  const preload = () => void loadConfirmDialog()
  // the state the page was rendered with (a no-JavaScript answer) is not a fresh result to act on
  const seen = useRef(state)
  const [initial] = useState(state)
  useEffect(() => {
    if (!state || state === seen.current) return
    seen.current = state
    if (!state.ok) return
    if (state.text?.message) toast(state.text.message)
    if (resetOnSuccess) ref.current?.reset()
    if (state.redirect) router.push(state.redirect)
    else if (onSuccess === 'refresh') router.refresh()
  }, [state, resetOnSuccess, onSuccess, router])
  const formProps = {
    ref,
    action: formAction,
    'aria-busy': pending,
    onSubmit: (e: React.FormEvent<HTMLFormElement>) => {
      e.preventDefault()
      if (pending) return
      const submitter = (e.nativeEvent as SubmitEvent).submitter
      const fd = new FormData(e.currentTarget, submitter)
      if (confirm) {
        asker.current = submitter ?? e.currentTarget.querySelector<HTMLElement>('[type=submit]')
        setAsked(true)
        setAsking(fd)
        return
      }
      startTransition(() => formAction(fd))
    },
    ...(confirm ? { onPointerEnter: preload, onFocus: preload, onTouchStart: preload } : {}),
  }
  const dialog = confirm && asked ? (
    <ConfirmDialog
      open={asking !== null}
      question={confirm}
      confirmLabel={confirmLabel ?? confirm}
      backLabel={t('common.back')}
      returnFocus={asker}
      onClose={() => setAsking(null)}
      onConfirm={() => {
        const fd = asking
        setAsking(null)
        if (fd) startTransition(() => formAction(fd))
      }}
    />
  ) : null
  // this state came from a submission made here (and was toasted), not from the server's first render
  const toasted = state !== null && state !== initial && state.ok && Boolean(state.text?.message)
  return { state, pending, formProps, dialog, toasted }
}

/**
 * What a form posted without JavaScript held when it was refused: `typed` is false on every other
 * render (the fields then show their own defaults); else `value` is what `name` held (undefined: empty
 * or unchecked).
 */
export function useTyped(name: string): { typed: boolean; value: string | string[] | undefined } {
  const values = useContext(ValuesContext)
  return { typed: values !== undefined, value: values?.[name] }
}
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const NOT_ECHOED = new Set(['password', 'file', 'hidden', 'submit', 'button'])

/** The server error of a field of the surrounding ActionForm, in the reader's words (translated on the server). */
export function useFieldError(name: string): string | undefined {
  return useContext(ErrorsContext)?.[name]
}

const inputCls = (err?: string) => `block w-full rounded-md border bg-white px-3 py-2 text-base min-h-11 ${err ? 'border-red-500' : 'border-stone-300'}`

function Wrap({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-msg`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-msg`} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

export function FormInput({ label, hint, name, ...rest }: React.InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; name: string }) {
  const id = useId()
  const error = useFieldError(name)
  const typed = useTyped(name)
  const kind = rest.type ?? 'text'
  // after a refused post without JavaScript, the field shows what was typed (never a password)
  const again =
    !typed.typed || NOT_ECHOED.has(kind) || (rest.value !== undefined && kind !== 'checkbox' && kind !== 'radio')
      ? {}
      : kind === 'checkbox' || kind === 'radio'
        ? { defaultChecked: asList(typed.value).includes(String(rest.value ?? 'on')) }
        : { defaultValue: asList(typed.value)[0] ?? '' }
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error || hint ? `${id}-msg` : undefined} className={inputCls(error)} {...rest} {...again} />
    </Wrap>
  )
}

export function FormTextarea({ label, hint, name, ...rest }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; name: string }) {
  const id = useId()
  const error = useFieldError(name)
  const typed = useTyped(name)
  const again = typed.typed && rest.value === undefined ? { defaultValue: asList(typed.value)[0] ?? '' } : {}
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <textarea id={id} name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={error || hint ? `${id}-msg` : undefined} className={inputCls(error)} {...rest} {...again} />
    </Wrap>
  )
}

export function FormSelect({
  label,
  hint,
  name,
  options,
  placeholder,
  ...rest
}: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; hint?: string; name: string; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useId()
  const error = useFieldError(name)
  const typed = useTyped(name)
  const again = typed.typed && rest.value === undefined ? { defaultValue: rest.multiple ? asList(typed.value) : (asList(typed.value)[0] ?? '') } : {}
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error || hint ? `${id}-msg` : undefined} className={inputCls(error)} {...rest} {...again}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  )
}

/** Several checkboxes under one name (e.g. categories served); errors under the same name. */
export function FormCheckboxes({ label, name, options, defaultChecked = [] }: { label: string; name: string; options: { value: string; label: string }[]; defaultChecked?: string[] }) {
  const error = useFieldError(name)
  const typed = useTyped(name)
  const checked = typed.typed ? asList(typed.value) : defaultChecked
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-stone-700">{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-8 items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
