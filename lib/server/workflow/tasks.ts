import 'server-only'
import { randomInt, randomUUID } from 'node:crypto'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import { canAt, rowScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { maskPhone } from '@/lib/mask'
import { ZCancelTask, ZCheckinCode, ZCreateTask, ZUpdateTask, type TaskSort, type TOpenTaskQuery } from '@/lib/schemas/workflow'
import { orderOf, type SortDir } from '@/lib/schemas/list'
import { claimableTeams } from './orders'
import { moveNeed } from './needs'
import { notify, recordChange, type Tx } from './common'
import { bump } from '../stats/counters'
import { creditMinutes } from '../people/points'
import { tallyHours } from '../people/tally'
import { audit } from '../security/audit'
import { checkLimit, codeTryKey, giveBack, retryMinutes } from '../security/rate-limit'
import { addDays, chinaDate, chinaDateTime, chinaDayRange, weekStart } from '@/lib/china-time'
import { verifyQrToken } from './checkin-qr'

// Sign-ups queue on the task's row lock; give a burst of hundreds room to wait for a connection.
const SIGNUP_TX = { maxWait: 60_000, timeout: 60_000 } as const

/** May the caller run this order's tasks? Community staff (service.manage) or the claiming team's leader/staff. */
async function canRunOrder(scope: Scope, order: { orgPath: string; claimedByTeamId: string | null }) {
  if (!canAt(scope, 'task.manage', order.orgPath)) return false
  if (canAt(scope, 'service.manage', order.orgPath)) return true
  return (await claimableTeams(scope)).some((t) => t.id === order.claimedByTeamId)
}

/** Minutes since the epoch: datetime-local values carry no seconds, so "unchanged" is compared to the minute. */
const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000)

/**
 * Times that make sense, against the server's clock at the moment of the call (the schemas only compare
 * the values with each other: a schema knows no "now"). A new task starts in the future and its sign-up
 * deadline lies between now and the start (the schema: not after the start, end after the start). A past
 * activity is no task: its hours are a signed HourAdjustment (lib/server/people/hours.ts), and the
 * message says so. An edit (`current`) keeps the rule for what it changes: a task that has not started
 * may move to a later start only; a started (running) task keeps its start — its end, place and slots may
 * still change — and a deadline that is moved must still lie ahead.
 */
function taskTimeErrors(d: { startsAt: Date; signupDeadline: Date }, now: Date, current?: { startsAt: Date; signupDeadline: Date }) {
  const errors: Record<string, string> = {}
  const started = current !== undefined && current.startsAt <= now
  const startMoved = current === undefined || minuteOf(d.startsAt) !== minuteOf(current.startsAt)
  if (started && startMoved) errors.startsAt = 'validation.startsAt.started'
  else if (!started && d.startsAt <= now) errors.startsAt = 'validation.startsAt.past'
  const deadlineMoved = current === undefined || minuteOf(d.signupDeadline) !== minuteOf(current.signupDeadline)
  if (deadlineMoved && d.signupDeadline <= now) errors.signupDeadline = 'validation.signupDeadline.past'
  return Object.keys(errors).length ? errors : null
}

/**
 * A claimed order becomes tasks: time window, place, slots, skills, sign-up deadline. "Now" is the server's
 * clock when the call runs, deliberately not a parameter: nothing creates a past task through here (tests
 * of history write their rows with the tests/factories/workflow.ts createTaskRow factory).
 */
export async function createTask(scope: Scope, input: unknown): Promise<Result<{ id: string; checkinCode: string }, 'INVALID' | 'NOT_FOUND' | 'STATE'>> {
  const parsed = ZCreateTask.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const prisma = await db()
  const order = await prisma.order.findFirst({
    where: { id: d.orderId, ...rowScopeWhere(scope, 'task.manage') },
    select: { id: true, status: true, orgPath: true, orgUnitId: true, claimedByTeamId: true },
  })
  if (!order || !(await canRunOrder(scope, order))) return fail('NOT_FOUND')
  if (order.status !== 'CLAIMED') return fail('STATE')
  const timeErrors = taskTimeErrors(d, new Date())
  if (timeErrors) return fail('INVALID', timeErrors)
  const checkinCode = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const t = await prisma.$transaction(async (tx) => {
    const task = await tx.task.create({
      data: {
        tenantId: scope.tenantId, orgUnitId: order.orgUnitId, orgPath: order.orgPath, orderId: order.id, title: d.title, startsAt: d.startsAt, endsAt: d.endsAt,
        place: d.place, slots: d.slots, skills: d.skills ?? null, signupDeadline: d.signupDeadline, checkinCode, createdById: scope.userId,
      },
      select: { id: true },
    })
    await recordChange(tx, scope, { entity: 'Task', entityId: task.id, orgPath: order.orgPath, from: null, to: 'OPEN' })
    return task
  })
  return ok({ id: t.id, checkinCode })
}

async function lockTask(tx: Tx, taskId: string) {
  // serializes sign-ups, cancellations and promotions of one task (a no-op on single-connection PGlite)
  await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${taskId} FOR UPDATE`
}

export type SignupOutcome = 'CONFIRMED' | 'WAITLISTED'

/**
 * Sign up for a task. A slot is taken only by the conditional UPDATE (taken < slots), so a task is never
 * overbooked; when it is full the volunteer joins the waitlist. The checks run first; then ONE statement
 * takes the slot (locking the task row) or, when none is free, share-locks the task and joins the waitlist,
 * and writes the sign-up, its history and the volunteer's message; then the transaction commits. A slot
 * is held for one round trip, and the waitlist of a full task fills in parallel (`npm run bench`).
 */
export async function signUp(scope: Scope, taskId: string, now = new Date()): Promise<Result<{ status: SignupOutcome }, 'NOT_FOUND' | 'CLOSED' | 'ALREADY'>> {
  const prisma = await db()
  const task = await prisma.task.findFirst({
    where: { id: taskId, ...rowScopeWhere(scope, 'task.signup') },
    select: { id: true, title: true, orgPath: true, status: true, signupDeadline: true, signups: { where: { userId: scope.userId }, select: { status: true } } },
  })
  if (!task) return fail('NOT_FOUND')
  if (task.status !== 'OPEN' || task.signupDeadline <= now) return fail('CLOSED')
  const existing = task.signups[0]
  if (existing && existing.status !== 'CANCELLED') return fail('ALREADY')
  const [signupId, changeId, noteId] = [randomUUID(), randomUUID(), randomUUID()]
  const params = JSON.stringify({ title: task.title })
  try {
    return await prisma.$transaction(async (tx): Promise<Result<{ status: SignupOutcome }, 'CLOSED'>> => {
      const [r] = await tx.$queryRaw<{ open: boolean; id: string | null; status: SignupOutcome | null }[]>`
        WITH took AS (
          -- a free slot: taken by this conditional update, which locks the task row until commit
          UPDATE "Task" SET "taken" = "taken" + 1, "updatedAt" = now()
           WHERE "id" = ${taskId} AND "status" = 'OPEN'::"TaskStatus" AND "signupDeadline" > ${now} AND "taken" < "slots"
          RETURNING "id"
        ), waiting AS (
          -- no free slot: a SHARE lock, so the waitlist fills in parallel while a cancellation (which
          -- promotes the first waitlisted under an exclusive lock) waits for these to commit, and sees them
          SELECT "id" FROM "Task" WHERE "id" = ${taskId} AND "status" = 'OPEN'::"TaskStatus" AND "signupDeadline" > ${now} AND NOT EXISTS (SELECT 1 FROM took)
          FOR SHARE
        ), t AS (
          SELECT "id" FROM took UNION ALL SELECT "id" FROM waiting
        ), s AS (
          INSERT INTO "TaskSignup" ("id", "taskId", "userId", "status", "createdAt", "updatedAt")
          SELECT ${signupId}, ${taskId}, ${scope.userId}, (CASE WHEN EXISTS (SELECT 1 FROM took) THEN 'CONFIRMED' ELSE 'WAITLISTED' END)::"SignupStatus", ${now}, now()
           WHERE EXISTS (SELECT 1 FROM t)
          ON CONFLICT ("taskId", "userId") DO UPDATE
             SET "status" = EXCLUDED."status", "createdAt" = EXCLUDED."createdAt", "updatedAt" = now(), "checkInAt" = NULL, "checkOutAt" = NULL, "minutes" = NULL, "lateCheckOut" = false
           WHERE "TaskSignup"."status" = 'CANCELLED'::"SignupStatus"
          RETURNING "id", "status"::text AS "status"
        ), h AS (
          INSERT INTO "StatusChange" ("id", "tenantId", "orgPath", "entity", "entityId", "from", "to", "byUserId", "at")
          SELECT ${changeId}, ${scope.tenantId}, ${task.orgPath}, 'TaskSignup', s."id", ${existing?.status ?? null}, s."status", ${scope.userId}, ${now} FROM s
        ), n AS (
          INSERT INTO "Notification" ("id", "userId", "kind", "params", "link", "createdAt")
          SELECT ${noteId}, ${scope.userId}, CASE WHEN s."status" = 'CONFIRMED' THEN 'notify.signupConfirmed' ELSE 'notify.signupWaitlisted' END, ${params}::jsonb, ${`/tasks/${taskId}`}, now() FROM s
        )
        SELECT EXISTS (SELECT 1 FROM t) AS "open", (SELECT "id" FROM s) AS "id", (SELECT "status" FROM s) AS "status"`
      if (!r.open) return fail('CLOSED')
      // a concurrent sign-up of the same volunteer got there first: roll back the slot this statement took
      if (!r.status) throw new AlreadySignedUp()
      return ok({ status: r.status })
    }, SIGNUP_TX)
  } catch (e) {
    if (e instanceof AlreadySignedUp) return fail('ALREADY')
    throw e
  }
}

class AlreadySignedUp extends Error {}

/** Cancel before the deadline; a confirmed place goes to the first on the waitlist, who is told. */
export async function cancelSignup(scope: Scope, taskId: string, now = new Date()): Promise<Result<{ promotedUserId: string | null }, 'NOT_FOUND' | 'CLOSED'>> {
  const prisma = await db()
  const task = await prisma.task.findFirst({ where: { id: taskId, ...rowScopeWhere(scope, 'task.signup') }, select: { id: true, title: true, orgPath: true } })
  if (!task) return fail('NOT_FOUND')
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, taskId)
    const fresh = await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: { signupDeadline: true } })
    if (fresh.signupDeadline <= now) return fail('CLOSED')
    const mine = await tx.taskSignup.findUnique({ where: { taskId_userId: { taskId, userId: scope.userId } }, select: { id: true, status: true } })
    if (!mine || mine.status === 'CANCELLED') return fail('NOT_FOUND')
    await tx.taskSignup.update({ where: { id: mine.id }, data: { status: 'CANCELLED' } })
    await recordChange(tx, scope, { entity: 'TaskSignup', entityId: mine.id, orgPath: task.orgPath, from: mine.status, to: 'CANCELLED' })
    if (mine.status !== 'CONFIRMED') return ok({ promotedUserId: null })
    const next = await tx.taskSignup.findFirst({ where: { taskId, status: 'WAITLISTED' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, userId: true } })
    if (!next) {
      await tx.task.update({ where: { id: taskId }, data: { taken: { decrement: 1 } } })
      return ok({ promotedUserId: null })
    }
    // the freed slot passes straight to the first waitlisted volunteer: `taken` is unchanged
    await tx.taskSignup.update({ where: { id: next.id }, data: { status: 'CONFIRMED' } })
    await recordChange(tx, scope, { entity: 'TaskSignup', entityId: next.id, orgPath: task.orgPath, from: 'WAITLISTED', to: 'CONFIRMED', note: 'promoted' })
    await notify(tx, [next.userId], 'notify.signupPromoted', { title: task.title }, `/tasks/${taskId}`)
    return ok({ promotedUserId: next.userId })
  }, SIGNUP_TX)
}

/** Who checks whom: staff name a volunteer; a volunteer checks themself with the 6-digit code or a scanned QR token. */
export type CheckBy = { volunteerId: string } | { code: string } | { token: string }
type CheckError = 'NOT_FOUND' | 'INVALID' | 'STATE' | 'CODE_LOCKED' | 'OUTSIDE_WINDOW' | 'BEFORE_CHECK_IN' | 'QR_EXPIRED'

/**
 * A check-in or check-out the phone kept while it had no network and sends later: its own id (a UUID
 * made on the phone) and the phone's time. Each id is taken at most once (a unique column of
 * TaskSignup): sent again, by a retry or a replay, it answers as the first time and changes nothing.
 */
export type Queued = { clientId: string; at: Date }
/** How far ahead of the server's clock a phone's time may be (its clock is not ours), and how old a kept one may be. */
export const QUEUED_AHEAD_MS = 5 * 60_000
export const QUEUED_MAX_AGE_MS = 7 * 24 * 3_600_000

/** A check-in is taken from this long before the task's start until its end. */
export const CHECK_IN_EARLY_MS = 30 * 60_000
/** A check-out later than this after the task's end is flagged for the team leader (the credit stops at the end anyway). */
export const LATE_CHECK_OUT_MS = 30 * 60_000

/**
 * Hours cannot be stretched: the minutes credited are the part of check-in → check-out that lies inside
 * the task's own window, from max(check-in, start) to min(check-out, end), in whole minutes (0 when the
 * two do not overlap, e.g. checked in and out before the start).
 */
export function creditedMinutes(task: { startsAt: Date; endsAt: Date }, checkInAt: Date, checkOutAt: Date): number {
  const from = Math.max(checkInAt.getTime(), task.startsAt.getTime())
  const to = Math.min(checkOutAt.getTime(), task.endsAt.getTime())
  return Math.max(0, Math.floor((to - from) / 60_000))
}

const CHECK_TASK_SELECT = {
  id: true, title: true, orgPath: true, startsAt: true, endsAt: true, checkinCode: true,
  order: { select: { orgPath: true, claimedByTeamId: true, serviceItem: { select: { needId: true } } } },
} as const satisfies Prisma.TaskSelect

const SIGNUP_CHECK_SELECT = { id: true, status: true, checkInAt: true, checkOutAt: true, minutes: true, checkInClientId: true, checkOutClientId: true } as const satisfies Prisma.TaskSignupSelect

/** The task and whose sign-up is checked: staff name a volunteer, a volunteer checks themself with the code or a QR token. null: out of scope. */
async function checkTarget(scope: Scope, taskId: string, by: CheckBy) {
  const prisma = await db()
  if ('volunteerId' in by) {
    // staff check a volunteer in/out: community staff or the claiming team's leader/staff
    const task = await prisma.task.findFirst({ where: { id: taskId, ...rowScopeWhere(scope, 'task.manage') }, select: CHECK_TASK_SELECT })
    if (!task || !(await canRunOrder(scope, task.order))) return null
    return { task, userId: by.volunteerId }
  }
  const task = await prisma.task.findFirst({ where: { id: taskId, ...rowScopeWhere(scope, 'task.signup') }, select: CHECK_TASK_SELECT })
  return task ? { task, userId: scope.userId } : null
}

const viaOf = (by: CheckBy) => ('volunteerId' in by ? 'STAFF' : 'token' in by ? 'QR' : 'CODE')

/**
 * The code a volunteer checks themself in or out with. Wrong codes are limited here, where the code is
 * compared, so every way in is covered: 5 per volunteer and task in 10 minutes (LIMITS.checkinCode). Each
 * try is counted before the comparison — concurrent guesses cannot slip past the count — and a refused
 * try counts too; a right code is given back. Every wrong code and every locked-out try is audited, with
 * the task as target. Only asked of a volunteer holding a confirmed place on the task (and, to check
 * in, within the task's window), so the code is no oracle to anyone else.
 */
async function verifyCode(scope: Scope, task: { id: string; checkinCode: string }, code: string, now: Date): Promise<Result<null, 'INVALID' | 'CODE_LOCKED'>> {
  const who = { user: codeTryKey(scope.userId, task.id) }
  const limit = await checkLimit('checkinCode', who, now)
  if (!limit.ok) {
    await audit({ action: 'tasks.checkinCode', result: 'limited', target: task.id, scope })
    return fail('CODE_LOCKED', undefined, { minutes: retryMinutes(limit) })
  }
  const parsed = ZCheckinCode.safeParse(code)
  if (!parsed.success || parsed.data !== task.checkinCode) {
    await audit({ action: 'tasks.checkinCode', result: 'refused', target: task.id, scope })
    return fail('INVALID', { code: 'validation.checkinCode.wrong' })
  }
  await giveBack('checkinCode', who, now)
  return ok(null)
}

/**
 * The proof a volunteer checking themself gives: the code (under its attempt limit, counted by the
 * server's clock) or a QR token current at the time of the check (the phone's, for one kept offline).
 * A forged token or another task's is audited like a wrong code.
 */
async function verifyProof(scope: Scope, task: { id: string; checkinCode: string }, by: CheckBy, at: Date, now: Date): Promise<Result<null, 'INVALID' | 'CODE_LOCKED' | 'QR_EXPIRED'>> {
  if ('code' in by) return verifyCode(scope, task, by.code, now)
  if (!('token' in by)) return ok(null)
  const verdict = verifyQrToken(task.id, by.token, at)
  if (verdict === 'OK') return ok(null)
  await audit({ action: verdict === 'EXPIRED' ? 'tasks.checkinQr.expired' : 'tasks.checkinQr', result: 'refused', target: task.id, scope })
  return verdict === 'EXPIRED' ? fail('QR_EXPIRED') : fail('INVALID', { token: 'validation.checkinQr.wrong' })
}

/** The time a check counts at: the server's, or the phone's for one sent later, if it is believable. */
function checkTime(queued: Queued | undefined, now: Date): Result<Date, 'INVALID'> {
  if (!queued) return ok(now)
  if (queued.at.getTime() > now.getTime() + QUEUED_AHEAD_MS) return fail('INVALID', { at: 'validation.checkAt.future' })
  if (queued.at.getTime() < now.getTime() - QUEUED_MAX_AGE_MS) return fail('INVALID', { at: 'validation.checkAt.stale' })
  return ok(queued.at)
}

/**
 * Check-in: by staff for a volunteer, or by the volunteer with the task's code or its QR token; from 30
 * minutes before the start until the end (at the phone's time for one kept offline, `queued`). The
 * need goes IN_SERVICE. A queued check-in sent again answers ok and changes nothing.
 */
export async function checkIn(scope: Scope, taskId: string, by: CheckBy, now = new Date(), queued?: Queued): Promise<Result<null, CheckError>> {
  const t = await checkTarget(scope, taskId, by)
  if (!t) return fail('NOT_FOUND')
  const { task, userId } = t
  const prisma = await db()
  const s = await prisma.taskSignup.findUnique({ where: { taskId_userId: { taskId, userId } }, select: SIGNUP_CHECK_SELECT })
  if (queued && s?.checkInClientId === queued.clientId) return ok(null) // sent before: taken once
  const when = checkTime(queued, now)
  if (!when.ok) return when
  const at = when.value
  const opens = new Date(task.startsAt.getTime() - CHECK_IN_EARLY_MS)
  if (at < opens || at > task.endsAt) return fail('OUTSIDE_WINDOW', undefined, { from: chinaDateTime(opens), to: chinaDateTime(task.endsAt) })
  if (!s || s.status !== 'CONFIRMED') return fail('STATE')
  const proof = await verifyProof(scope, task, by, at, now)
  if (!proof.ok) return proof
  if (s.checkInAt) return fail('STATE')
  const r = await prisma.$transaction(async (tx) => {
    const n = await tx.taskSignup.updateMany({ where: { id: s.id, status: 'CONFIRMED', checkInAt: null }, data: { checkInAt: at, checkInVia: viaOf(by), checkInClientId: queued?.clientId ?? null } })
    if (n.count !== 1) return fail('STATE')
    await recordChange(tx, scope, { entity: 'TaskSignup', entityId: s.id, orgPath: task.orgPath, from: 'CONFIRMED', to: 'CHECKED_IN' })
    const needId = task.order.serviceItem.needId
    const need = needId ? await tx.need.findUnique({ where: { id: needId }, select: { status: true } }) : null
    if (needId && need?.status === 'DISPATCHED') await moveNeed(tx, scope, needId, 'IN_SERVICE')
    return ok(null)
  }).catch((e: unknown) => (isUniqueViolation(e) ? fail('STATE') : Promise.reject(e)))
  // the same queued check-in sent twice at once: the other request took it
  if (!r.ok && queued && (await sentBefore(s.id, 'in', queued.clientId))) return ok(null)
  return r
}

/**
 * Check-out: credits the minutes inside the task's window (creditedMinutes) to the volunteer, the
 * roll-ups and the points. A check-out more than 30 minutes after the end is credited up to the end and
 * flagged (lateCheckOut) for the team leader; one before the check-in is refused. One kept offline counts
 * at the phone's time (`queued`); sent again, it answers with the minutes credited the first time.
 */
export async function checkOut(scope: Scope, taskId: string, by: CheckBy, now = new Date(), queued?: Queued): Promise<Result<{ minutes: number }, CheckError>> {
  const t = await checkTarget(scope, taskId, by)
  if (!t) return fail('NOT_FOUND')
  const { task, userId } = t
  const prisma = await db()
  const s = await prisma.taskSignup.findUnique({ where: { taskId_userId: { taskId, userId } }, select: SIGNUP_CHECK_SELECT })
  if (queued && s?.checkOutClientId === queued.clientId) return ok({ minutes: s.minutes ?? 0 }) // sent before: credited once
  const when = checkTime(queued, now)
  if (!when.ok) return when
  const at = when.value
  if (!s || s.status !== 'CONFIRMED') return fail('STATE')
  const proof = await verifyProof(scope, task, by, at, now)
  if (!proof.ok) return proof
  if (!s.checkInAt || s.checkOutAt) return fail('STATE')
  const checkInAt = s.checkInAt
  if (at < checkInAt) return fail('BEFORE_CHECK_IN', undefined, { checkIn: chinaDateTime(checkInAt) })
  const minutes = creditedMinutes(task, checkInAt, at)
  const lateCheckOut = at.getTime() > task.endsAt.getTime() + LATE_CHECK_OUT_MS
  const r = await prisma.$transaction(async (tx) => {
    // the minutes were worked out from this check-in: the update holds only if it is still the one
    const n = await tx.taskSignup.updateMany({ where: { id: s.id, status: 'CONFIRMED', checkInAt, checkOutAt: null }, data: { checkOutAt: at, minutes, lateCheckOut, checkOutVia: viaOf(by), checkOutClientId: queued?.clientId ?? null } })
    if (n.count !== 1) return fail('STATE')
    await recordChange(tx, scope, { entity: 'TaskSignup', entityId: s.id, orgPath: task.orgPath, from: 'CHECKED_IN', to: 'CHECKED_OUT', note: `${minutes}` }, at)
    await bump(tx, scope.tenantId, task.orgPath, { 'service:minutes': minutes }, at)
    // hours come only from here (and from corrections); the points follow the volunteer's running total
    await creditMinutes(tx, scope, { userId, minutes, kind: 'SERVICE', refId: s.id, reason: task.title })
    return ok({ minutes })
  }).catch((e: unknown) => (isUniqueViolation(e) ? fail('STATE') : Promise.reject(e)))
  if (!r.ok && queued && (await sentBefore(s.id, 'out', queued.clientId))) {
    const again = await prisma.taskSignup.findUnique({ where: { id: s.id }, select: { minutes: true } })
    return ok({ minutes: again?.minutes ?? 0 })
  }
  return r
}

/**
 * A check kept offline whose kind the phone could not know (a QR code scanned with no network, on the
 * offline page): a check-in if the volunteer is not checked in yet, else a check-out. Its id is looked
 * for among both first, so a replay of one taken as a check-in is not taken again as a check-out.
 */
export async function checkQueued(scope: Scope, taskId: string, by: CheckBy, mode: 'in' | 'out' | 'auto', queued: Queued, now = new Date()): Promise<Result<{ mode: 'in' | 'out'; minutes: number | null }, CheckError>> {
  let kind = mode
  if (kind === 'auto') {
    const prisma = await db()
    const task = await prisma.task.findFirst({ where: { id: taskId, ...rowScopeWhere(scope, 'task.signup') }, select: { id: true } })
    if (!task) return fail('NOT_FOUND')
    const s = await prisma.taskSignup.findUnique({ where: { taskId_userId: { taskId, userId: scope.userId } }, select: SIGNUP_CHECK_SELECT })
    if (s?.checkInClientId === queued.clientId) return ok({ mode: 'in', minutes: null })
    if (s?.checkOutClientId === queued.clientId) return ok({ mode: 'out', minutes: s.minutes ?? 0 })
    kind = s?.checkInAt ? 'out' : 'in'
  }
  if (kind === 'in') {
    const r = await checkIn(scope, taskId, by, now, queued)
    return r.ok ? ok({ mode: 'in', minutes: null }) : r
  }
  const r = await checkOut(scope, taskId, by, now, queued)
  return r.ok ? ok({ mode: 'out', minutes: r.value.minutes }) : r
}

/** Did this sign-up already take the queued check of that id (a concurrent twin of the same request)? */
async function sentBefore(signupId: string, mode: 'in' | 'out', clientId: string): Promise<boolean> {
  const prisma = await db()
  const s = await prisma.taskSignup.findUnique({ where: { id: signupId }, select: { checkInClientId: true, checkOutClientId: true } })
  return (mode === 'in' ? s?.checkInClientId : s?.checkOutClientId) === clientId
}

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'P2002'

/**
 * The caller's total for the home page and /tasks: the same total as /points and the roster (tally.ts:
 * checked-out minutes plus signed corrections), and how many tasks were checked out.
 */
export async function serviceMinutesOf(scope: Scope) {
  const prisma = await db()
  const tally = await tallyHours(prisma, scope.userId)
  return { minutes: tally.totalMinutes, hours: tally.hours, tasks: tally.servedTasks }
}

const TASK_SELECT = {
  id: true, title: true, startsAt: true, endsAt: true, place: true, slots: true, taken: true, skills: true, signupDeadline: true, status: true, orgPath: true,
  orgUnit: { select: { id: true, name: true } },
  order: { select: { id: true, orgPath: true, claimedByTeamId: true, claimedByTeam: { select: { name: true } }, serviceItem: { select: { id: true, title: true, need: { select: { id: true, title: true, status: true } }, project: { select: { id: true, name: true } } } } } },
} as const satisfies Prisma.TaskSelect

/**
 * The China days a volunteer asked for: a date (`on`), today, this week (Monday to Sunday) or its
 * weekend; none: every day from now on.
 */
export function openTaskDays(q: { when?: 'today' | 'week' | 'weekend'; on?: string }, now: Date): { gte: Date; lt: Date } | null {
  const today = chinaDate(now)
  if (q.on) return chinaDayRange(q.on, q.on)
  if (q.when === 'today') return chinaDayRange(today, today)
  const monday = weekStart(today)
  if (q.when === 'week') return chinaDayRange(monday, addDays(monday, 6))
  if (q.when === 'weekend') return chinaDayRange(addDays(monday, 5), addDays(monday, 6))
  return null
}

/** What a volunteer can filter the open tasks by: the tenant's categories and the teams of their communities. */
export async function openTaskFilters(scope: Scope) {
  const prisma = await db()
  const [categories, teams] = await Promise.all([
    prisma.serviceCategory.findMany({ where: { tenantId: scope.tenantId, active: true }, select: { id: true, name: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] }),
    prisma.team.findMany({ where: { ...rowScopeWhere(scope, 'task.signup'), archivedAt: null }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 100 }),
  ])
  return { categories, teams }
}

/**
 * Open tasks a volunteer can sign up for (their communities), soonest first, with their own status, a page
 * at a time (10: a phone's first screenfuls, and a page that stays light on a weak network however many
 * tasks a community publishes).
 */
export async function listOpenTasks(scope: Scope, q: Partial<TOpenTaskQuery> & { pageSize?: number } = {}, now = new Date()) {
  const prisma = await db()
  const page = Math.max(1, Math.floor(q.page ?? 1))
  const pageSize = Math.max(1, Math.min(100, Math.floor(q.pageSize ?? 10)))
  const days = openTaskDays(q, now)
  const where: Prisma.TaskWhereInput = {
    // the scope stays a condition of its own: a filter's OR never replaces the scope's
    AND: [rowScopeWhere(scope, 'task.signup')],
    status: 'OPEN',
    endsAt: { gt: days && days.gte > now ? days.gte : now },
    // a task that runs on any part of the days asked for
    ...(days ? { startsAt: { lt: days.lt } } : {}),
    ...(q.q ? { OR: [{ title: { contains: q.q } }, { place: { contains: q.q } }] } : {}),
    ...(q.free ? { taken: { lt: prisma.task.fields.slots } } : {}),
    ...(q.category || q.team ? { order: { ...(q.team ? { claimedByTeamId: q.team } : {}), ...(q.category ? { serviceItem: { need: { categoryId: q.category } } } : {}) } } : {}),
  }
  const [total, rows] = await Promise.all([
    prisma.task.count({ where }),
    prisma.task.findMany({
      where,
      select: { ...TASK_SELECT, signups: { where: { userId: scope.userId }, select: { status: true, checkInAt: true, checkOutAt: true, minutes: true } } },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ])
  const tasks = rows.map(({ orgPath, signups, ...t }) => {
    void orgPath
    return { ...t, mine: signups[0] ?? null, deadlinePassed: t.signupDeadline <= now }
  })
  return { rows: tasks, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

/**
 * 我的报名: the caller's own sign-ups, a page at a time. `upcoming` — tasks not yet ended that they are
 * still signed up or waitlisted for, soonest first; `past` — everything else (ended, cancelled by either
 * side, checked out), latest first. Only tasks of the caller's own communities (the sign-up permission's
 * scope); another volunteer's sign-ups are never read.
 */
export async function listMySignups(scope: Scope, q: { when?: 'upcoming' | 'past'; page?: number; pageSize?: number } = {}, now = new Date()) {
  const prisma = await db()
  const when = q.when === 'past' ? 'past' : 'upcoming'
  const page = Math.max(1, Math.floor(q.page ?? 1))
  const pageSize = Math.max(1, Math.min(100, Math.floor(q.pageSize ?? 10)))
  const inScope = rowScopeWhere(scope, 'task.signup')
  const upcoming = { status: { in: ['CONFIRMED', 'WAITLISTED'] }, task: { ...inScope, status: 'OPEN', endsAt: { gt: now } } } as const satisfies Prisma.TaskSignupWhereInput
  const where: Prisma.TaskSignupWhereInput = when === 'upcoming' ? { userId: scope.userId, ...upcoming } : { userId: scope.userId, task: inScope, NOT: upcoming }
  const [total, rows] = await Promise.all([
    prisma.taskSignup.count({ where }),
    prisma.taskSignup.findMany({
      where,
      select: {
        status: true, checkInAt: true, checkOutAt: true, minutes: true,
        task: { select: { id: true, title: true, startsAt: true, endsAt: true, place: true, status: true, signupDeadline: true, orgUnit: { select: { name: true } } } },
      },
      orderBy: when === 'upcoming' ? [{ task: { startsAt: 'asc' } }, { taskId: 'asc' }] : [{ task: { startsAt: 'desc' } }, { taskId: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ])
  // the place on each waitlist: those waitlisted on the same task before the caller, plus one
  const waiting = rows.filter((r) => r.status === 'WAITLISTED')
  const queue = waiting.length
    ? await prisma.taskSignup.findMany({ where: { taskId: { in: waiting.map((r) => r.task.id) }, status: 'WAITLISTED' }, select: { taskId: true, userId: true, createdAt: true, id: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
    : []
  const position = (taskId: string) => {
    const line = queue.filter((s) => s.taskId === taskId)
    return line.findIndex((s) => s.userId === scope.userId) + 1 || null
  }
  return { when, rows: rows.map((r) => ({ ...r, waitlistPosition: r.status === 'WAITLISTED' ? position(r.task.id) : null })), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

const taskReadWhere = (scope: Scope, taskId: string) => ({ id: taskId, ...rowScopeWhere(scope, 'task.read') }) satisfies Prisma.TaskWhereInput

/** Is this task the caller's to read (getTask's condition; the record page's gate)? */
export async function taskInScope(scope: Scope, taskId: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.task.findFirst({ where: taskReadWhere(scope, taskId), select: { id: true } })) !== null
}

/** One task: details for any reader; the roster (phones masked) and the check-in code for those who run it. */
export async function getTask(scope: Scope, taskId: string) {
  const prisma = await db()
  const t = await prisma.task.findFirst({ where: taskReadWhere(scope, taskId), select: { ...TASK_SELECT, checkinCode: true } })
  if (!t) return fail('NOT_FOUND')
  const runs = await canRunOrder(scope, t.order)
  const signups = await prisma.taskSignup.findMany({
    where: { taskId, ...(runs ? {} : { userId: scope.userId }) },
    select: { status: true, createdAt: true, checkInAt: true, checkOutAt: true, minutes: true, lateCheckOut: true, user: { select: { id: true, name: true, phone: true } } },
    orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
  })
  const { checkinCode, orgPath, ...rest } = t
  return ok({
    ...rest,
    checkinCode: runs ? checkinCode : null,
    canRun: runs,
    // a late check-out is credited only up to the end; staff who keep points add a signed correction if need be
    canCorrectHours: runs && canAt(scope, 'points.manage', orgPath),
    canSignUp: canAt(scope, 'task.signup', orgPath),
    signups: signups.map((s) => ({ ...s, user: { id: s.user.id, name: s.user.name, phone: s.user.id === scope.userId ? s.user.phone : maskPhone(s.user.phone) } })),
  })
}

export async function listMyNotifications(scope: Scope, take = 50) {
  const prisma = await db()
  return prisma.notification.findMany({ where: { userId: scope.userId }, select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take })
}

export async function markNotificationsRead(scope: Scope) {
  const prisma = await db()
  await prisma.notification.updateMany({ where: { userId: scope.userId, readAt: null }, data: { readAt: new Date() } })
}

export async function unreadCount(scope: Scope) {
  const prisma = await db()
  return prisma.notification.count({ where: { userId: scope.userId, readAt: null } })
}

/** The task list by cursor, for exports (same where and order as listTasks). */
export async function tasksAfter(scope: Scope, cursor: string | null, take: number) {
  const prisma = await db()
  const rows = await prisma.task.findMany({ where: rowScopeWhere(scope, 'task.read'), select: TASK_SELECT, orderBy: [{ startsAt: 'desc' }, { id: 'asc' }], ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), take })
  return { rows: rows.map(({ orgPath, ...t }) => (void orgPath, t)), next: rows.length === take ? rows[rows.length - 1].id : null }
}

export async function countTasks(scope: Scope) {
  const prisma = await db()
  return prisma.task.count({ where: rowScopeWhere(scope, 'task.read') })
}

/** Tasks of the caller's subtree (officials, community staff, team leaders), newest start first. */
export async function listTasks(scope: Scope, q: { page: number; pageSize: number; sort?: TaskSort; dir?: SortDir }) {
  const prisma = await db()
  const where = rowScopeWhere(scope, 'task.read')
  const orderBy = orderOf<TaskSort, Prisma.TaskOrderByWithRelationInput>(
    q,
    { starts: (dir) => [{ startsAt: dir }], title: (dir) => [{ title: dir }, { startsAt: 'desc' }], slots: (dir) => [{ slots: dir }, { startsAt: 'desc' }] },
    [{ startsAt: 'desc' }],
    { id: 'asc' },
  )
  const [total, rows] = await Promise.all([
    prisma.task.count({ where }),
    prisma.task.findMany({ where, select: TASK_SELECT, orderBy, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ])
  return { rows: rows.map(({ orgPath, ...t }) => (void orgPath, t)), total, page: q.page, pageSize: q.pageSize, pageCount: Math.max(1, Math.ceil(total / q.pageSize)) }
}

async function runnableTask(scope: Scope, taskId: string) {
  const prisma = await db()
  const task = await prisma.task.findFirst({
    where: { id: taskId, ...rowScopeWhere(scope, 'task.manage') },
    select: { id: true, title: true, status: true, slots: true, taken: true, orgPath: true, startsAt: true, signupDeadline: true, order: { select: { orgPath: true, claimedByTeamId: true } } },
  })
  return task && (await canRunOrder(scope, task.order)) ? task : null
}

/**
 * Changes a task's time, place or slots; everyone signed up is told. Fewer slots than confirmed
 * volunteers is refused (nobody loses a confirmed place silently); more slots promote the waitlist.
 * Times: see taskTimeErrors (a running task keeps its start; what moves must lie ahead).
 */
export async function updateTask(scope: Scope, taskId: string, input: unknown): Promise<Result<{ promoted: number }, 'NOT_FOUND' | 'INVALID' | 'STATE'>> {
  const parsed = ZUpdateTask.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const task = await runnableTask(scope, taskId)
  if (!task) return fail('NOT_FOUND')
  if (task.status !== 'OPEN') return fail('STATE')
  const d = parsed.data
  const timeErrors = taskTimeErrors(d, new Date(), task)
  if (timeErrors) return fail('INVALID', timeErrors)
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, taskId)
    const fresh = await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: { taken: true, startsAt: true, signupDeadline: true } })
    // the times checked above are still the task's (a concurrent edit would have moved them)
    if (fresh.startsAt.getTime() !== task.startsAt.getTime() || fresh.signupDeadline.getTime() !== task.signupDeadline.getTime()) return fail('STATE')
    if (d.slots < fresh.taken) return fail('INVALID', { slots: 'validation.slots.belowTaken' })
    const waiting = await tx.taskSignup.findMany({ where: { taskId, status: 'WAITLISTED' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: d.slots - fresh.taken, select: { id: true, userId: true } })
    await tx.task.update({ where: { id: taskId }, data: { startsAt: d.startsAt, endsAt: d.endsAt, place: d.place, slots: d.slots, signupDeadline: d.signupDeadline, taken: fresh.taken + waiting.length } })
    for (const w of waiting) {
      await tx.taskSignup.update({ where: { id: w.id }, data: { status: 'CONFIRMED' } })
      await recordChange(tx, scope, { entity: 'TaskSignup', entityId: w.id, orgPath: task.orgPath, from: 'WAITLISTED', to: 'CONFIRMED', note: 'promoted' })
    }
    await notify(tx, waiting.map((w) => w.userId), 'notify.signupPromoted', { title: task.title }, `/tasks/${taskId}`)
    const others = await tx.taskSignup.findMany({ where: { taskId, status: { in: ['CONFIRMED', 'WAITLISTED'] }, id: { notIn: waiting.map((w) => w.id) } }, select: { userId: true } })
    await notify(tx, others.map((o) => o.userId), 'notify.taskChanged', { title: task.title }, `/tasks/${taskId}`)
    return ok({ promoted: waiting.length })
  })
}

/** Cancels a task with a reason; every volunteer signed up or waiting is told. */
export async function cancelTask(scope: Scope, taskId: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID' | 'STATE'>> {
  const parsed = ZCancelTask.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const task = await runnableTask(scope, taskId)
  if (!task) return fail('NOT_FOUND')
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, taskId)
    const n = await tx.task.updateMany({ where: { id: taskId, status: 'OPEN' }, data: { status: 'CANCELLED' } })
    if (n.count !== 1) return fail('STATE')
    await recordChange(tx, scope, { entity: 'Task', entityId: taskId, orgPath: task.orgPath, from: 'OPEN', to: 'CANCELLED', note: parsed.data.reason })
    const people = await tx.taskSignup.findMany({ where: { taskId, status: { in: ['CONFIRMED', 'WAITLISTED'] } }, select: { userId: true } })
    await notify(tx, people.map((p) => p.userId), 'notify.taskCancelled', { title: task.title, reason: parsed.data.reason }, `/tasks/${taskId}`)
    return ok(null)
  })
}
