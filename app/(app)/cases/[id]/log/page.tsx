import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { caseAccessLog } from '@/lib/server/cases/cases'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { isMessageKey, type MessageKey } from '@/lib/i18n'
import { PageHeader } from '@/components/ui/page-header'

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
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={`/cases/${id}`} className="text-sm text-stone-600 hover:underline">
        ‹ {t('cases.title')}
      </Link>
      <PageHeader title={t('cases.accessLog')} />
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="access-log">
        {r.value.map((e, i) => (
          <li key={i} className="flex flex-wrap gap-2 px-3 py-2">
            <span className="text-stone-500">{formatDateTime(locale, e.at)}</span>
            <span className="font-medium">{e.by}</span>
            <span>{t(`cases.action.${e.action}` as MessageKey)}</span>
            {e.fields.length ? <span className="text-stone-600">{e.fields.map((f) => (isMessageKey(`cases.field.${f}`) ? t(`cases.field.${f}` as MessageKey) : f)).join('、')}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
