import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getTask } from '@/lib/server/workflow/tasks'
import { posterToken } from '@/lib/server/workflow/checkin-qr'
import { siteUrl } from '@/lib/server/site-url'
import { qrSvg } from '@/lib/server/qr'
import { chinaDate } from '@/lib/china-time'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { Link } from '@/components/ui/link'
import { PrintButton } from '@/components/hours/print-button'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('tasks.qr.poster') }
}

/**
 * The A4 poster for the venue: the task, its check-in QR code (the poster's kind: good on the China day
 * of the task's start, so a photo of yesterday's does not work) and how to use it. For whoever runs the
 * task (the claiming team's leader, community staff); anyone else who may read the task is told so.
 */
export default async function PosterPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('task.read')
  const r = await getTask(scope, await idParam(params))
  if (!r.ok) return denyPage()
  const task = r.value
  const t = await getT()
  if (!task.canRun)
    return (
      <div className="mx-auto max-w-md space-y-4">
        <PageHeader title={t('tasks.qr.poster')} />
        <p className="text-sm" data-testid="poster-refused">
          {t('poster.notRunner')}
        </p>
        <Link href={`/tasks/${task.id}`} className="text-sm text-brand-700 hover:underline">
          {t('poster.back')}
        </Link>
      </div>
    )
  const locale = await getLocale()
  const day = chinaDate(task.startsAt)
  const url = await siteUrl(`/tasks/${task.id}/check?t=${posterToken(task.id, day)}`)
  const svg = await qrSvg(url)
  return (
    <div className="space-y-4 print:space-y-0">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link href={`/tasks/${task.id}`} className="text-sm text-brand-700 hover:underline">
          ‹ {t('poster.back')}
        </Link>
        <PrintButton label={t('poster.print')} />
      </div>
      <article className="print-sheet mx-auto w-full max-w-[210mm] border border-stone-300 bg-white p-6 text-center shadow-sm sm:p-[16mm] print:max-w-none print:border-0 print:p-0 print:shadow-none" data-testid="poster">
        <p className="text-sm text-stone-600">{task.orgUnit.name}</p>
        <h1 className="mt-4 text-4xl font-bold tracking-widest text-brand-700">{t('poster.heading')}</h1>
        <p className="mt-6 text-2xl font-semibold">{task.title}</p>
        <p className="mt-2 text-lg">
          {formatDateTime(locale, task.startsAt)} – {formatDateTime(locale, task.endsAt)} · {task.place}
        </p>
        <div className="mx-auto mt-8 w-full max-w-[120mm] [&>svg]:h-auto [&>svg]:w-full" role="img" aria-label={t('tasks.qr.alt', { title: task.title })} data-testid="poster-qr" dangerouslySetInnerHTML={{ __html: svg }} />
        <p className="mx-auto mt-8 max-w-[150mm] text-lg leading-relaxed">{t('poster.hint')}</p>
        <p className="mt-4 text-sm text-stone-600">{t('poster.validOn', { day })}</p>
      </article>
    </div>
  )
}
