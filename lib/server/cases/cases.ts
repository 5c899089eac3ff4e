import 'server-only'
import { db } from '../db'
import type { Prisma } from '../generated/prisma/client'
import type { CaseStatus } from '../generated/prisma/enums'
import { canAt, rowScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { decryptField, encryptField } from '../crypto'
import { isValidIdNumber, maskIdNumber } from '@/lib/id-card'
import { chinaDate, fromDbDate, toDbDate } from '@/lib/china-time'
import { ZCaseStep, ZConsent, ZFollowUp, ZFollowUpDone, ZIntervention, ZOpenCase, ZSensitive } from '@/lib/schemas/projects'
import { actingCommunity, recordChange, type Tx } from '../workflow/common'
import { ageBand, birthDateOfIdNumber, consentUpdate, missingConsentMessage, missingConsents, type AgeBand } from './consent'

/**
 * Need-to-know: a case is visible to its assigned social workers (case.work in that community) and to
 * the community's case supervisors (case.supervise). Anyone else — another community's social worker, a
 * volunteer, every official — gets NOT_FOUND; officials only ever see de-identified counts (caseStats).
 */
function visibleCases(scope: Scope): Prisma.CaseFileWhereInput {
  return {
    tenantId: scope.tenantId,
    AND: [{ OR: [{ AND: [rowScopeWhere(scope, 'case.work'), { workers: { some: { userId: scope.userId } } }] }, rowScopeWhere(scope, 'case.supervise')] }],
  }
}

type Field = 'idNumber' | 'healthNotes'

async function logAccess(tx: Tx | Awaited<ReturnType<typeof db>>, scope: Scope, caseId: string, action: 'READ' | 'UNMASK' | 'WRITE', fields: string[] = []) {
  await tx.caseAccessLog.create({ data: { caseId, userId: scope.userId, action, fields } })
}

/** The case lifecycle: intake → assessment → plan → intervention → follow-up → evaluation → closure (or reopen). */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  INTAKE: ['ASSESSMENT'],
  ASSESSMENT: ['PLANNING'],
  PLANNING: ['INTERVENTION'],
  INTERVENTION: ['FOLLOW_UP'],
  FOLLOW_UP: ['EVALUATION', 'INTERVENTION'],
  EVALUATION: ['CLOSED'],
  CLOSED: ['ASSESSMENT'],
}

export async function openCase(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID'>> {
  const parsed = ZOpenCase.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const community = await actingCommunity(scope, 'case.work', parsed.data.orgUnitId)
  if (!community) return fail('INVALID', { orgUnitId: 'validation.community.required' })
  const d = parsed.data
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const c = await tx.caseFile.create({
      data: {
        tenantId: scope.tenantId, orgUnitId: community.id, orgPath: community.path, personName: d.personName, gender: d.gender ?? null, birthYear: d.birthYear ?? null,
        vulnerabilityGroup: d.vulnerabilityGroup, foundVia: d.foundVia, situation: d.situation, createdById: scope.userId,
        workers: { create: { userId: scope.userId } },
      },
      select: { id: true },
    })
    await recordChange(tx, scope, { entity: 'CaseFile', entityId: c.id, orgPath: community.path, from: null, to: 'INTAKE' })
    await logAccess(tx, scope, c.id, 'WRITE', ['intake'])
    return ok(c)
  })
}

/** What consent needs to know of a case: what is on record, and the person's birth (year, or date from the ID number). */
const CONSENT_SELECT = { birthYear: true, idNumberEnc: true, consentAt: true, guardianConsentAt: true, childAssentAt: true } as const satisfies Prisma.CaseFileSelect

/**
 * The person's age band (consent.ts): the ID number's birth date when one is on record (`idNumber`: the
 * one being saved, else the stored one, decrypted here only for its date — it leaves this function as
 * nothing but the band), else the birth year.
 */
function bandOf(c: { birthYear: number | null; idNumberEnc: string | null }, now: Date, idNumber?: string): AgeBand {
  const id = idNumber ?? (c.idNumberEnc ? decryptField(c.idNumberEnc) : null)
  return ageBand({ birthYear: c.birthYear, birthDate: id && isValidIdNumber(id) ? birthDateOfIdNumber(id) : null }, now)
}

/**
 * Reads one case and logs the read. Sensitive fields come masked: the ID number as 1505**********1234,
 * health notes only as "present"; revealCaseField unmasks one of them, and logs that too.
 */
const caseReadWhere = (scope: Scope, id: string) => ({ id, ...visibleCases(scope) }) satisfies Prisma.CaseFileWhereInput

/** Is this case the caller's to read (getCase's condition; the record page's gate)? Not a read of the case: no access log. */
export async function caseInScope(scope: Scope, id: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.caseFile.findFirst({ where: caseReadWhere(scope, id), select: { id: true } })) !== null
}

export async function getCase(scope: Scope, id: string, now = new Date()) {
  const prisma = await db()
  const c = await prisma.caseFile.findFirst({
    where: caseReadWhere(scope, id),
    select: {
      id: true, personName: true, gender: true, birthYear: true, vulnerabilityGroup: true, foundVia: true, situation: true, idNumberEnc: true, healthNotesEnc: true,
      consentBy: true, consentAt: true, guardianName: true, guardianConsentAt: true, childAssentAt: true, status: true, assessment: true, goals: true, evaluation: true, outcome: true,
      closedAt: true, createdAt: true, orgPath: true, orgUnit: { select: { id: true, name: true } },
      workers: { select: { user: { select: { id: true, name: true } } } },
      interventions: { select: { id: true, kind: true, description: true, professional: true, outcome: true, at: true, resourceId: true }, orderBy: { at: 'asc' } },
      followUps: { select: { id: true, dueOn: true, doneAt: true, note: true }, orderBy: { dueOn: 'asc' } },
    },
  })
  if (!c) return fail('NOT_FOUND')
  await logAccess(prisma, scope, id, 'READ')
  const { idNumberEnc, healthNotesEnc, orgPath, ...rest } = c
  // resources a referral can link: those of the case's community
  const resources = await prisma.resource.findMany({ where: { orgPath, active: true }, select: { id: true, providerName: true }, orderBy: { providerName: 'asc' }, take: 200 })
  const resourceName = new Map(resources.map((r) => [r.id, r.providerName]))
  // a follow-up is overdue from the China day after it was due (not the UTC day: 00:00–08:00 differ)
  const today = chinaDate(now)
  const band = bandOf(c, now)
  const missing = missingConsents(c, band)
  return ok({
    ...rest,
    workers: c.workers.map((w) => w.user),
    interventions: c.interventions.map(({ resourceId, ...i }) => ({ ...i, resource: resourceId ? (resourceName.get(resourceId) ?? null) : null })),
    resources,
    idNumberMasked: idNumberEnc ? maskIdNumber(decryptField(idNumberEnc)) : null,
    hasHealthNotes: healthNotesEnc !== null,
    minor: band === 'UNDER_14',
    // the consent on record is shown with what the person's age asks for; stage moves wait for it
    consent: { band, missing, ok: missing.length === 0 },
    followUps: c.followUps.map((f) => ({ ...f, overdue: !f.doneAt && fromDbDate(f.dueOn) < today })),
    moves: CASE_TRANSITIONS[c.status],
    isSupervisor: canAt(scope, 'case.supervise', orgPath),
  })
}

/** Unmasks one sensitive field for its assigned social worker or the community's supervisor; logged. */
export async function revealCaseField(scope: Scope, id: string, field: Field): Promise<Result<string, 'NOT_FOUND'>> {
  const prisma = await db()
  const c = await prisma.caseFile.findFirst({ where: { id, ...visibleCases(scope) }, select: { idNumberEnc: true, healthNotesEnc: true } })
  if (!c) return fail('NOT_FOUND')
  const enc = field === 'idNumber' ? c.idNumberEnc : c.healthNotesEnc
  if (!enc) return fail('NOT_FOUND')
  await logAccess(prisma, scope, id, 'UNMASK', [field])
  return ok(decryptField(enc))
}

/**
 * Records consent to the case (consent.ts): the person's own, a guardian's for a child under 14 (or in the
 * year of the 14th birthday when only the birth year is known), the child's assent beside it. Each is
 * recorded once, at `now`; the write is logged like every other write to the case.
 */
export async function recordConsent(scope: Scope, id: string, input: unknown, now = new Date()): Promise<Result<null, 'NOT_FOUND' | 'INVALID'>> {
  const parsed = ZConsent.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const c = await prisma.caseFile.findFirst({ where: { id, ...visibleCases(scope) }, select: CONSENT_SELECT })
  if (!c) return fail('NOT_FOUND')
  const d = parsed.data
  const band = bandOf(c, now)
  if (!d.consentBy && !d.guardianName) return fail('INVALID', { [band === 'UNDER_14' ? 'guardianName' : 'consentBy']: 'validation.consent.nothing' })
  const { data, errors } = consentUpdate(c, d, band, now)
  if (Object.keys(errors).length) return fail('INVALID', errors)
  await prisma.$transaction(async (tx) => {
    // conditional on what was read: a consent recorded meanwhile by someone else is not overwritten
    const n = await tx.caseFile.updateMany({ where: { id, consentAt: c.consentAt, guardianConsentAt: c.guardianConsentAt, childAssentAt: c.childAssentAt }, data })
    if (n.count === 1) await logAccess(tx, scope, id, 'WRITE', ['consent'])
  })
  return ok(null)
}

/**
 * Saves the ID number and/or health notes, encrypted. Refused until the consent the person's age asks for
 * is on record (consent.ts: the person's own; for a child under 14 the guardian's alone is enough); the
 * consent can be given in the same call. A new ID number's birth date decides the age from then on.
 */
export async function saveSensitive(scope: Scope, id: string, input: unknown, now = new Date()): Promise<Result<null, 'NOT_FOUND' | 'INVALID'>> {
  const parsed = ZSensitive.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const c = await prisma.caseFile.findFirst({ where: { id, ...visibleCases(scope) }, select: CONSENT_SELECT })
  if (!c) return fail('NOT_FOUND')
  const d = parsed.data
  const errors: Record<string, string> = {}
  const validId = d.idNumber && isValidIdNumber(d.idNumber) ? d.idNumber : undefined
  if (d.idNumber && !validId) errors.idNumber = 'validation.idNumber.format'
  if (!d.idNumber && !d.healthNotes) errors.idNumber = 'validation.sensitive.empty'
  const band = bandOf(c, now, validId)
  const consent = consentUpdate(c, d, band, now)
  Object.assign(errors, consent.errors)
  const after = { consentAt: consent.data.consentAt ?? c.consentAt, guardianConsentAt: consent.data.guardianConsentAt ?? c.guardianConsentAt }
  for (const m of missingConsents(after, band)) errors[m === 'own' ? 'consentBy' : 'guardianName'] ??= missingConsentMessage(c, band, m, 'sensitive')
  if (Object.keys(errors).length) return fail('INVALID', errors)
  const fields = [d.idNumber ? 'idNumber' : null, d.healthNotes ? 'healthNotes' : null].filter((x): x is string => !!x)
  await prisma.$transaction(async (tx) => {
    await tx.caseFile.update({
      where: { id },
      data: {
        ...(d.idNumber ? { idNumberEnc: encryptField(d.idNumber) } : {}),
        ...(d.healthNotes ? { healthNotesEnc: encryptField(d.healthNotes) } : {}),
        ...consent.data,
      },
    })
    await logAccess(tx, scope, id, 'WRITE', fields)
  })
  return ok(null)
}

/**
 * One step of the lifecycle. Every move goes beyond intake (none leads back to it), so each needs the
 * consent the person's age asks for on the day of the move (consent.ts: a child who has turned 14 since
 * their guardian consented needs their own now); refused with a `consent` field error, nothing written.
 * Leaving ASSESSMENT needs the assessment, leaving PLANNING the goals, closing the evaluation and an outcome.
 */
export async function advanceCase(scope: Scope, id: string, to: CaseStatus, input: unknown = {}, now = new Date()): Promise<Result<null, 'NOT_FOUND' | 'INVALID' | 'TRANSITION'>> {
  const parsed = ZCaseStep.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const c = await prisma.caseFile.findFirst({ where: { id, ...visibleCases(scope) }, select: { ...CONSENT_SELECT, status: true, orgPath: true, _count: { select: { interventions: true } } } })
  if (!c) return fail('NOT_FOUND')
  if (!CASE_TRANSITIONS[c.status].includes(to)) return fail('TRANSITION')
  const band = bandOf(c, now)
  const [missing] = missingConsents(c, band)
  if (missing) return fail('INVALID', { consent: missingConsentMessage(c, band, missing, 'stage') })
  const { text, outcome } = parsed.data
  // a text or an outcome this step does not keep is refused, never accepted and dropped
  const closing = to === 'CLOSED'
  const strayText = !!text && !(c.status === 'ASSESSMENT' || c.status === 'PLANNING' || closing)
  const strayOutcome = !!outcome && !closing
  if (strayText || strayOutcome) {
    return fail('INVALID', { ...(strayText ? { text: 'validation.caseText.notTaken' } : {}), ...(strayOutcome ? { outcome: 'validation.caseOutcome.notTaken' } : {}) })
  }
  const data: Prisma.CaseFileUpdateManyMutationInput = { status: to }
  if (c.status === 'ASSESSMENT') {
    if (!text) return fail('INVALID', { text: 'validation.caseText.required' })
    data.assessment = text
  }
  if (c.status === 'PLANNING') {
    if (!text) return fail('INVALID', { text: 'validation.caseText.required' })
    data.goals = text
  }
  if (c.status === 'INTERVENTION' && to === 'FOLLOW_UP' && c._count.interventions === 0) return fail('INVALID', { text: 'validation.intervention.none' })
  if (to === 'CLOSED') {
    if (!text || !outcome) return fail('INVALID', { ...(text ? {} : { text: 'validation.caseText.required' }), ...(outcome ? {} : { outcome: 'validation.outcome.required' }) })
    Object.assign(data, { evaluation: text, outcome, closedAt: now })
  }
  if (c.status === 'CLOSED') Object.assign(data, { closedAt: null, outcome: null })
  return prisma.$transaction(async (tx) => {
    const n = await tx.caseFile.updateMany({ where: { id, status: c.status }, data })
    if (n.count !== 1) return fail('TRANSITION')
    // the history keeps status only: the texts are sensitive and stay in the case
    await recordChange(tx, scope, { entity: 'CaseFile', entityId: id, orgPath: c.orgPath, from: c.status, to })
    await logAccess(tx, scope, id, 'WRITE', ['status'])
    return ok(null)
  })
}

export async function addIntervention(scope: Scope, id: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID' | 'TRANSITION'>> {
  const parsed = ZIntervention.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const c = await prisma.caseFile.findFirst({ where: { id, ...visibleCases(scope) }, select: { status: true } })
  if (!c) return fail('NOT_FOUND')
  if (c.status !== 'INTERVENTION' && c.status !== 'FOLLOW_UP') return fail('TRANSITION')
  const d = parsed.data
  if (d.resourceId && !(await prisma.resource.count({ where: { id: d.resourceId, orgUnit: { cases: { some: { id } } } } }))) return fail('INVALID', { resourceId: 'validation.resources.unknown' })
  await prisma.$transaction(async (tx) => {
    await tx.caseIntervention.create({ data: { caseId: id, kind: d.kind, description: d.description, professional: d.professional ?? null, resourceId: d.resourceId ?? null, outcome: d.outcome ?? null, byUserId: scope.userId } })
    await logAccess(tx, scope, id, 'WRITE', ['intervention'])
  })
  return ok(null)
}

export async function scheduleFollowUp(scope: Scope, id: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID'>> {
  const parsed = ZFollowUp.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const c = await prisma.caseFile.findFirst({ where: { id, ...visibleCases(scope), status: { not: 'CLOSED' } }, select: { id: true } })
  if (!c) return fail('NOT_FOUND')
  await prisma.caseFollowUp.create({ data: { caseId: id, dueOn: toDbDate(parsed.data.dueOn), byUserId: scope.userId } })
  return ok(null)
}

export async function completeFollowUp(scope: Scope, followUpId: string, input: unknown): Promise<Result<null, 'NOT_FOUND' | 'INVALID'>> {
  const parsed = ZFollowUpDone.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const prisma = await db()
  const f = await prisma.caseFollowUp.findFirst({ where: { id: followUpId, doneAt: null, case: visibleCases(scope) }, select: { caseId: true } })
  if (!f) return fail('NOT_FOUND')
  await prisma.$transaction(async (tx) => {
    await tx.caseFollowUp.update({ where: { id: followUpId }, data: { doneAt: new Date(), note: parsed.data.note } })
    await logAccess(tx, scope, f.caseId, 'WRITE', ['followUp'])
  })
  return ok(null)
}

/** The caller's cases (assigned, or all of the community for a supervisor) with their overdue follow-ups. */
export async function listMyCases(scope: Scope, now = new Date()) {
  const prisma = await db()
  const today = toDbDate(chinaDate(now))
  return prisma.caseFile.findMany({
    where: visibleCases(scope),
    select: {
      id: true, personName: true, vulnerabilityGroup: true, status: true, createdAt: true, orgUnit: { select: { name: true } },
      _count: { select: { followUps: { where: { doneAt: null, dueOn: { lt: today } } } } },
    },
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take: 200,
  })
}

/** How many follow-ups of the caller's cases are overdue (the social worker's home page flags them). */
export async function overdueFollowUps(scope: Scope, now = new Date()) {
  const prisma = await db()
  return prisma.caseFollowUp.count({ where: { doneAt: null, dueOn: { lt: toDbDate(chinaDate(now)) }, case: visibleCases(scope) } })
}

/** De-identified counts of the subtree: by vulnerability group, status and outcome. Never a name. */
export async function caseStats(scope: Scope) {
  const prisma = await db()
  const where = rowScopeWhere(scope, 'case.stats')
  const [byGroup, byStatus, byOutcome] = await Promise.all([
    prisma.caseFile.groupBy({ by: ['vulnerabilityGroup'], where, _count: { _all: true } }),
    prisma.caseFile.groupBy({ by: ['status'], where, _count: { _all: true } }),
    prisma.caseFile.groupBy({ by: ['outcome'], where: { ...where, outcome: { not: null } }, _count: { _all: true } }),
  ])
  return {
    total: byStatus.reduce((a, r) => a + r._count._all, 0),
    byGroup: Object.fromEntries(byGroup.map((r) => [r.vulnerabilityGroup, r._count._all])),
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])),
    byOutcome: Object.fromEntries(byOutcome.map((r) => [r.outcome!, r._count._all])),
  }
}

/** The access log of a case, for the community's case supervisor only. */
export async function caseAccessLog(scope: Scope, id: string) {
  const prisma = await db()
  const c = await prisma.caseFile.findFirst({ where: { id, ...rowScopeWhere(scope, 'case.supervise') }, select: { id: true } })
  if (!c) return fail('NOT_FOUND')
  const rows = await prisma.caseAccessLog.findMany({ where: { caseId: id }, select: { userId: true, action: true, fields: true, at: true }, orderBy: { at: 'desc' }, take: 500 })
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { id: true, name: true } })
  const names = new Map(users.map((u) => [u.id, u.name]))
  return ok(rows.map((r) => ({ ...r, by: names.get(r.userId) ?? '' })))
}
