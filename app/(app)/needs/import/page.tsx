import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePermission } from '@/lib/server/auth/session'
import { getT } from '@/lib/i18n/server'
import { ImportPanel } from '@/components/workflow/import-panel'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('xlsx.page.needsTitle') }
}

/** 导入需求清单: for those who record needs (the import checks each row's community again). */
export default async function NeedsImportPage() {
  await requirePermission('need.record')
  const t = await getT()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="space-y-1">
        <Link href="/needs" className="text-sm text-brand-700 hover:underline">
          ← {t('xlsx.page.backNeeds')}
        </Link>
        <h1 className="text-xl font-semibold">{t('xlsx.page.needsTitle')}</h1>
      </div>
      <ol className="list-decimal space-y-1 pl-5 text-sm text-stone-700">
        <li>{t('xlsx.page.step1')}</li>
        <li>{t('xlsx.page.step2')}</li>
        <li>{t('xlsx.page.step3')}</li>
      </ol>
      <ImportPanel kind="needs" />
    </div>
  )
}
