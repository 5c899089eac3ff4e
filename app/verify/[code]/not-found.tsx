import { getT } from '@/lib/i18n/server'
import { VerifyForm } from '@/components/hours/verify-form'
import { PageHeader } from '@/components/ui/page-header'

// An unknown or mistyped code: say so plainly (404) and let the reader try again.
export default async function CertificateNotFound() {
  const t = await getT()
  return (
    <div className="space-y-4">
      <PageHeader title={t('verify.title')} />
      <div role="alert" className="rounded-md bg-red-50 p-3 text-red-800" data-testid="verify-not-found">
        <p className="font-medium">{t('verify.notFound')}</p>
        <p className="mt-1 text-sm">{t('verify.notFoundBody')}</p>
      </div>
      <VerifyForm label={t('verify.code')} submitLabel={t('verify.submit')} />
    </div>
  )
}
