import { zhCN } from './messages/zh-CN'
import { en } from './messages/en'

// Message catalog: zh-CN is the default and the source of the keys; en must have every key (typed).
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
export const LOCALE_COOKIE = 'locale'

export type MessageKey = keyof typeof zhCN
export type Messages = Record<MessageKey, string>
export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

const CATALOGS: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale]
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key)
}

export function makeT(messages: Messages): Translate {
  return (key, params) => {
    const text = messages[key] ?? key
    return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text
  }
}

/** A validation message from the server (an i18n key) in the reader's language. */
export function translateError(t: Translate, key: string | undefined, params?: Record<string, string | number>): string | undefined {
  if (!key) return undefined
  return isMessageKey(key) ? t(key, params) : t('validation.invalid')
}
