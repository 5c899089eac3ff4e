'use client'
import { Combobox } from '@base-ui/react/combobox'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useI18n } from '@/lib/i18n/client'
import { Badge } from '@/components/ui/card'

type Option = { id: string; name: string; label: string; pilot: boolean }

/**
 * The community picker's combobox (Base UI: role="combobox" with aria-expanded, arrow keys, Enter to
 * choose, Escape to close; the matches come from /api/communities as one types). It takes the place of
 * the plain field (community-picker.tsx) once its code has arrived, carrying over what was typed there
 * (also in the moment between its own commit and the plain field's removal) and the focus.
 */
export function CommunityCombobox({ id, name, queryName, error, enhanced, onReady }: { id: string; name: string; queryName: string; error?: string; enhanced: boolean; onReady: () => void }) {
  const { t } = useI18n()
  // rendered in the browser only (next/dynamic, ssr: false): the plain field is there to read
  const [plain] = useState(() => document.getElementById(id) as HTMLInputElement | null)
  const [q, setQ] = useState(() => plain?.value ?? '')
  const input = useRef<HTMLInputElement>(null)
  const [rows, setRows] = useState<Option[]>([])
  const [loading, setLoading] = useState(false)
  const [chosen, setChosen] = useState<Option | null>(null)
  // words typed into the plain field while this code was on its way open the list on them at once (Base
  // UI opens it only on typing, so the matches would otherwise wait for the next key)
  const [open, setOpen] = useState(() => Boolean(plain && document.activeElement === plain && plain.value.trim()))
  const plainHadFocus = useRef(false)

  // until the plain field is gone (the commit after this one), what is typed there is carried over
  /* eslint-disable react-hooks/exhaustive-deps -- q: the value this render started from, read once */
  useLayoutEffect(() => {
    if (!plain) return
    const sync = () => {
      setQ(plain.value)
      if (plain.value.trim() && document.activeElement === plain) setOpen(true)
    }
    const focused = () => (plainHadFocus.current = true)
    if (document.activeElement === plain) focused()
    // typed after this component rendered and before it was committed (React may yield in between)
    if (plain.value !== q) sync()
    plain.addEventListener('input', sync)
    plain.addEventListener('focus', focused)
    return () => {
      plain.removeEventListener('input', sync)
      plain.removeEventListener('focus', focused)
    }
  }, [plain])
  /* eslint-enable react-hooks/exhaustive-deps */

  useEffect(() => onReady(), [onReady]) // the plain field goes

  // once it has gone, the focus it had comes here, the caret after the words (unless the user moved on)
  useLayoutEffect(() => {
    const el = input.current
    if (!enhanced || !el || !plainHadFocus.current) return
    if (document.activeElement && document.activeElement !== document.body) return
    el.focus()
    el.setSelectionRange(el.value.length, el.value.length)
  }, [enhanced])

  useEffect(() => {
    const query = q.trim()
    if (!query || (chosen && chosen.name === q)) return
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
    <>
      <Combobox.Root<Option>
        items={rows}
        filter={null}
        open={open}
        onOpenChange={(o) => setOpen(o)}
        value={chosen}
        onValueChange={(v) => setChosen(v)}
        inputValue={q}
        onInputValueChange={(v) => {
          setQ(v)
          if (chosen && v !== chosen.name) setChosen(null)
        }}
        itemToStringLabel={(o) => o.name}
        isItemEqualToValue={(a, b) => a.id === b.id}
      >
        <Combobox.Input
          ref={input}
          id={enhanced ? id : undefined}
          type="search"
          name={queryName}
          placeholder={t('register.communityPlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-msg`}
          className={`block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base ${error ? 'border-red-500' : 'border-stone-300'}`}
        />
        <Combobox.Portal>
          <Combobox.Positioner sideOffset={4} className="z-50 w-(--anchor-width)">
            <Combobox.Popup className="max-h-72 overflow-auto rounded-md border border-stone-200 bg-white shadow-lg" aria-label={t('register.communityResults')}>
              <Combobox.Status className="px-3 py-2 text-sm text-stone-500 empty:hidden">{loading && rows.length === 0 ? t('common.loading') : null}</Combobox.Status>
              {!loading ? <Combobox.Empty className="px-3 py-2 text-sm text-stone-500 empty:hidden">{t('register.communityNone')}</Combobox.Empty> : null}
              <Combobox.List>
                {(r: Option) => (
                  <Combobox.Item key={r.id} value={r} className="block min-h-11 cursor-pointer px-3 py-2 data-highlighted:bg-stone-100">
                    <span className="font-medium">{r.name}</span> {r.pilot ? <Badge tone="brand">{t('unit.pilot')}</Badge> : null}
                    <span className="block text-xs text-stone-500">{r.label}</span>
                  </Combobox.Item>
                )}
              </Combobox.List>
            </Combobox.Popup>
          </Combobox.Positioner>
        </Combobox.Portal>
      </Combobox.Root>
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      {chosen ? (
        <p className="text-sm text-stone-600" data-testid="community-chosen">
          {t('register.communityChosen', { name: chosen.name, where: chosen.label })}
        </p>
      ) : null}
    </>
  )
}
