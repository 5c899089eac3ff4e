import type { zhCN } from './messages/zh-CN'

// What client and server code share: the locales, the key type and the formatter. No catalog is
// imported here (the key type is a type-only import): the catalogs are server-only (lib/i18n/index.ts),
// and a client component gets the few messages it renders (lib/i18n/client-messages.tsx).
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
export const LOCALE_COOKIE = 'locale'

export type MessageKey = keyof typeof zhCN
export type Messages = Record<MessageKey, string>
export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}

// a message with an ICU argument of a kind (`{count, plural, one {# person} other {# people}}`, select,
// number…) is formatted by FormatJS; a plain `{name}` message — almost all of them — by substitution
export const ICU_MESSAGE = /\{\s*\w+\s*,\s*(plural|selectordinal|select|number|date|time)\b/
type IcuFormat = (locale: Locale, text: string, params: Params) => string
let icu: IcuFormat | null = null

/**
 * FormatJS comes in through lib/i18n/icu.ts, which registers it here: the server always (lib/i18n/index.ts
 * imports it), a client component only where it renders an ICU message (it imports the module itself;
 * tests/unit/i18n.test.ts checks), so the other pages do not load its 10 kB (gzip) of JavaScript.
 */
export function registerIcu(format: IcuFormat) {
  icu = format
}

export function formatMessage(locale: Locale, text: string, params?: Params): string {
  if (ICU_MESSAGE.test(text)) {
    if (!icu) throw new Error(`an ICU message is formatted where lib/i18n/icu.ts was not imported: ${text}`)
    return icu(locale, text, params ?? {})
  }
  return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text
}

/** A translator over `messages` (the whole catalog on the server, a subset in a client component). */
export function makeT(messages: Partial<Messages>, locale: Locale = DEFAULT_LOCALE): Translate {
  return (key, params) => {
    const text = messages[key]
    return text === undefined ? key : formatMessage(locale, text, params)
  }
}
