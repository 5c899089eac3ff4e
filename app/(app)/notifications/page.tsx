import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requireScope } from '@/lib/server/auth/session'
import { listMyNotifications, markNotificationsRead } from '@/lib/server/workflow/tasks'
import { isMessageKey } from '@/lib/i18n'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
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
  const columns: Column<(typeof rows)[number]>[] = [
    {
      id: 'message',
      label: t('notifications.title'),
      slot: 'title',
      cell: (n) => (
        <Link href={n.link} className="font-medium text-stone-900 hover:underline">
          {isMessageKey(n.kind) ? t(n.kind, n.params as Record<string, string>) : n.kind}
        </Link>
      ),
    },
    { id: 'unread', label: t('notifications.new'), slot: 'end', cell: (n) => (n.readAt ? null : <Badge tone="brand">{t('notifications.new')}</Badge>) },
    { id: 'at', label: t('notifications.at'), cell: (n) => formatDateTime(locale, n.createdAt) },
  ]
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('notifications.title')} />
      <DataList t={t} label={t('notifications.title')} testId="notifications" rows={rows} rowKey={(n) => n.id} columns={columns} rowClassName={(n) => (n.readAt ? undefined : 'bg-brand-50')} path="/notifications" query={{}} empty={<EmptyState title={t('notifications.empty')} />} />
    </div>
  )
}
