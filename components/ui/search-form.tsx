import { buttonClass } from './button'

/**
 * A GET search form (works without JavaScript, the query lives in the URL): `q` + optional filters.
 * `keep` carries what the form does not ask but the list shows (its sort), so a search keeps the order.
 */
export function SearchForm({
  action,
  q,
  placeholder,
  submitLabel,
  keep,
  children,
}: {
  action?: string
  q: string | undefined
  placeholder: string
  submitLabel: string
  keep?: Record<string, string | undefined>
  children?: React.ReactNode
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap gap-2" role="search">
      <input
        type="search"
        name="q"
        defaultValue={q ?? ''}
        placeholder={placeholder}
        aria-label={placeholder}
        className="min-h-10 min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:max-w-md"
      />
      {keep ? Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null)) : null}
      {children}
      <button type="submit" className={buttonClass('secondary')}>
        {submitLabel}
      </button>
    </form>
  )
}
