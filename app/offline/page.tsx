import type { Metadata } from 'next'
import { getT } from '@/lib/i18n/server'
import { PageHeader } from '@/components/ui/page-header'
import { Link } from '@/components/ui/link'
import { ClientMessages } from '@/lib/i18n/client-messages'
import { OfflineScan } from '@/components/workflow/offline-scan'
import { OFFLINE_SCAN_MESSAGES } from '@/components/workflow/offline-scan.messages'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('offline.title'), robots: { index: false } }
}

/**
 * What the service worker shows for a page it cannot fetch and has not kept (lib/offline/sw.ts):
 * precached at install, so it must not hold anything of anyone — no session is read here.
 */
export default async function OfflinePage() {
  const t = await getT()
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-6" data-testid="offline">
      <PageHeader title={t('offline.title')} />
      <p className="text-sm text-stone-700">{t('offline.body')}</p>
      <p className="text-sm text-stone-700">{t('offline.queued')}</p>
      <ClientMessages keys={OFFLINE_SCAN_MESSAGES}>
        <OfflineScan />
      </ClientMessages>
      <Link href="/tasks" className="inline-block text-sm font-medium text-brand-700 underline">
        {t('offline.retry')}
      </Link>
    </main>
  )
}
