import Link from 'next/link'
import type { Translate } from '@/lib/i18n'
import { ImportPanel } from './import-panel'

const TEXT = {
  needs: { back: 'xlsx.page.backNeeds', title: 'xlsx.page.needsTitle' },
  resources: { back: 'xlsx.page.backResources', title: 'xlsx.page.resourcesTitle' },
  volunteers: { back: 'xlsx.page.backVolunteers', title: 'xlsx.page.volunteersTitle' },
} as const

/** The spreadsheet import page of a list: back link, the three steps, the upload panel. */
export function ImportPage({ t, kind }: { t: Translate; kind: keyof typeof TEXT }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="space-y-1">
        <Link href={`/${kind}`} className="text-sm text-brand-700 hover:underline">
          ← {t(TEXT[kind].back)}
        </Link>
        <h1 className="text-xl font-semibold">{t(TEXT[kind].title)}</h1>
      </div>
      <ol className="list-decimal space-y-1 pl-5 text-sm text-stone-700">
        <li>{t('xlsx.page.step1')}</li>
        <li>{t('xlsx.page.step2')}</li>
        <li>{t('xlsx.page.step3')}</li>
      </ol>
      <ImportPanel kind={kind} />
    </div>
  )
}
