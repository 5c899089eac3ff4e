import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { verifyCertificate } from '@/lib/server/people/certificates'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { Row } from '@/components/ui/detail'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('verify.title') }
}

/** Public (no sign-in): what a certificate with this code says, the holder's name masked; unknown → 404. */
export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  const c = await verifyCertificate((await params).code)
  if (!c) notFound()
  const t = await getT()
  const locale = await getLocale()
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('verify.title')}</h1>
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
        <table className="mt-2 w-full text-sm" data-testid="verify-by-year">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-1 font-medium">
                {t('certificate.year')}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t('certificate.hours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.byYear.length === 0 ? (
              <tr>
                <td colSpan={2} className="py-1 text-stone-500">
                  {t('certificate.noHours')}
                </td>
              </tr>
            ) : null}
            {c.byYear.map((y) => (
              <tr key={y.year} className="border-b border-stone-100">
                <td className="py-1">{t('certificate.yearValue', { year: y.year })}</td>
                <td className="py-1 text-right tabular-nums">{y.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-stone-500">{t('verify.masked')}</p>
      </Card>
      <Link href="/verify" className="text-sm text-stone-600 hover:underline">
        {t('verify.again')}
      </Link>
    </div>
  )
}
