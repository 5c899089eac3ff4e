import type { Metadata } from 'next'
import { ExportLink } from '@/components/ui/export-link'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listVenues } from '@/lib/server/people/venues'
import { listActingCommunities } from '@/lib/server/workflow/common'
import { getT } from '@/lib/i18n/server'
import { Card, EmptyState } from '@/components/ui/card'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { createVenueAction } from './actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('venues.title') }
}

export default async function VenuesPage() {
  const scope = await requirePermission('org.read')
  const t = await getT()
  const [venues, communities] = await Promise.all([listVenues(scope), can(scope, 'venue.manage') ? listActingCommunities(scope, 'venue.manage') : Promise.resolve([])])
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title={t('venues.title')}
        actions={
          <>
            <ExportLink t={t} href="/api/exports/venues" />
          </>
        }
      />
      {venues.length === 0 ? <EmptyState title={t('venues.empty')} /> : null}
      <ul className="space-y-2" data-testid="venues">
        {venues.map((v) => (
          <li key={v.id}>
            <Card>
              <Link href={`/venues/${v.id}`} className="font-medium text-brand-700 hover:underline">
                {v.name}
              </Link>
              <p className="text-xs text-stone-500">
                {v.orgUnit.name} · {t('venues.hours', { from: v.opensAt, to: v.closesAt, capacity: v.capacity })}
              </p>
            </Card>
          </li>
        ))}
      </ul>
      {communities[0] ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('venues.add')}</h2>
          <ActionForm action={createVenueAction} submitLabel={t('venues.add')} resetOnSuccess className="mt-3 grid gap-3 sm:grid-cols-2" testId="venue-form">
            <input type="hidden" name="orgUnitId" value={communities[0].id} />
            <FormInput name="name" label={t('field.venueName')} />
            <FormInput name="capacity" label={t('field.capacity')} inputMode="numeric" />
            <FormInput name="opensAt" label={t('field.opensAt')} type="time" defaultValue="08:00" />
            <FormInput name="closesAt" label={t('field.closesAt')} type="time" defaultValue="18:00" />
          </ActionForm>
        </Card>
      ) : null}
    </div>
  )
}
