'use client'
import { createContext, useContext, useMemo } from 'react'
import { makeT, type Locale, type Messages, type Translate } from './format'

type Ctx = { locale: Locale; messages: Partial<Messages>; t: Translate }
const I18nContext = createContext<Ctx | null>(null)

/**
 * The messages a client component renders, and no others: `messages` is the subset its server parent
 * picked (<ClientMessages keys={…}>, lib/i18n/client-messages.tsx). Providers nest; an inner one adds
 * its subset to what the outer ones gave.
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Partial<Messages>; children: React.ReactNode }) {
  const parent = useContext(I18nContext)
  const value = useMemo(() => {
    const all = parent && parent.locale === locale ? { ...parent.messages, ...messages } : messages
    return { locale, messages: all, t: makeT(all, locale) }
  }, [parent, locale, messages])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n() {
  const v = useContext(I18nContext)
  if (!v) throw new Error('useI18n outside I18nProvider')
  return v
}
