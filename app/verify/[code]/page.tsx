import { denyPage } from '@/lib/server/auth/session'
import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { verifyCertificate } from '@/lib/server/people/certificates'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { Row } from '@/components/ui/detail'
import { HoursByYearTable } from '@/components/hours/hours-by-year'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('verify.title') }
}

/** Public (no sign-in): what a certificate with this code says, the holder's name masked; unknown → 404. */
export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  const c = await verifyCertificate((await params).code)
  if (!c) return denyPage()
  const t = await getT()
  const locale = await getLocale()
  return (
    <div className="space-y-4">
      <PageHeader title={t('verify.title')} />
      <p role="status" className="rounded-md bg-emerald-50 p-3 font-medium text-emerald-800" data-testid="verify-valid">
        {t('verify.valid')}
      </p>
      <Card>
        <dl className="text-sm" data-testid="verify-result">
          <Row label={t('certificate.code')}>
            <span className="font-mono tracking-widest">{c.code}</span>
          </Row>
          <Row label={t('certificate.holder')}>
            <span data-testid="verify-holder">{c.holderName}</span>
          </Row>
          <Row label={t('certificate.unit')}>{c.unitName}</Row>
          <Row label={t('certificate.total')}>
            <span data-testid="verify-hours">{t('hours.unit', { hours: c.hours })}</span>
          </Row>
          <Row label={t('certificate.issuedAt')}>{formatDate(locale, c.issuedAt)}</Row>
        </dl>
        <h2 className="mt-4 text-sm font-semibold">{t('certificate.byYear')}</h2>
        <HoursByYearTable t={t} byYear={c.byYear} testId="verify-by-year" dense />
        <p className="mt-3 text-xs text-stone-500">{t('verify.masked')}</p>
      </Card>
      <Link href="/verify" className="text-sm text-stone-600 hover:underline">
        {t('verify.again')}
      </Link>
    </div>
  )
}
