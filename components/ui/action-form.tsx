'use client'
import { useRouter } from 'next/navigation'
import { createContext, useContext, useId, useRef, useState, useTransition } from 'react'
import { isMessageKey, translateError } from '@/lib/i18n'
import { useI18n } from '@/lib/i18n/client'
import { Button, type ButtonVariant } from './button'

export type FormActionState = { ok: boolean; fieldErrors?: Record<string, string>; error?: string; message?: string; messageParams?: Record<string, string | number>; redirect?: string } | null
type State = FormActionState

const ErrorsContext = createContext<Record<string, string> | undefined>(undefined)

/**
 * The one form pattern: submits FormData to a server action, shows field-level errors from the
 * server (nothing typed is lost), a form-level message, then redirects or refreshes the page.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  confirm,
  variant = 'primary',
  className = 'space-y-4',
  resetOnSuccess = false,
  children,
  testId,
}: {
  action: (fd: FormData) => Promise<State>
  submitLabel: string
  pendingLabel?: string
  confirm?: string
  variant?: ButtonVariant
  className?: string
  resetOnSuccess?: boolean
  children?: React.ReactNode
  testId?: string
}) {
  const { t } = useI18n()
  const router = useRouter()
  const ref = useRef<HTMLFormElement>(null)
  const [state, setState] = useState<State>(null)
  const [pending, start] = useTransition()
  return (
    <form
      ref={ref}
      noValidate
      className={className}
      aria-busy={pending}
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault()
        if (confirm && !window.confirm(confirm)) return
        const fd = new FormData(e.currentTarget)
        start(async () => {
          const r = await action(fd)
          setState(r)
          if (!r?.ok) return
          if (resetOnSuccess) ref.current?.reset()
          if (r.redirect) router.push(r.redirect)
          else router.refresh()
        })
      }}
    >
      <ErrorsContext.Provider value={state?.fieldErrors}>{children}</ErrorsContext.Provider>
      {state && !state.ok && state.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800">
          {translateError(t, state.error, state.messageParams)}
        </p>
      ) : null}
      {state?.ok && state.message && isMessageKey(state.message) ? (
        <p role="status" className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-800">
          {t(state.message, state.messageParams)}
        </p>
      ) : null}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? (pendingLabel ?? t('common.saving')) : submitLabel}
      </Button>
    </form>
  )
}

function useFieldError(name: string) {
  const { t } = useI18n()
  return translateError(t, useContext(ErrorsContext)?.[name])
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
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error || hint ? `${id}-msg` : undefined} className={inputCls(error)} {...rest} />
    </Wrap>
  )
}

export function FormTextarea({ label, hint, name, ...rest }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; name: string }) {
  const id = useId()
  const error = useFieldError(name)
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <textarea id={id} name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={error || hint ? `${id}-msg` : undefined} className={inputCls(error)} {...rest} />
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
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error || hint ? `${id}-msg` : undefined} className={inputCls(error)} {...rest}>
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
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-stone-700">{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-8 items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultChecked.includes(o.value)} className="size-4" />
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
