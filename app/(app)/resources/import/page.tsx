import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { getT } from '@/lib/i18n/server'
import { ImportPage } from '@/components/workflow/import-page'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('xlsx.page.resourcesTitle') }
}

/** 导入资源清单: for those who manage resources (the import checks each row's community again). */
export default async function ResourcesImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('resource.manage')
  return <ImportPage t={await getT()} kind="resources" searchParams={await searchParams} />
}
