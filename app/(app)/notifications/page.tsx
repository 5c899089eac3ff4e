import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requireScope } from '@/lib/server/auth/session'
import { listMyNotifications, markNotificationsRead } from '@/lib/server/workflow/tasks'
import { isMessageKey } from '@/lib/i18n'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { EmptyState } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('notifications.title') }
}

/** In-app messages; opening the page marks them read. */
export default async function NotificationsPage() {
  const scope = await requireScope()
  const t = await getT()
  const locale = await getLocale()
  const rows = await listMyNotifications(scope)
  await markNotificationsRead(scope)
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('notifications.title')} />
      {rows.length === 0 ? (
        <EmptyState title={t('notifications.empty')} />
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="notifications">
          {rows.map((n) => (
            <li key={n.id} className={`px-3 py-3 ${n.readAt ? '' : 'bg-brand-50'}`}>
              <Link href={n.link} className="font-medium text-stone-900 hover:underline">
                {isMessageKey(n.kind) ? t(n.kind, n.params as Record<string, string>) : n.kind}
              </Link>
              <p className="text-xs text-stone-500">{formatDateTime(locale, n.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
