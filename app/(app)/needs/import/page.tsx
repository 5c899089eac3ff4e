import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { getT } from '@/lib/i18n/server'
import { ImportPage } from '@/components/workflow/import-page'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('xlsx.page.needsTitle') }
}

/** 导入需求清单: for those who record needs (the import checks each row's community again). */
export default async function NeedsImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('need.record')
  return <ImportPage t={await getT()} kind="needs" searchParams={await searchParams} />
}
