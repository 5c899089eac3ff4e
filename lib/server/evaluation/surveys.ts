import 'server-only'
import { randomBytes } from 'node:crypto'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import { bump } from '../stats/counters'
import { canAt, rootsFor, rowScopeWhere, unitScopeWhere, type Scope } from '../authz/scope'
import { underAny } from '../authz/hierarchy'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { paged } from '../workflow/common'
import { chinaDate, fromDbDate, toDbDate } from '@/lib/china-time'
import { ZCampaign, ZSurveyToken, type SurveySort, type TQuestion, type TSurveyListQuery } from '@/lib/schemas/evaluation'
import { orderOf } from '@/lib/schemas/list'
import { cleanFreeText } from '@/lib/schemas/text'

/** Units where the caller may run a campaign: their roots and the units just below them. */
export async function listSurveyUnits(scope: Scope) {
  const roots = rootsFor(scope, 'survey.manage')
  if (!roots.length) return []
  const prisma = await db()
  return prisma.orgUnit.findMany({
    where: { ...unitScopeWhere(scope, 'survey.manage'), AND: [{ OR: [{ path: { in: roots } }, { parent: { path: { in: roots } } }] }] },
    select: { id: true, name: true, depth: true },
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
    take: 300,
  })
}

/**
 * A new campaign with an unguessable public token (18 random bytes, base64url: 24 characters). It opens
 * today or later and closes on or after its opening day (the schema), so never in the past: the China
 * date of `now`, the server's clock unless a test names the moment.
 */
export async function createCampaign(scope: Scope, input: unknown, now = new Date()): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZCampaign.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: d.orgUnitId, ...unitScopeWhere(scope, 'survey.manage') }, select: { id: true, path: true } })
  if (!unit) return fail('INVALID', { orgUnitId: 'validation.surveyUnit.required' })
  const today = chinaDate(now)
  const past = { ...(d.startsOn < today ? { startsOn: 'validation.surveyStart.past' } : {}), ...(d.endsOn < today ? { endsOn: 'validation.surveyEnd.past' } : {}) }
  if (Object.keys(past).length) return fail('INVALID', past)
  const row = await prisma.surveyCampaign.create({
    data: {
      tenantId: scope.tenantId, orgUnitId: unit.id, orgPath: unit.path, title: d.title, startsOn: toDbDate(d.startsOn), endsOn: toDbDate(d.endsOn),
      questions: d.questions, token: randomBytes(18).toString('base64url'), createdById: scope.userId,
    },
    select: { id: true },
  })
  return ok(row)
}

/** 满意度调查's order: the URL's sort, else the latest campaign first; the id breaks ties so pages never overlap. */
function campaignOrder(q: TSurveyListQuery): Prisma.SurveyCampaignOrderByWithRelationInput[] {
  return orderOf<SurveySort, Prisma.SurveyCampaignOrderByWithRelationInput>(
    q,
    { created: (dir) => [{ createdAt: dir }], period: (dir) => [{ startsOn: dir }, { endsOn: dir }, { createdAt: 'desc' }], responses: (dir) => [{ responses: { _count: dir } }, { createdAt: 'desc' }] },
    [{ createdAt: 'desc' }],
    { id: 'asc' },
  )
}

export async function listCampaigns(scope: Scope, q: TSurveyListQuery) {
  const prisma = await db()
  const where = rowScopeWhere(scope, 'survey.manage')
  const [total, rows] = await Promise.all([
    prisma.surveyCampaign.count({ where }),
    prisma.surveyCampaign.findMany({
      where,
      select: { id: true, title: true, orgUnitId: true, startsOn: true, endsOn: true, status: true, createdAt: true, _count: { select: { responses: true } } },
      orderBy: campaignOrder(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ])
  const units = new Map((await prisma.orgUnit.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.orgUnitId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]))
  return paged(rows.map(({ _count, orgUnitId, ...r }) => ({ ...r, unit: units.get(orgUnitId) ?? '', responses: _count.responses })), total, q.page, q.pageSize)
}

const round2 = (n: number) => Math.round(n * 100) / 100

const campaignReadWhere = (scope: Scope, id: string) => ({ id, ...rowScopeWhere(scope, 'survey.manage') }) satisfies Prisma.SurveyCampaignWhereInput

/** Is this campaign the caller's to read (getCampaign's condition; the record page's gate)? */
export async function campaignInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.surveyCampaign.findFirst({ where: campaignReadWhere(scope, id), select: { id: true } })) !== null
}

/**
 * A campaign's results: responses, and per question the average and spread of a rating (1–5), the count
 * of each option of a single choice, the latest 20 short texts. Two grouped queries, whatever the count.
 */
export async function getCampaign(scope: Scope, id: string) {
  const prisma = await db()
  const c = await prisma.surveyCampaign.findFirst({
    where: campaignReadWhere(scope, id),
    select: { id: true, title: true, orgUnitId: true, orgPath: true, startsOn: true, endsOn: true, questions: true, token: true, status: true, closedAt: true, createdAt: true, _count: { select: { responses: true } } },
  })
  if (!c) return fail('NOT_FOUND')
  const questions = c.questions as TQuestion[]
  const [grouped, texts, unit] = await Promise.all([
    prisma.surveyAnswer.groupBy({ by: ['question', 'rating', 'choice'], where: { campaignId: id }, _count: { _all: true }, orderBy: [{ question: 'asc' }] }),
    prisma.surveyAnswer.findMany({ where: { campaignId: id, text: { not: null } }, select: { question: true, text: true, response: { select: { createdAt: true } } }, orderBy: { response: { createdAt: 'desc' } }, take: 20 * questions.length }),
    prisma.orgUnit.findUnique({ where: { id: c.orgUnitId }, select: { name: true } }),
  ])
  const results = questions.map((q, index) => {
    const mine = grouped.filter((g) => g.question === index)
    if (q.kind === 'RATING') {
      const dist = [1, 2, 3, 4, 5].map((v) => mine.filter((g) => g.rating === v).reduce((s, g) => s + g._count._all, 0))
      const count = dist.reduce((s, n) => s + n, 0)
      const sum = dist.reduce((s, n, i) => s + n * (i + 1), 0)
      return { ...q, index, count, average: count ? round2(sum / count) : null, distribution: dist, choices: [] as number[], texts: [] as string[] }
    }
    if (q.kind === 'CHOICE') {
      const choices = q.options.map((_, o) => mine.filter((g) => g.choice === o).reduce((s, g) => s + g._count._all, 0))
      return { ...q, index, count: choices.reduce((s, n) => s + n, 0), average: null, distribution: [] as number[], choices, texts: [] as string[] }
    }
    const list = texts.filter((x) => x.question === index).slice(0, 20).map((x) => x.text!)
    return { ...q, index, count: mine.reduce((s, g) => s + g._count._all, 0), average: null, distribution: [] as number[], choices: [] as number[], texts: list }
  })
  const { orgPath, _count, orgUnitId, ...rest } = c
  void orgUnitId
  return ok({ ...rest, unit: unit?.name ?? '', questions, responses: _count.responses, results, canManage: canAt(scope, 'survey.manage', orgPath) })
}

export async function closeCampaign(scope: Scope, id: string, now = new Date()): Promise<Result<null, 'NOT_FOUND'>> {
  const prisma = await db()
  const r = await prisma.surveyCampaign.updateMany({ where: { id, status: 'OPEN', ...rowScopeWhere(scope, 'survey.manage') }, data: { status: 'CLOSED', closedAt: now } })
  return r.count ? ok(null) : fail('NOT_FOUND')
}

/**
 * Average satisfaction of a subtree from every campaign's rating questions (one answer = one vote),
 * per root of the caller and per unit just below it: one grouped query per root, grouping answers by
 * the first path segment under the root (a campaign at the root itself is "own").
 * Also the per-service ratings (Need.satisfaction) of the subtree, when the caller reads needs.
 */
export async function satisfactionOverview(scope: Scope) {
  const roots = rootsFor(scope, 'survey.manage')
  const prisma = await db()
  const out = []
  for (const root of roots.slice(0, 5)) {
    const rows = await prisma.$queryRaw<{ child: string | null; n: bigint | number; total: bigint | number }[]>`
      SELECT NULLIF(split_part(substr("orgPath", ${root.length + 1}::int), '/', 1), '') AS child, COUNT(*) AS n, SUM("rating") AS total
        FROM "SurveyAnswer"
       WHERE "tenantId" = ${scope.tenantId} AND "orgPath" LIKE ${root + '%'} AND "rating" IS NOT NULL
       GROUP BY 1`
    const ids = rows.flatMap((r) => (r.child ? [r.child] : []))
    const names = new Map((ids.length ? await prisma.orgUnit.findMany({ where: { id: { in: ids }, tenantId: scope.tenantId }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]))
    const rootUnit = await prisma.orgUnit.findFirst({ where: { tenantId: scope.tenantId, path: root }, select: { name: true } })
    const n = rows.reduce((s, r) => s + Number(r.n), 0)
    const total = rows.reduce((s, r) => s + Number(r.total), 0)
    const service = await prisma.need.aggregate({ where: { tenantId: scope.tenantId, orgPath: { startsWith: root }, satisfaction: { not: null } }, _avg: { satisfaction: true }, _count: { satisfaction: true } })
    out.push({
      unit: rootUnit?.name ?? '',
      answers: n,
      average: n ? round2(total / n) : null,
      serviceRatings: service._count.satisfaction,
      serviceAverage: service._avg.satisfaction === null ? null : round2(service._avg.satisfaction),
      children: rows
        .filter((r) => r.child)
        .map((r) => ({ unit: names.get(r.child!) ?? '', answers: Number(r.n), average: round2(Number(r.total) / Number(r.n)) }))
        .sort((a, b) => b.answers - a.answers),
    })
  }
  return out
}

/** The average of rating answers under one unit of the caller's survey subtree (NOT_FOUND outside it). */
export async function subtreeSatisfaction(scope: Scope, unitId: string): Promise<Result<{ answers: number; average: number | null }, 'NOT_FOUND'>> {
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: unitId, ...unitScopeWhere(scope, 'survey.manage') }, select: { path: true } })
  if (!unit) return fail('NOT_FOUND')
  const a = await prisma.surveyAnswer.aggregate({ where: { tenantId: scope.tenantId, ...underAny([unit.path], 'orgPath'), rating: { not: null } }, _avg: { rating: true }, _count: { rating: true } })
  return ok({ answers: a._count.rating, average: a._avg.rating === null ? null : round2(a._avg.rating) })
}

// ───────────── the public form (no sign-in) ─────────────
// Named exception to "no data without a scope": whoever holds the unguessable token of a campaign may
// read its title, its unit's name and its questions, and submit one response. Nothing else is exposed.

export type CampaignState = 'OPEN' | 'CLOSED' | 'NOT_STARTED'

function stateOf(c: { status: string; startsOn: Date; endsOn: Date }, now: Date): CampaignState {
  const today = chinaDate(now)
  if (c.status === 'CLOSED' || today > fromDbDate(c.endsOn)) return 'CLOSED'
  return today < fromDbDate(c.startsOn) ? 'NOT_STARTED' : 'OPEN'
}

export async function publicCampaign(token: string, now = new Date()) {
  if (!ZSurveyToken.safeParse(token).success) return null
  const prisma = await db()
  const c = await prisma.surveyCampaign.findUnique({ where: { token }, select: { title: true, orgUnitId: true, startsOn: true, endsOn: true, status: true, questions: true } })
  if (!c) return null
  const unit = await prisma.orgUnit.findUnique({ where: { id: c.orgUnitId }, select: { name: true } })
  return { title: c.title, unit: unit?.name ?? '', startsOn: c.startsOn, endsOn: c.endsOn, questions: c.questions as TQuestion[], state: stateOf(c, now) }
}

/**
 * Abuse limit: at most 20 responses per campaign in any 60 s, counted in this process's memory (a
 * restart or a second server instance starts its own count — enough to stop a script hammering one
 * link, not a security boundary). Keys expire with their timestamps.
 */
export const RATE_LIMIT = 20
const RATE_WINDOW_MS = 60_000
const recent = new Map<string, number[]>()

function takeSlot(campaignId: string, now: number): boolean {
  const times = (recent.get(campaignId) ?? []).filter((t) => t > now - RATE_WINDOW_MS)
  if (times.length >= RATE_LIMIT) {
    recent.set(campaignId, times)
    return false
  }
  times.push(now)
  recent.set(campaignId, times)
  if (recent.size > 10_000) for (const [k, v] of recent) if (!v.some((t) => t > now - RATE_WINDOW_MS)) recent.delete(k)
  return true
}

type Answer = { question: number; rating: number | null; choice: number | null; text: string | null }

/** Checks a submission against the campaign's questions: ratings and choices required, text optional. */
export function validateAnswers(questions: TQuestion[], input: Record<string, unknown>): { answers: Answer[] } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const answers: Answer[] = []
  questions.forEach((q, i) => {
    const raw = input[`a.${i}`]
    const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
    if (q.kind === 'RATING') {
      if (!/^[1-5]$/.test(s)) errors[`a.${i}`] = 'validation.surveyRating.required'
      else answers.push({ question: i, rating: Number(s), choice: null, text: null })
    } else if (q.kind === 'CHOICE') {
      if (!/^\d$/.test(s) || Number(s) >= q.options.length) errors[`a.${i}`] = 'validation.surveyChoice.required'
      else answers.push({ question: i, rating: null, choice: Number(s), text: null })
    } else {
      // the free-text normaliser of every text field (lib/schemas/text.ts), on the text as sent
      const clean = cleanFreeText(typeof raw === 'string' ? raw : s)
      if (!clean.ok) errors[`a.${i}`] = clean.error
      else if (!clean.value) return // optional: blank is no answer
      else if (clean.value.length > 200) errors[`a.${i}`] = 'validation.surveyText.long'
      else if (/[<>]/.test(clean.value)) errors[`a.${i}`] = 'validation.noMarkup'
      else answers.push({ question: i, rating: null, choice: null, text: clean.value })
    }
  })
  return Object.keys(errors).length ? { errors } : { answers }
}

/** One response from the public link. A closed (or ended, or not yet started) campaign refuses it. */
export async function submitSurveyResponse(token: string, input: Record<string, unknown>, now = new Date()): Promise<Result<null, 'NOT_FOUND' | 'INVALID' | 'CLOSED' | 'NOT_STARTED' | 'RATE_LIMITED'>> {
  if (!ZSurveyToken.safeParse(token).success) return fail('NOT_FOUND')
  const prisma = await db()
  const c = await prisma.surveyCampaign.findUnique({ where: { token }, select: { id: true, tenantId: true, orgPath: true, status: true, startsOn: true, endsOn: true, questions: true } })
  if (!c) return fail('NOT_FOUND')
  const state = stateOf(c, now)
  if (state !== 'OPEN') return fail(state)
  const checked = validateAnswers(c.questions as TQuestion[], input)
  if ('errors' in checked) return fail('INVALID', checked.errors)
  if (!takeSlot(c.id, now.getTime())) return fail('RATE_LIMITED')
  return prisma.$transaction(async (tx) => {
    // closing takes effect at once: re-read the status inside the transaction that writes
    const still = await tx.surveyCampaign.findFirst({ where: { id: c.id, status: 'OPEN' }, select: { id: true } })
    if (!still) return fail('CLOSED')
    const r = await tx.surveyResponse.create({ data: { campaignId: c.id, createdAt: now }, select: { id: true } })
    await tx.surveyAnswer.createMany({ data: checked.answers.map((a) => ({ ...a, responseId: r.id, campaignId: c.id, tenantId: c.tenantId, orgPath: c.orgPath })) })
    // the ratings roll up the hierarchy like every other figure (dashboards), in this transaction
    const ratings = checked.answers.filter((a) => a.rating !== null)
    await bump(tx, c.tenantId, c.orgPath, { 'survey:responses': 1, 'survey:ratingSum': ratings.reduce((s, a) => s + (a.rating ?? 0), 0), 'survey:ratingCount': ratings.length }, now)
    return ok(null)
  })
}
