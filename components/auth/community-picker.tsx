'use client'
import dynamic from 'next/dynamic'
import { useCallback, useId, useState } from 'react'
import { useI18n } from '@/lib/i18n/client'
import { useFieldError, useTyped } from '@/components/ui/action-form'

// The combobox (Base UI's, ≈ 50 kB gzip with its positioning) comes after the page: registration is a
// volunteer's first page, often on a weak network, and it is usable before that code arrives.
const CommunityCombobox = dynamic(() => import('./community-combobox').then((m) => m.CommunityCombobox), { ssr: false })

/**
 * Type part of a community's (or its sub-district's) name, pick one from the list. Inside an
 * ActionForm. The page arrives with a plain text field: posted as it is (as `queryName`, before or
 * without JavaScript) the server looks the community up by name, and what was typed comes back after a
 * refusal. Once the combobox's code is there it takes the field's place (community-combobox.tsx).
 */
export function CommunityPicker({ name, queryName }: { name: string; queryName: string }) {
  const { t } = useI18n()
  const id = useId()
  const error = useFieldError(name)
  const typed = useTyped(queryName).value
  const [enhanced, setEnhanced] = useState(false)
  const onReady = useCallback(() => setEnhanced(true), [])
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-700">
        {t('field.community')}
      </label>
      {enhanced ? null : <input type="hidden" name={name} value="" />}
      {enhanced ? null : (
        <input
          id={id}
          type="search"
          name={queryName}
          autoComplete="off"
          defaultValue={typeof typed === 'string' ? typed : ''}
          placeholder={t('register.communityPlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-msg`}
          className={`block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base ${error ? 'border-red-500' : 'border-stone-300'}`}
        />
      )}
      <CommunityCombobox id={id} name={name} queryName={queryName} error={error} enhanced={enhanced} onReady={onReady} />
      <p id={`${id}-msg`} className={error ? 'text-sm text-red-700' : 'text-xs text-stone-500'} role={error ? 'alert' : undefined}>
        {error ?? t('register.communityHint')}
      </p>
    </div>
  )
}
