import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { caseAccessLog } from '@/lib/server/cases/cases'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { isMessageKey, type MessageKey } from '@/lib/i18n'
import { DetailHeader } from '@/components/ui/detail'
import { DataList, type Column } from '@/components/ui/data-list'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('cases.accessLog') }
}

/** The access log of a case: who read it, when, and which sensitive fields they unmasked (supervisor only). */
export default async function CaseLogPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('case.supervise')
  const id = await idParam(params)
  const r = await caseAccessLog(scope, id)
  if (!r.ok) return denyPage()
  const t = await getT()
  const locale = await getLocale()
  const columns: Column<(typeof r.value)[number]>[] = [
    { id: 'by', label: t('audit.col.actor'), slot: 'title', cell: (e) => <span className="font-medium">{e.by}</span> },
    { id: 'at', label: t('audit.col.at'), slot: 'end', cell: (e) => <span className="text-stone-600">{formatDateTime(locale, e.at)}</span> },
    { id: 'action', label: t('audit.col.action'), cell: (e) => t(`cases.action.${e.action}` as MessageKey) },
    { id: 'fields', label: t('cases.sensitive'), cell: (e) => e.fields.map((f) => (isMessageKey(`cases.field.${f}`) ? t(`cases.field.${f}` as MessageKey) : f)).join('、') },
  ]
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader back={`/cases/${id}`} backLabel={t('cases.title')} title={t('cases.accessLog')} />
      <DataList t={t} label={t('cases.accessLog')} testId="access-log" rows={r.value.map((e, i) => ({ ...e, key: String(i) }))} rowKey={(e) => e.key} columns={columns} path={`/cases/${id}/log`} query={{}} empty={<p className="text-sm text-stone-600">{t('common.none')}</p>} />
    </div>
  )
}
