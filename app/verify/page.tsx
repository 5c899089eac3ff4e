import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { getT } from '@/lib/i18n/server'
import { VerifyForm } from '@/components/hours/verify-form'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('verify.title') }
}

const ZQuery = z.object({ code: z.string().trim().min(1).max(40).optional().catch(undefined) })

/** Public (no sign-in): type the code printed on a service-hours certificate. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { code } = ZQuery.parse(await searchParams)
  // the form is a plain GET form: send the typed code on to its own page (case is sorted out there)
  if (code) redirect(`/verify/${encodeURIComponent(code.replace(/[\s-]/g, '').toUpperCase())}`)
  const t = await getT()
  return (
    <div className="space-y-4">
      <PageHeader title={t('verify.title')} />
      <p className="text-sm text-stone-600">{t('verify.intro')}</p>
      <VerifyForm label={t('verify.code')} submitLabel={t('verify.submit')} />
    </div>
  )
}
