import 'server-only'
import { cookies } from 'next/headers'
import { cache } from 'react'
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, translatorFor, type Locale } from './index'

// the reader's locale, read once per request (React's cache is per request on the server)
export const getLocale = cache(async (): Promise<Locale> => {
  const v = (await cookies()).get(LOCALE_COOKIE)?.value
  return isLocale(v) ? v : DEFAULT_LOCALE
})

export async function getT() {
  return translatorFor(await getLocale())
}

/** The locale of the current request, or the default outside one (scripts, tests calling an action). */
export async function localeOrDefault(): Promise<Locale> {
  try {
    return await getLocale()
  } catch {
    return DEFAULT_LOCALE
  }
}
