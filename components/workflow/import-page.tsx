import { Link } from '@/components/ui/link'
import { translateError, type Translate } from '@/lib/i18n'
import { ClientMessages } from '@/lib/i18n/client-messages'
import { ImportPanel, type ImportAnswer } from './import-panel'
import { IMPORT_PANEL_MESSAGES } from './import-panel.messages'
import { PageHeader } from '@/components/ui/page-header'

const TEXT = {
  needs: { back: 'xlsx.page.backNeeds', title: 'xlsx.page.needsTitle' },
  resources: { back: 'xlsx.page.backResources', title: 'xlsx.page.resourcesTitle' },
  volunteers: { back: 'xlsx.page.backVolunteers', title: 'xlsx.page.volunteersTitle' },
} as const

type Search = Record<string, string | string[] | undefined>
const count = (v: unknown) => (typeof v === 'string' && /^\d{1,7}$/.test(v) ? Number(v) : null)

/**
 * What an upload posted without JavaScript came back with (the import route's 303 puts the counts, or
 * the error's catalog key, in the address): shown by the panel as if it had streamed.
 */
function answerOf(t: Translate, sp: Search): ImportAnswer | undefined {
  if (typeof sp.error === 'string' && /^xlsx\.error\.\w+$/.test(sp.error)) {
    const params = Object.fromEntries(Object.entries(sp).flatMap(([k, v]) => (k.startsWith('p_') && typeof v === 'string' && /^[\w.-]{1,40}$/.test(v) ? [[k.slice(2), v]] : [])))
    return { phase: 'error', message: translateError(t, sp.error, { mb: 5, ...params }) ?? t('xlsx.error.failed') }
  }
  const [total, created, duplicates, failed] = [sp.total, sp.created, sp.duplicates, sp.failed].map(count)
  if (total === null || created === null || duplicates === null || failed === null) return undefined
  const errorFileId = typeof sp.errorFile === 'string' && /^[\w-]{1,64}$/.test(sp.errorFile) ? sp.errorFile : undefined
  return { phase: 'done', summary: { total, created, duplicates, failed, errorFileId } }
}

/** The spreadsheet import page of a list: back link, the three steps, the upload panel. */
export function ImportPage({ t, kind, searchParams = {} }: { t: Translate; kind: keyof typeof TEXT; searchParams?: Search }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="space-y-1">
        <Link href={`/${kind}`} className="text-sm text-brand-700 hover:underline">
          ← {t(TEXT[kind].back)}
        </Link>
        <PageHeader title={t(TEXT[kind].title)} />
      </div>
      <ol className="list-decimal space-y-1 pl-5 text-sm text-stone-700">
        <li>{t('xlsx.page.step1')}</li>
        <li>{t('xlsx.page.step2')}</li>
        <li>{t('xlsx.page.step3')}</li>
      </ol>
      <ClientMessages keys={IMPORT_PANEL_MESSAGES[kind]}>
        <ImportPanel kind={kind} answer={answerOf(t, searchParams)} />
      </ClientMessages>
    </div>
  )
}
