import type { Metadata } from 'next'
import { siteUrl } from '@/lib/server/site-url'
import { requireScope, denyPage } from '@/lib/server/auth/session'
import { getCertificate } from '@/lib/server/people/certificates'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { PrintButton } from '@/components/hours/print-button'
import { HoursByYearTable } from '@/components/hours/hours-by-year'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('certificate.title') }
}

/** A printable A4 service-hours certificate, for its holder or staff over the community (else not found). */
export default async function CertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope()
  const id = await idParam(params)
  const r = await getCertificate(scope, id)
  if (!r.ok) return denyPage()
  const c = r.value
  const t = await getT()
  const locale = await getLocale()
  const issued = formatDate(locale, c.issuedAt)
  const url = await siteUrl(`/verify/${c.code}`)
  return (
    <div className="space-y-4 print:space-y-0">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <p className="text-sm text-stone-600">{t('certificate.printHint')}</p>
        <PrintButton label={t('certificate.print')} />
      </div>
      <article className="print-sheet mx-auto w-full max-w-[210mm] border border-stone-300 bg-white p-6 shadow-sm sm:p-[16mm] print:max-w-none print:border-0 print:p-0 print:shadow-none" data-testid="certificate">
        <div className="border-4 border-double border-brand-700 p-5 sm:p-8">
          <p className="text-center text-sm text-stone-600">
            {c.tenantName} · {t('app.tagline')}
          </p>
          <h1 className="mt-6 text-center text-3xl font-bold tracking-widest text-brand-700">{t('certificate.title')}</h1>
          <p className="mt-8 text-lg leading-loose">{t('certificate.body', { name: c.holderName, unit: c.unitName, date: issued, hours: c.hours })}</p>
          <dl className="mt-6 grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
            <div>
              <dt className="text-stone-500">{t('certificate.holder')}</dt>
              <dd className="font-medium" data-testid="holder">
                {c.holderName}
              </dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('certificate.unit')}</dt>
              <dd className="font-medium">{c.unitName}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('certificate.stars')}</dt>
              <dd className="font-medium" data-testid="stars">
                {c.stars ? '★'.repeat(c.stars) : t('certificate.noStars')}
              </dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('certificate.issuedAt')}</dt>
              <dd className="font-medium">{issued}</dd>
            </div>
          </dl>
          <h2 className="mt-8 text-sm font-semibold">{t('certificate.byYear')}</h2>
          <HoursByYearTable t={t} byYear={c.byYear} total={c.hours} testId="by-year" totalTestId="total" />
          <div className="mt-10 flex flex-wrap items-end justify-between gap-6">
            <div className="space-y-1 text-sm">
              <p>
                <span className="mr-2 text-stone-500">{t('certificate.code')}</span>
                <span className="font-mono text-base font-semibold tracking-widest" data-testid="code">
                  {c.code}
                </span>
              </p>
              <p className="break-all">
                <span className="mr-2 text-stone-500">{t('certificate.verifyAt')}</span>
                <span className="font-mono" data-testid="verify-url">
                  {url}
                </span>
              </p>
              <p className="text-xs text-stone-500">{t('certificate.verifyHint')}</p>
            </div>
            <div className="text-right text-sm">
              <p className="font-medium">{c.unitName}</p>
              <p>{issued}</p>
            </div>
          </div>
        </div>
      </article>
    </div>
  )
}
