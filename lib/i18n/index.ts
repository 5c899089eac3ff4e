import 'server-only'
import { zhCN } from './messages/zh-CN'
import { en } from './messages/en'
import { makeT, type Locale, type MessageKey, type Messages, type Translate } from './format'
import './icu' // the server formats every kind of message

// The message catalogs, server-only: server components translate (lib/i18n/server.ts getT), and a client
// component receives only the messages it renders (pickMessages, through <ClientMessages>). zh-CN is the
// default and the source of the keys; en must have every key (typed). Each locale's catalog is merged
// from domain files (lib/i18n/messages/<domain>.<locale>.ts).
export * from './format'

const CATALOGS: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale]
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key)
}

/** The messages `keys` in `locale`: what one client component renders. */
export function pickMessages(locale: Locale, keys: readonly MessageKey[]): Partial<Messages> {
  const all = CATALOGS[locale]
  const out: Partial<Messages> = {}
  for (const k of keys) out[k] = all[k]
  return out
}

export function translatorFor(locale: Locale): Translate {
  return makeT(CATALOGS[locale], locale)
}

/** A validation message from the server (an i18n key) in the reader's language. */
export function translateError(t: Translate, key: string | undefined, params?: Record<string, string | number>): string | undefined {
  if (!key) return undefined
  return isMessageKey(key) ? t(key, params) : t('validation.invalid')
}
