'use client'
import { createContext, useContext, useMemo } from 'react'
import { makeT, type Locale, type Messages, type Translate } from './index'

const I18nContext = createContext<{ locale: Locale; t: Translate } | null>(null)

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, t: makeT(messages) }), [locale, messages])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n() {
  const v = useContext(I18nContext)
  if (!v) throw new Error('useI18n outside I18nProvider')
  return v
}
