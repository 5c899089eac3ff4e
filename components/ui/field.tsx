import { useId } from 'react'

/** Label + input + field-level error, wired for screen readers (aria-invalid, aria-describedby). */
export function Field({
  label,
  error,
  hint,
  ...input
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string; name: string }) {
  const id = useId()
  const msgId = `${id}-msg`
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-700">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? msgId : undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-base min-h-11 ${error ? 'border-red-500' : 'border-stone-300'}`}
        {...input}
      />
      {error ? (
        <p id={msgId} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={msgId} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
