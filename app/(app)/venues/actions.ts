'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { bookVenue, createVenue } from '@/lib/server/people/venues'

export async function createVenueAction(_prev: FormState, fd: FormData) {
  return runAction('venues.createVenue', ['form'], [fd], async () => {
    return toActionState(await createVenue(await requireScope(), Object.fromEntries(fd)), { message: 'common.saved' })
  })
}

export async function bookVenueAction(venueId: string, _prev: FormState, fd: FormData) {
  return runAction('venues.bookVenue', ['id', 'form'], [venueId, fd], async () => {
    const day = String(fd.get('day') ?? '')
    const input = { startsAt: `${day}T${fd.get('from') ?? ''}`, endsAt: `${day}T${fd.get('to') ?? ''}`, purpose: fd.get('purpose') }
    // on success, show the week of the booked day
    const state = toActionState(await bookVenue(await requireScope(), venueId, input), { redirect: `/venues/${venueId}?week=${encodeURIComponent(day)}` })
    // the form asks for a day and two times: show the DAL's startsAt/endsAt errors under them
    if (state.fieldErrors) {
      const { startsAt, endsAt, ...rest } = state.fieldErrors
      state.fieldErrors = { ...rest, ...(startsAt ? { from: startsAt } : {}), ...(endsAt ? { to: endsAt } : {}) }
    }
    return state
  })
}
