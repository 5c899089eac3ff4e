/** A select of a GET filter form: empty value = no filter. */
export function FilterSelect({ name, label, value, allLabel, options }: { name: string; label: string; value: string | undefined; allLabel: string; options: { value: string; label: string }[] }) {
  return (
    <select name={name} defaultValue={value ?? ''} aria-label={label} className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm">
      <option value="">
        {label}：{allLabel}
      </option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  )
}

/** ?a=1&b=2 from the set values (page 1 and empty values left out). */
export function queryString(q: Record<string, string | number | undefined | null>) {
  const sp = new URLSearchParams()
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '' && !(k === 'page' && v === 1)) sp.set(k, String(v))
  const s = sp.toString()
  return s ? `?${s}` : ''
}

/** A from–to pair of day inputs for a list's search form (`from`, `to` as YYYY-MM-DD). */
export function DateRangeInputs({ from, to, fromLabel, toLabel }: { from: string | undefined; to: string | undefined; fromLabel: string; toLabel: string }) {
  return (
    <>
      <label className="flex items-center gap-1 text-sm text-stone-600">
        {fromLabel}
        <input type="date" name="from" defaultValue={from ?? ''} className="min-h-10 rounded-md border border-stone-300 bg-white px-2" />
      </label>
      <label className="flex items-center gap-1 text-sm text-stone-600">
        {toLabel}
        <input type="date" name="to" defaultValue={to ?? ''} className="min-h-10 rounded-md border border-stone-300 bg-white px-2" />
      </label>
    </>
  )
}
