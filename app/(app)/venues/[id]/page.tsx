import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { z } from 'zod'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { venueWeek } from '@/lib/server/people/venues'
import { idParam } from '@/lib/params'
import { getT } from '@/lib/i18n/server'
import { chinaDate } from '@/lib/china-time'
import { Card } from '@/components/ui/card'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { bookVenueAction } from '../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('venues.title') }
}

const ZDay = z.iso.date().catch(() => chinaDate())

/** A venue's week calendar and the booking form; a clash is refused with a clear message. */
export default async function VenuePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('org.read')
  const id = await idParam(params)
  const day = ZDay.parse((await searchParams).week)
  const r = await venueWeek(scope, id, day)
  if (!r.ok) return denyPage()
  const w = r.value
  const t = await getT()
  return (
    <div className="space-y-4">
      <Link href="/venues" className="text-sm text-stone-600 hover:underline">
        ‹ {t('venues.title')}
      </Link>
      <PageHeader title={w.venue.name} />
      <p className="text-sm text-stone-600">
        {w.venue.orgUnit.name} · {t('venues.hours', { from: w.venue.opensAt, to: w.venue.closesAt, capacity: w.venue.capacity })}
      </p>
      <div className="flex gap-2 text-sm">
        <Link className="rounded-md border border-stone-300 bg-white px-3 py-1.5" href={`/venues/${w.venue.id}?week=${w.prevWeek}`}>
          {t('venues.prev')}
        </Link>
        <Link className="rounded-md border border-stone-300 bg-white px-3 py-1.5" href={`/venues/${w.venue.id}?week=${w.nextWeek}`}>
          {t('venues.next')}
        </Link>
      </div>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-7" data-testid="week">
        {w.days.map((d, i) => (
          <div key={d} className="rounded-lg border border-stone-200 bg-white p-2 text-sm">
            <p className="font-medium">
              {t(`weekday.${i as 0 | 1 | 2 | 3 | 4 | 5 | 6}`)} <span className="text-xs text-stone-500">{d.slice(5)}</span>
            </p>
            <ul className="mt-1 space-y-1">
              {w.bookings.filter((b) => b.day === d).map((b) => (
                <li key={b.id} className="rounded bg-brand-50 px-1.5 py-1 text-xs">
                  <span className="tabular-nums">
                    {b.from}–{b.to}
                  </span>{' '}
                  {b.purpose} · {b.by}
                </li>
              ))}
              {w.bookings.every((b) => b.day !== d) ? <li className="text-xs text-stone-500">{t('venues.free')}</li> : null}
            </ul>
          </div>
        ))}
      </div>
      {can(scope, 'venue.book') ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('venues.book')}</h2>
          <ActionForm action={bookVenueAction.bind(null, w.venue.id)} submitLabel={t('venues.book')} className="mt-3 grid gap-3 sm:grid-cols-4 sm:items-end" testId="booking-form">
            <FormInput name="day" label={t('field.startDate')} type="date" defaultValue={day} />
            <FormInput name="from" label={t('field.startsAt')} type="time" defaultValue="14:00" />
            <FormInput name="to" label={t('field.endsAt')} type="time" defaultValue="16:00" />
            <FormInput name="purpose" label={t('field.purpose')} />
          </ActionForm>
        </Card>
      ) : null}
    </div>
  )
}
