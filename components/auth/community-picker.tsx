'use client'
import { useEffect, useId, useState, useSyncExternalStore } from 'react'
import { useI18n } from '@/lib/i18n/client'
import { Badge } from '@/components/ui/card'
import { useFieldError, useTyped } from '@/components/ui/action-form'

const noSubscription = () => () => {}

type Option = { id: string; name: string; label: string; pilot: boolean }

/**
 * Type part of a community's (or its sub-district's) name, pick one from the list. Inside an
 * ActionForm. Before its script arrives the text itself is posted (as `queryName`) and the server looks
 * the community up by name; what was typed comes back after a refusal.
 */
export function CommunityPicker({ name, queryName }: { name: string; queryName: string }) {
  const { t } = useI18n()
  const id = useId()
  const error = useFieldError(name)
  const typed = useTyped(queryName).value
  const [q, setQ] = useState(typeof typed === 'string' ? typed : '')
  // the list of matches needs the script that fetches them: none is shown before it runs
  const live = useSyncExternalStore(noSubscription, () => true, () => false)
  const [rows, setRows] = useState<Option[]>([])
  const [loading, setLoading] = useState(false)
  const [chosen, setChosen] = useState<Option | null>(null)

  useEffect(() => {
    const query = q.trim()
    if (!query || chosen) return
    const ctrl = new AbortController()
    const timer = setTimeout(() => {
      setLoading(true)
      fetch(`/api/communities?q=${encodeURIComponent(query)}`, { signal: ctrl.signal })
        .then((r) => r.json())
        .then((d: { rows: Option[] }) => setRows(d.rows))
        .catch(() => {})
        .finally(() => setLoading(false))
    }, 250)
    return () => {
      clearTimeout(timer)
      ctrl.abort()
    }
  }, [q, chosen])

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-700">
        {t('field.community')}
      </label>
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      {chosen ? (
        <div className="flex items-center justify-between gap-2 rounded-md border border-stone-300 bg-white px-3 py-2" data-testid="community-chosen">
          <span>
            <span className="font-medium">{chosen.name}</span>
            <span className="block text-xs text-stone-500">{chosen.label}</span>
          </span>
          <button type="button" className="text-sm text-brand-700 underline min-h-8" onClick={() => { setChosen(null); setRows([]) }}>
            {t('register.changeCommunity')}
          </button>
        </div>
      ) : (
        <>
          <input
            id={id}
            type="search"
            name={queryName}
            autoComplete="off"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('register.communityPlaceholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-msg`}
            className={`block w-full rounded-md border bg-white px-3 py-2 text-base min-h-11 ${error ? 'border-red-500' : 'border-stone-300'}`}
          />
          {live && q.trim() ? (
            <ul className="max-h-64 overflow-auto rounded-md border border-stone-200 bg-white" aria-label={t('register.communityResults')}>
              {loading && !rows.length ? <li className="px-3 py-2 text-sm text-stone-500">{t('common.loading')}</li> : null}
              {!loading && !rows.length ? <li className="px-3 py-2 text-sm text-stone-500">{t('register.communityNone')}</li> : null}
              {rows.map((r) => (
                <li key={r.id}>
                  <button type="button" onClick={() => setChosen(r)} className="block w-full px-3 py-2 text-left hover:bg-stone-100 focus:bg-stone-100 min-h-11">
                    <span className="font-medium">{r.name}</span> {r.pilot ? <Badge tone="brand">{t('unit.pilot')}</Badge> : null}
                    <span className="block text-xs text-stone-500">{r.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <p id={`${id}-msg`} className={error ? 'text-sm text-red-700' : 'text-xs text-stone-500'} role={error ? 'alert' : undefined}>
        {error ?? t('register.communityHint')}
      </p>
    </div>
  )
}
