// ICU messages (plural, select, number…) through FormatJS's intl-messageformat, registered with the shared
// formatter (lib/i18n/format.ts registerIcu). Imported for its effect by lib/i18n/index.ts (every server
// render) and by each client component that renders an ICU message — only those pages load FormatJS.
import { IntlMessageFormat } from 'intl-messageformat'
import { registerIcu } from './format'

const compiled = new Map<string, IntlMessageFormat>()

registerIcu((locale, text, params) => {
  const id = `${locale}\u0000${text}`
  let f = compiled.get(id)
  if (!f) compiled.set(id, (f = new IntlMessageFormat(text, locale)))
  return String(f.format(params))
})
