import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'
import type { UnitSummary } from '@/lib/server/org/queries'
import { Badge, Card, EmptyState } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'

export function UnitCards({ t, units, title }: { t: Translate; units: UnitSummary[]; title: string }) {
  return (
    <section className="space-y-3">
      <PageHeader title={title} />
      {units.length === 0 ? (
        <EmptyState title={t('home.noRoles')} />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {units.map((u) => (
            <li key={u.id}>
              <Link href={`/units/${u.id}`} className="block">
                <Card className="hover:border-brand-600">
                  <span className="font-medium">{u.name}</span>{' '}
                  <Badge>{t(`level.${u.level}`)}</Badge> {u.pilot ? <Badge tone="brand">{t('unit.pilot')}</Badge> : null}
                  {u.subDistrict ? <span className="block text-xs text-stone-500">{u.subDistrict}</span> : null}
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
