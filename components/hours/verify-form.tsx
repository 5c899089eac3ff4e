import { buttonClass } from '@/components/ui/button'

/** A GET form for a certificate code (works without JavaScript); /verify sends it on to /verify/<code>. */
export function VerifyForm({ label, submitLabel, defaultValue = '' }: { label: string; submitLabel: string; defaultValue?: string }) {
  return (
    <form method="get" role="search" action="/verify" className="space-y-3" data-testid="verify-form">
      <div className="space-y-1">
        <label htmlFor="verify-code" className="block text-sm font-medium text-stone-700">
          {label}
        </label>
        <input
          id="verify-code"
          name="code"
          defaultValue={defaultValue}
          required
          maxLength={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-base tracking-widest uppercase"
        />
      </div>
      <button type="submit" className={buttonClass('primary')}>
        {submitLabel}
      </button>
    </form>
  )
}
