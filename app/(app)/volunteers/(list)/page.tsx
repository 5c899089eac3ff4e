import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { requireScope, denyPage } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { canSeeVolunteers, listVolunteers } from '@/lib/server/people/volunteers'
import { SKILLS, VOLUNTEER_KINDS } from '@/lib/schemas/volunteers'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, EmptyState } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
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
  const locale = await getLocale()
  const list = await listVolunteers(scope, await searchParams)
  const { query } = list
  const filtered = Boolean(query.q || query.kind || query.skill)
  const columns: Column<(typeof list.rows)[number]>[] = [
    { id: 'name', label: t('volunteer.col.name'), slot: 'title', sort: 'asc', cell: (v) => <Link href={`/volunteers/${v.id}`} className="data-title">{v.name}</Link> },
    { id: 'kind', label: t('volunteer.col.kind'), slot: 'end', cell: (v) => <Badge>{v.kind ? t(`volunteerKind.${v.kind}`) : t('volunteer.noProfile')}</Badge> },
    { id: 'imported', label: t('volunteer.notActivated'), slot: 'end', cell: (v) => (v.imported ? <Badge tone="brand">{t('volunteer.notActivated')}</Badge> : null) },
    { id: 'hours', label: t('volunteer.col.hours'), slot: 'end', cell: (v) => `${t('volunteer.hoursValue', { hours: v.hours })} ${v.stars ? '★'.repeat(v.stars) : ''}`.trim() },
    { id: 'community', label: t('volunteer.col.community'), cell: (v) => v.community },
    { id: 'phone', label: t('volunteer.col.phone'), cell: (v) => v.phone },
    { id: 'idNumber', label: t('volunteer.col.idNumber'), cell: (v) => v.idNumber },
    { id: 'gender', label: t('volunteer.gender'), cell: (v) => (v.gender ? t(`gender.${v.gender}`) : null) },
    { id: 'birthYear', label: t('volunteer.birthYear'), cell: (v) => v.birthYear },
    { id: 'registered', label: t('volunteer.registeredAt'), sort: 'desc', cell: (v) => formatDate(locale, v.registeredAt) },
    { id: 'skills', label: t('volunteer.col.skills'), slot: 'detail', cell: (v) => (v.skills.length ? <span className="text-xs">{v.skills.map((s) => t(`skill.${s}`)).join('、')}</span> : null) },
  ]
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('volunteer.listTitle')}
        description={t('volunteer.listIntro')}
        exportLink={{ t, href: `/api/exports/volunteers${queryString({ q: query.q, kind: query.kind, skill: query.skill })}` }}
        actions={
          can(scope, 'volunteer.manage') ? (
            <LinkButton href="/volunteers/import" variant="secondary">
              {t('volunteer.import')}
            </LinkButton>
          ) : null
        }
      />
      <SearchForm q={query.q} keep={{ sort: query.sort, dir: query.dir }} placeholder={t('volunteer.searchPlaceholder')} submitLabel={t('common.filter')}>
        <FilterSelect name="kind" label={t('volunteer.kind')} value={query.kind} allLabel={t('volunteer.anyKind')} options={VOLUNTEER_KINDS.map((k) => ({ value: k, label: t(`volunteerKind.${k}`) }))} />
        <FilterSelect name="skill" label={t('volunteer.skills')} value={query.skill} allLabel={t('volunteer.anySkill')} options={SKILLS.map((s) => ({ value: s, label: t(`skill.${s}`) }))} />
        {filtered ? (
          <Link href="/volunteers" className="self-center text-sm text-brand-700 underline">
            {t('common.reset')}
          </Link>
        ) : null}
      </SearchForm>
      {list.rows.length ? <p className="text-sm text-stone-600">{t('volunteer.count', { count: list.total })}</p> : null}
      <DataList
        t={t}
        label={t('volunteer.listTitle')}
        testId="volunteers-list"
        rows={list.rows}
        rowKey={(v) => v.id}
        columns={columns}
        path="/volunteers"
        query={{ ...query, pageSize: undefined }}
        defaultSort={{ id: 'name', dir: 'asc' }}
        paging={list}
        empty={<EmptyState title={filtered ? t('volunteer.none') : t('volunteer.empty')}>{filtered ? null : t('volunteer.noneHint')}</EmptyState>}
      />
    </div>
  )
}
