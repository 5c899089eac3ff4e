import 'server-only'
import { db } from '../db'

/**
 * Abuse limits: fixed windows counted in the database (RateLimitBucket), so every server process
 * shares them. A rule limits one kind of request per user (or phone) and per client IP. Per-IP limits
 * are multiplied by RATE_LIMIT_IP_FACTOR (default 1): a site whose users all come through one NAT,
 * or a load test from loopback, raises it; per-user limits never change.
 */
export type LimitKind = 'signIn' | 'register' | 'signUp' | 'export' | 'checkinCode'

/** perIp: left out when a kind is not counted per IP */
type Rule = { perUser: number; perIp?: number; windowSeconds: number }

export const LIMITS = {
  // the account lock (5 wrong passwords → 15 min) guards one account; these guard the form itself
  signIn: { perUser: 30, perIp: 60, windowSeconds: 15 * 60 },
  register: { perUser: 5, perIp: 10, windowSeconds: 60 * 60 },
  signUp: { perUser: 30, perIp: 300, windowSeconds: 10 * 60 },
  export: { perUser: 30, perIp: 120, windowSeconds: 10 * 60 },
  // wrong check-in codes, counted per volunteer AND task (the "user" is the pair, see codeTryKey): at 5
  // tries in 10 minutes a 6-digit code takes years to guess. Not per IP and not per task as a whole:
  // volunteers on site share one Wi-Fi, and a few accounts' typos must not lock everyone else out.
  checkinCode: { perUser: 5, windowSeconds: 10 * 60 },
} satisfies Record<LimitKind, Rule>

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number }

function ipFactor(): number {
  const f = Number(process.env.RATE_LIMIT_IP_FACTOR ?? 1)
  return Number.isFinite(f) && f >= 1 ? f : 1
}

/** Counts one request against `key` in the current window; returns the count including this one. */
async function bump(key: string, windowStart: Date): Promise<number> {
  const prisma = await db()
  // one atomic statement: concurrent requests all count, on PostgreSQL and PGlite alike
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`
  return Number(rows[0].count)
}

/**
 * Counts this request for the user (or phone, or null when nobody is known yet) and for the IP, and
 * says whether it is within both limits. A refused request still counts: hammering does not help.
 */
export async function checkLimit(kind: LimitKind, who: { user?: string | null; ip?: string | null }, now = new Date()): Promise<LimitVerdict> {
  const rule: Rule = LIMITS[kind]
  const { windowStart, retryAfterSeconds } = windowOf(rule, now)
  const checks: Promise<boolean>[] = []
  const perIp = rule.perIp
  if (who.user) checks.push(bump(`${kind}:u:${who.user}`, windowStart).then((n) => n <= rule.perUser))
  if (who.ip && perIp !== undefined) checks.push(bump(`${kind}:ip:${who.ip}`, windowStart).then((n) => n <= perIp * ipFactor()))
  const verdicts = await Promise.all(checks)
  return verdicts.every(Boolean) ? { ok: true } : { ok: false, retryAfterSeconds }
}

/** The fixed window `now` falls in, and the seconds until it ends. */
function windowOf(rule: Rule, now: Date) {
  const windowMs = rule.windowSeconds * 1000
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  return { windowStart, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) }
}

/**
 * Gives one count back to `who.user` in the window of `now` (the same `now` checkLimit was called with).
 * For limits on wrong secrets: every try is counted BEFORE the secret is compared — so of any number of
 * concurrent tries at most the limit get as far as the comparison — and a try that turns out right is
 * given back, so only the wrong ones use up the budget.
 */
export async function giveBack(kind: LimitKind, who: { user: string }, now = new Date()): Promise<void> {
  const { windowStart } = windowOf(LIMITS[kind], now)
  const prisma = await db()
  await prisma.$executeRaw`UPDATE "RateLimitBucket" SET "count" = "count" - 1 WHERE "key" = ${`${kind}:u:${who.user}`} AND "windowStart" = ${windowStart} AND "count" > 0`
}

/** The "user" of the check-in code limit: one volunteer on one task. */
export const codeTryKey = (volunteerId: string, taskId: string) => `${volunteerId}:${taskId}`

/** Old windows are useless after a day; the purge job drops them. */
export async function purgeRateLimits(now = new Date()): Promise<number> {
  const prisma = await db()
  const r = await prisma.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 3600_000) } } })
  return r.count
}

/** Minutes to show in "请 N 分钟后再试". */
export const retryMinutes = (v: { retryAfterSeconds: number }) => Math.max(1, Math.ceil(v.retryAfterSeconds / 60))
