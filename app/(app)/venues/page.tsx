import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requirePermission } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { listVenues } from '@/lib/server/people/venues'
import { listActingCommunities } from '@/lib/server/workflow/common'
import { getT } from '@/lib/i18n/server'
import { Card, EmptyState } from '@/components/ui/card'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { DataList, type Column } from '@/components/ui/data-list'
import { createVenueAction } from './actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('venues.title') }
}

export default async function VenuesPage() {
  const scope = await requirePermission('org.read')
  const t = await getT()
  const [venues, communities] = await Promise.all([listVenues(scope), can(scope, 'venue.manage') ? listActingCommunities(scope, 'venue.manage') : Promise.resolve([])])
  const columns: Column<(typeof venues)[number]>[] = [
    { id: 'name', label: t('field.venueName'), slot: 'title', cell: (v) => <Link href={`/venues/${v.id}`} className="data-title">{v.name}</Link> },
    { id: 'community', label: t('field.community'), cell: (v) => v.orgUnit.name },
    { id: 'hours', label: t('field.opensAt'), cell: (v) => t('venues.hours', { from: v.opensAt, to: v.closesAt, capacity: v.capacity }) },
  ]
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t('venues.title')} exportLink={{ t, href: '/api/exports/venues' }} />
      <DataList t={t} label={t('venues.title')} testId="venues" rows={venues} rowKey={(v) => v.id} columns={columns} path="/venues" query={{}} empty={<EmptyState title={t('venues.empty')} />} />
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
