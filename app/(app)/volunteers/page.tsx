import type { Metadata } from 'next'
import { ExportLink } from '@/components/ui/export-link'
import { Link } from '@/components/ui/link'
import { requireScope, denyPage } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { canSeeVolunteers, listVolunteers } from '@/lib/server/people/volunteers'
import { SKILLS, VOLUNTEER_KINDS } from '@/lib/schemas/volunteers'
import { getT } from '@/lib/i18n/server'
import { Badge, EmptyState } from '@/components/ui/card'
import { Pagination } from '@/components/ui/pagination'
import { SearchForm } from '@/components/ui/search-form'
import { LinkButton } from '@/components/ui/button'
import { FilterSelect, queryString } from '@/components/workflow/filters'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('volunteer.listTitle') }
}

/** 志愿者名册: the community admin's volunteers, or a team leader's members — phones and ID numbers masked. */
export default async function VolunteersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope()
  if (!canSeeVolunteers(scope)) return denyPage()
  const t = await getT()
  const list = await listVolunteers(scope, await searchParams)
  const { query } = list
  const filtered = Boolean(query.q || query.kind || query.skill)
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize))
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <PageHeader title={t('volunteer.listTitle')} />
          <p className="text-sm text-stone-600">{t('volunteer.listIntro')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ExportLink t={t} href={`/api/exports/volunteers${queryString({ q: query.q, kind: query.kind, skill: query.skill })}`} />
          {can(scope, 'volunteer.manage') ? (
            <LinkButton href="/volunteers/import" variant="secondary">
              {t('volunteer.import')}
            </LinkButton>
          ) : null}
        </div>
      </div>
      <SearchForm q={query.q} placeholder={t('volunteer.searchPlaceholder')} submitLabel={t('common.filter')}>
        <FilterSelect name="kind" label={t('volunteer.kind')} value={query.kind} allLabel={t('volunteer.anyKind')} options={VOLUNTEER_KINDS.map((k) => ({ value: k, label: t(`volunteerKind.${k}`) }))} />
        <FilterSelect name="skill" label={t('volunteer.skills')} value={query.skill} allLabel={t('volunteer.anySkill')} options={SKILLS.map((s) => ({ value: s, label: t(`skill.${s}`) }))} />
        {filtered ? (
          <Link href="/volunteers" className="self-center text-sm text-brand-700 underline">
            {t('common.reset')}
          </Link>
        ) : null}
      </SearchForm>
      {list.rows.length === 0 ? (
        <EmptyState title={filtered ? t('volunteer.none') : t('volunteer.empty')}>{filtered ? null : t('volunteer.noneHint')}</EmptyState>
      ) : (
        <>
          <p className="text-sm text-stone-600">{t('volunteer.count', { count: list.total })}</p>
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="volunteers-list">
            {list.rows.map((v) => (
              <li key={v.id} className="px-3 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/volunteers/${v.id}`} className="font-medium text-brand-700 hover:underline">
                    {v.name}
                  </Link>
                  {v.kind ? <Badge>{t(`volunteerKind.${v.kind}`)}</Badge> : <Badge>{t('volunteer.noProfile')}</Badge>}
                  {v.imported ? <Badge tone="brand">{t('volunteer.notActivated')}</Badge> : null}
                  <span className="ml-auto text-sm tabular-nums text-stone-700">
                    {t('volunteer.hoursValue', { hours: v.hours })} {v.stars ? '★'.repeat(v.stars) : ''}
                  </span>
                </div>
                <p className="mt-0.5 text-xs text-stone-500">
                  {[v.community, v.phone, v.idNumber, v.gender ? t(`gender.${v.gender}`) : null, v.birthYear].filter(Boolean).join(' · ')}
                </p>
                {v.skills.length ? <p className="mt-0.5 text-xs text-stone-600">{v.skills.map((s) => t(`skill.${s}`)).join('、')}</p> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination t={t} page={list.page} pageCount={pageCount} total={list.total} hrefFor={(page) => `/volunteers${queryString({ ...query, page })}`} />
    </div>
  )
}
