import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { getT } from '@/lib/i18n/server'
import { ImportPage } from '@/components/workflow/import-page'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('xlsx.page.volunteersTitle') }
}

/** 导入志愿者: for the community admin (the import checks each row's community again). */
export default async function VolunteersImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('volunteer.manage')
  return <ImportPage t={await getT()} kind="volunteers" searchParams={await searchParams} />
}
