import 'server-only'
import { db } from '../db'
import { rowScopeWhere, unitScopeWhere, type Scope } from '../authz/scope'
import type { Prisma } from '../generated/prisma/client'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { ZBooking, ZVenue } from '@/lib/schemas/projects'
import { addDays, chinaDate, chinaDayRange, chinaTime, weekStart } from '@/lib/china-time'

export async function createVenue(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZVenue.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: parsed.data.orgUnitId, level: 'COMMUNITY', ...unitScopeWhere(scope, 'venue.manage') }, select: { id: true, path: true } })
  if (!unit) return fail('INVALID', { orgUnitId: 'validation.community.required' })
  const { orgUnitId, ...d } = parsed.data
  void orgUnitId
  return ok(await prisma.venue.create({ data: { ...d, tenantId: scope.tenantId, orgUnitId: unit.id, orgPath: unit.path }, select: { id: true } }))
}

export async function listVenues(scope: Scope) {
  const prisma = await db()
  return prisma.venue.findMany({
    where: { active: true, ...rowScopeWhere(scope, 'org.read') },
    select: { id: true, name: true, capacity: true, opensAt: true, closesAt: true, orgUnit: { select: { name: true } } },
    orderBy: { name: 'asc' },
    take: 200,
  })
}

/**
 * Books a slot. Bookings of one venue take the venue's row lock, then the overlap check and the insert
 * run under it: two requests for overlapping slots cannot both succeed (tested with concurrent requests).
 */
export async function bookVenue(scope: Scope, venueId: string, input: unknown, now = new Date()): Promise<Result<{ id: string }, 'NOT_FOUND' | 'INVALID' | 'CONFLICT'>> {
  const parsed = ZBooking.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const venue = await prisma.venue.findFirst({ where: { id: venueId, active: true, ...rowScopeWhere(scope, 'venue.book') }, select: { id: true, opensAt: true, closesAt: true } })
  if (!venue) return fail('NOT_FOUND')
  const { startsAt, endsAt, purpose } = parsed.data
  if (startsAt < now) return fail('INVALID', { startsAt: 'validation.booking.past' })
  // one China day, within opening hours (a slot may end at the following midnight)
  if (chinaDate(startsAt) !== chinaDate(new Date(endsAt.getTime() - 1)) || chinaTime(startsAt) < venue.opensAt || (chinaTime(endsAt) > venue.closesAt && chinaTime(endsAt) !== '00:00')) {
    return fail('INVALID', { startsAt: 'validation.booking.closed' })
  }
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Venue" WHERE id = ${venueId} FOR UPDATE`
      const clash = await tx.venueBooking.findFirst({ where: { venueId, cancelledAt: null, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } }, select: { id: true } })
      if (clash) return fail('CONFLICT', { startsAt: 'validation.booking.conflict' })
      return ok(await tx.venueBooking.create({ data: { venueId, startsAt, endsAt, purpose, bookedById: scope.userId }, select: { id: true } }))
    },
    { maxWait: 60_000, timeout: 60_000 },
  )
}

const venueReadWhere = (scope: Scope, venueId: string) => ({ id: venueId, ...rowScopeWhere(scope, 'org.read') }) satisfies Prisma.VenueWhereInput

/** Is this venue the caller's to read (venueWeek's condition; the record page's gate)? */
export async function venueInScope(scope: Scope, venueId: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.venue.findFirst({ where: venueReadWhere(scope, venueId), select: { id: true } })) !== null
}

/** A venue's week: its bookings from Monday (China time) of the given day's week. */
export async function venueWeek(scope: Scope, venueId: string, day: string) {
  const prisma = await db()
  const venue = await prisma.venue.findFirst({ where: venueReadWhere(scope, venueId), select: { id: true, name: true, capacity: true, opensAt: true, closesAt: true, orgPath: true, orgUnit: { select: { name: true } } } })
  if (!venue) return fail('NOT_FOUND')
  const monday = weekStart(day)
  const week = chinaDayRange(monday, addDays(monday, 6))
  const bookings = await prisma.venueBooking.findMany({
    where: { venueId, cancelledAt: null, startsAt: { lt: week.lt }, endsAt: { gt: week.gte } },
    select: { id: true, startsAt: true, endsAt: true, purpose: true, bookedById: true },
    orderBy: { startsAt: 'asc' },
  })
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(bookings.map((b) => b.bookedById))] } }, select: { id: true, name: true } })
  const names = new Map(users.map((u) => [u.id, u.name]))
  const { orgPath, ...v } = venue
  void orgPath
  return ok({
    venue: v,
    days: Array.from({ length: 7 }, (_, i) => addDays(monday, i)),
    bookings: bookings.map((b) => ({ id: b.id, day: chinaDate(b.startsAt), from: chinaTime(b.startsAt), to: chinaTime(b.endsAt), purpose: b.purpose, by: names.get(b.bookedById) ?? '' })),
    prevWeek: addDays(monday, -7),
    nextWeek: addDays(monday, 7),
  })
}
