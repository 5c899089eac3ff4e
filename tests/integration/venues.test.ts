import { describe, expect, it } from 'vitest'
import { bookVenue, createVenue, venueWeek } from '@/lib/server/people/venues'
import { resolveScope, type Scope } from '@/lib/server/authz/scope'
import { tree, userWith } from './helpers'

const now = new Date('2026-11-22T00:00:00Z')
const slot = (day: string, from: string, to: string, purpose = '四点半课堂') => ({ startsAt: `${day}T${from}`, endsAt: `${day}T${to}`, purpose })

describe('shared venues', () => {
  it('no double booking, even with concurrent requests; clear reasons for bad slots', async () => {
    const t = await tree()
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const v = await userWith('VOLUNTEER', t.communityA1a)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    expect(await createVenue(admin.scope, { orgUnitId: t.communityA1a.id, name: '', capacity: '0', opensAt: '8:00', closesAt: '07:00' })).toMatchObject({ ok: false, fieldErrors: { name: 'validation.venueName.required', capacity: 'validation.capacity.min', opensAt: 'validation.opensAt.format' } })
    const venue = await createVenue(admin.scope, { orgUnitId: t.communityA1a.id, name: '社工站活动室', capacity: '30', opensAt: '08:00', closesAt: '18:00' })
    if (!venue.ok) throw new Error(JSON.stringify(venue))
    const id = venue.value.id

    expect(await bookVenue(v.scope, id, slot('2026-11-24', '09:00', '10:00'), now)).toEqual({ ok: false, error: 'NOT_FOUND' }) // volunteers do not book
    expect(await bookVenue(county.scope, id, slot('2026-11-24', '09:00', '10:00'), now)).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await bookVenue(admin.scope, id, slot('2026-11-24', '07:00', '09:00'), now)).toMatchObject({ fieldErrors: { startsAt: 'validation.booking.closed' } })
    expect(await bookVenue(admin.scope, id, slot('2026-11-24', '10:00', '09:00'), now)).toMatchObject({ fieldErrors: { endsAt: 'validation.endsAt.beforeStart' } })
    expect(await bookVenue(admin.scope, id, slot('2026-11-20', '09:00', '10:00'), now)).toMatchObject({ fieldErrors: { startsAt: 'validation.booking.past' } })

    // twenty people try the same hour at once: one gets it
    const bookers: Scope[] = [admin.scope]
    for (let i = 0; i < 19; i++) bookers.push((await userWith(i % 2 ? 'SOCIAL_WORKER' : 'TEAM_LEADER', t.communityA1a)).scope)
    const results = await Promise.all(bookers.map((s) => bookVenue(s, id, slot('2026-11-25', '14:00', '16:00'), now)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.error === 'CONFLICT')).toHaveLength(19)
    // overlapping refused, touching allowed
    expect(await bookVenue(admin.scope, id, slot('2026-11-25', '15:30', '17:00'), now)).toMatchObject({ ok: false, error: 'CONFLICT' })
    expect((await bookVenue(admin.scope, id, slot('2026-11-25', '16:00', '17:00'), now)).ok).toBe(true)
    const week = await venueWeek((await resolveScope(v.id))!, id, '2026-11-25')
    if (!week.ok) throw new Error('week')
    expect(week.value.days[0]).toBe('2026-11-23') // Monday
    expect(week.value.bookings.map((b) => `${b.day} ${b.from}-${b.to}`)).toEqual(['2026-11-25 14:00-16:00', '2026-11-25 16:00-17:00'])
  }, 120_000)
})
