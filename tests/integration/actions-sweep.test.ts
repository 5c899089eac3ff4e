// The server-action half of the authorization sweep, and the bad-input fuzz of every action.
//
// Every `actions.ts` under app/ is found on the file system and every exported action in it is called
// — no hand-kept list of actions, so a new one cannot be forgotten (a new action only needs its id
// arguments described in ID_ARGS, or the test fails and says so):
//  1. as every role × (own subtree, sibling subtree, other tenant) × signed out, on records of one
//     community (a world built through the actions themselves). Out of scope and signed out: never
//     ok, nothing written (database snapshot), no foreign name in the answer; signed out goes to the
//     sign-in page. Own subtree: an action that succeeds was allowed by the permission table.
//  2. with generated bad input (wrong types, missing fields, huge strings, unicode edge cases, script
//     and SQL fragments, negative and huge numbers, malformed dates) as a user holding every community
//     role: never an exception, always a translatable error, and nothing written when refused.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Scope } from '@/lib/server/authz/scope'
import type { Permission } from '@/lib/server/authz/permissions'
import type { Role } from '@/lib/server/generated/prisma/enums'
import { isMessageKey } from '@/lib/i18n'
import { createTestTree, createUser, type TestTree, type UnitRef } from '@/tests/factories/org'
import { createTeam, ensureCategories } from '@/tests/factories/workflow'
import { createMigratedDatabase } from '@/tests/setup/throwaway-db'
import { disconnectDb } from '@/lib/server/db'
import { isPostgres, prisma } from './helpers'
import { chinaDate } from '@/lib/china-time'

// ─── the Next.js request context, replaced: the caller is whoever `as()` says ───────────────────────
const ctx = vi.hoisted(() => ({ scope: null as unknown }))
class Redirect extends Error {
  digest: string
  constructor(public url: string) {
    super(`NEXT_REDIRECT ${url}`)
    this.digest = `NEXT_REDIRECT;replace;${url};307;`
  }
}
class NotFound extends Error {
  digest = 'NEXT_HTTP_ERROR_FALLBACK;404'
}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url)
  },
  notFound: () => {
    throw new NotFound('not found')
  },
}))
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {}, updateTag: () => {} }))
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '10.20.30.40' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
}))
vi.mock('@/lib/server/auth/session', async () => {
  const { can } = await import('@/lib/server/authz/scope')
  const nav = await import('next/navigation')
  const getScope = async () => ctx.scope as Scope | null
  const requireScope = async () => {
    if (!ctx.scope) nav.redirect('/login')
    return ctx.scope as Scope
  }
  return {
    getScope,
    requireScope,
    getSessionId: async () => null,
    requirePermission: async (p: Permission) => {
      const s = await requireScope()
      if (!can(s, p)) nav.notFound()
      return s
    },
  }
})

// ─── the actions, from the file system ─────────────────────────────────────────────────────────────
type Action = (...args: unknown[]) => Promise<unknown>
type Found = { key: string; file: string; dir: string; name: string; params: { name: string; type: string }[]; fn: Action }

function actionFiles(dir = 'app'): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? actionFiles(p) : e.name === 'actions.ts' ? [p] : []
  })
}

/** `app/(app)/units/[id]/actions.ts` → `units` (route groups and dynamic segments dropped). */
const dirKey = (file: string) =>
  path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s) && !/^\[.*\]$/.test(s))
    .join('.') || 'app'

async function findActions(): Promise<Found[]> {
  const out: Found[] = []
  for (const file of actionFiles()) {
    const src = fs.readFileSync(file, 'utf8')
    const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>
    for (const m of src.matchAll(/export async function (\w+)\(([^)]*)\)/g)) {
      const params = m[2]
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => ({ name: p.split(':')[0].trim(), type: p.split(':').slice(1).join(':').trim() }))
      const fn = mod[m[1]]
      if (typeof fn !== 'function') throw new Error(`${file}: ${m[1]} is not exported as a function`)
      out.push({ key: `${dirKey(file)}.${m[1]}`, file, dir: dirKey(file), name: m[1], params, fn: fn as Action })
    }
    // every export of a 'use server' file is an action: none may escape the regex above
    for (const [name, v] of Object.entries(mod)) if (typeof v === 'function' && !out.some((a) => a.file === file && a.name === name)) throw new Error(`${file}: export ${name} not recognised`)
  }
  return out
}

// ─── the world: records of one community (A1a), built through the actions themselves ───────────────
type W = Record<string, string>
const w: W = {}
let t: TestTree
let other: TestTree
const users: Record<string, { id: string; scope: Scope; role: Role; where: 'own' | 'sibling' | 'other' }> = {}

const COMMUNITY_ROLES: Role[] = ['COMMUNITY_ADMIN', 'SOCIAL_WORKER', 'SOCIAL_ORG_STAFF', 'TEAM_LEADER', 'VOLUNTEER', 'CASE_SUPERVISOR']
const ALL_ROLES: Role[] = ['REGION_OFFICIAL', 'LEAGUE_OFFICIAL', 'COUNTY_OFFICIAL', ...COMMUNITY_ROLES]

function place(tree: TestTree, role: Role, where: 'own' | 'sibling' | 'other'): UnitRef | null {
  if (where === 'sibling') {
    if (role === 'REGION_OFFICIAL') return null // a region has no sibling inside its tenant: "other tenant" covers it
    return role === 'LEAGUE_OFFICIAL' ? tree.leagueB : role === 'COUNTY_OFFICIAL' ? tree.countyA2 : tree.communityA1b
  }
  return role === 'REGION_OFFICIAL' ? tree.region : role === 'LEAGUE_OFFICIAL' ? tree.leagueA : role === 'COUNTY_OFFICIAL' ? tree.countyA1 : tree.communityA1a
}

async function makeUser(key: string, role: Role, unit: UnitRef, where: 'own' | 'sibling' | 'other', extra: { role: Role; unit: UnitRef }[] = []) {
  const { resolveScope } = await import('@/lib/server/authz/scope')
  const u = await createUser(await prisma(), { tenantId: unit.tenantId, name: `扫描${key}`, roles: [{ role, unit }, ...extra] })
  users[key] = { id: u.id, scope: (await resolveScope(u.id))!, role, where }
  return users[key]
}

const as = (key: string | null) => {
  ctx.scope = key ? users[key].scope : null
}

function form(fields: Record<string, string | string[] | Blob>): FormData {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x)
  return fd
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/
let actions: Found[] = []
const byKey = (key: string) => {
  const a = actions.find((x) => x.key === key)
  if (!a) throw new Error(`no action ${key}`)
  return a
}

async function call(key: string, user: string | null, args: unknown[]) {
  as(user)
  try {
    return await byKey(key).fn(...args)
  } finally {
    as(null)
  }
}

async function must(key: string, user: string, args: unknown[]) {
  const r = (await call(key, user, args)) as { ok?: boolean; redirect?: string }
  if (!r || r.ok !== true) throw new Error(`${key} as ${user}: ${JSON.stringify(r)}`)
  return r.redirect?.match(UUID)?.[0] ?? null
}

let counter = 0
const seq = () => `${Date.now() % 100000}-${++counter}`
const D = (days: number) => new Date(Date.now() + days * 86_400_000)
// China dates (a UTC date is yesterday in China from 00:00 to 08:00: day(0) would lie in the past)
const day = (days: number) => chinaDate(D(days))
const local = (days: number, hhmm: string) => `${day(days)}T${hhmm}`

/** The form each action is replayed with (valid in the world's community). */
const SAMPLES: Record<string, () => Record<string, string | string[]>> = {
  'needs.createNeedAction': () => ({ orgUnitId: w.unit, title: '扫描需求', description: '扫描用的需求说明', categoryId: w.category, targetGroup: 'ELDERLY', source: 'VISIT', urgency: 'LOW', peopleAffected: '1' }),
  'needs.createServiceAction': () => ({ title: '扫描服务', description: '扫描用的服务说明' }),
  'needs.rejectNeedAction': () => ({ reason: '重复登记' }),
  'needs.resolveNeedAction': () => ({ outcome: '已经解决', satisfaction: '5', satisfactionComment: '满意' }),
  'resources.createResourceAction': () => ({ orgUnitId: w.unit, providerName: '扫描商户', providerKind: 'SHOP', type: 'GOODS', categoryIds: [w.category], capacity: '1', availability: '随时' }),
  'services.dispatchOrderAction': () => ({ teamId: w.team }),
  'orders.claimOrderAction': () => ({ teamId: w.team }),
  'teams.createTeamAction': () => ({ orgUnitId: w.unit, name: `扫描新队${seq()}`, kind: 'VOLUNTEER_TEAM', category: 'YOUTH', description: '扫描用的队伍', leaderId: w.volunteer }),
  'teams.updateTeamAction': () => ({ name: '扫描二队', kind: 'VOLUNTEER_TEAM', category: 'OTHER', description: '扫描用的队伍', leaderId: '' }),
  'orders.declineOrderAction': () => ({ teamId: w.team, reason: '人手不足' }),
  'orders.createTaskAction': () => ({ title: '扫描任务', startsAt: local(3, '09:00'), endsAt: local(3, '11:00'), place: '社区', slots: '5', signupDeadline: local(2, '18:00') }),
  'tasks.updateTaskAction': () => ({ title: '扫描任务改', startsAt: local(3, '09:00'), endsAt: local(3, '11:00'), place: '社区', slots: '6', signupDeadline: local(2, '18:00') }),
  'tasks.cancelTaskAction': () => ({ reason: '天气原因' }),
  'tasks.selfCheckAction': () => ({ code: '000000' }),
  'tasks.qrCheckAction': () => ({ token: 'm.1.AAAAAAAAAAAAAAAAAAAAAA' }),
  'venues.createVenueAction': () => ({ orgUnitId: w.unit, name: '扫描活动室', capacity: '20', opensAt: '08:00', closesAt: '20:00' }),
  'venues.bookVenueAction': () => ({ day: day(4), from: '09:00', to: '10:00', purpose: '四点半课堂' }),
  'points.createRewardAction': () => ({ orgUnitId: w.unit, name: '扫描毛巾', cost: '30', stock: '3' }),
  'points.awardPointsAction': () => ({ phone: w.volunteerPhone, amount: '60', reason: '宣传' }),
  'rewards.adjustHoursAction': () => ({ phone: w.volunteerPhone, hours: '2', reason: '补录线下服务' }),
  'projects.createProjectAction': () => ({
    orgUnitId: w.unit, name: '扫描项目', brand: '扫描', targetGroups: ['ELDERLY'], objectives: '为老人代办各类事务', plannedActivities: '每周两次上门代办',
    leadId: w.worker, teamIds: [w.team], needIds: [w.need], fundingSource: 'GOVERNMENT_PURCHASE', fundingYuan: '20000', startDate: day(-30), endDate: day(300),
  }),
  'projects.updateProjectAction': () => SAMPLES['projects.createProjectAction'](),
  'projects.addActivityAction': () => ({ title: '代办', description: '上门代办', categoryId: w.category }),
  'projects.addExpenseAction': () => ({ amountYuan: '350.5', purpose: '交通补贴', spentOn: day(-1) }),
  'practice.createPracticeAction': () => ({ orgUnitId: w.unit, title: '扫描实践案例标题', background: '社区老年人口占比高', approach: '社工带领志愿者建立清单', results: '半年代办三百余件', lessons: '清单化是关键' }),
  'practice.updatePracticeAction': () => SAMPLES['practice.createPracticeAction'](),
  'cases.openCaseAction': () => ({ orgUnitId: w.unit, personName: '李桂英', gender: 'F', birthYear: '1949', vulnerabilityGroup: 'ELDERLY', foundVia: 'VISIT', situation: '独居老人，自行停用降压药' }),
  'cases.addInterventionAction': () => ({ kind: 'REFERRAL', description: '链接社区医生上门', professional: '社区医生' }),
  'cases.scheduleFollowUpAction': () => ({ dueOn: day(10) }),
  'cases.completeFollowUpAction': () => ({ note: '已经回访' }),
  'cases.recordConsentAction': () => ({ consentBy: '李桂英' }),
  'cases.saveSensitiveAction': () => ({ healthNotes: '高血压' }), // the consent is recorded by recordConsentAction, which runs first
  'agencies.createAgencyAction': () => ({ orgUnitId: w.county, name: `扫描社工服务中心${seq()}`, kind: 'SOCIAL_WORK_AGENCY' }),
  'agencies.updateAgencyAction': () => ({ orgUnitId: w.county, name: `扫描社工服务中心${seq()}`, kind: 'SOCIAL_WORK_AGENCY' }),
  'training.createTrainingAction': () => ({ orgUnitId: w.unit, kind: 'LECTURE', title: '扫描培训', date: day(0), hours: '3' }),
  'training.recordAttendanceAction': () => ({ userIds: [w.worker] }),
  'talent.saveWorkerProfileAction': () => ({ certLevel: 'INTERMEDIATE', certNumber: 'ZL2024001', certDate: '2024-06-01', employerKind: 'COMMUNITY' }),
  'talent.setElderlyPopulationAction': () => ({ orgUnitId: w.unit, elderlyPopulation: '300' }),
  'evaluation.createTemplateAction': () => ({ name: '扫描检查表', 'items.0.text': '服务台账齐全', 'items.0.weight': '60', 'items.1.text': '志愿者培训到位', 'items.1.weight': '40' }),
  'evaluation.updateTemplateAction': () => ({ name: '扫描检查表改', 'items.0.text': '服务台账齐全', 'items.0.weight': '50', 'items.1.text': '志愿者培训到位', 'items.1.weight': '50' }),
  'evaluation.scheduleInspectionAction': () => ({ targetKind: 'UNIT', unitId: w.unit, templateId: w.template, date: day(0) }),
  'evaluation.scoreInspectionAction': () => Object.fromEntries(w.items.split(',').map((i) => [`score.${i}`, '5'])),
  'evaluation.orderRectificationAction': () => ({ description: '补齐台账', deadline: day(20) }),
  'evaluation.respondRectificationAction': () => ({ response: '已经补齐' }),
  'evaluation.returnRectificationAction': () => ({ note: '缺少签字' }),
  'evaluation.drawSpotCheckAction': () => ({ kind: 'PILOT', unitId: w.county, size: '1' }),
  'evaluation.createCampaignAction': () => ({ orgUnitId: w.unit, title: '扫描满意度', startsOn: day(0), endsOn: day(30), 'questions.0.kind': 'RATING', 'questions.0.text': '服务态度', 'questions.1.kind': 'RATING', 'questions.1.text': '是否及时', 'questions.2.kind': 'TEXT', 'questions.2.text': '意见建议' }),
  'categories.createCategoryAction': () => ({ name: `扫描类别${seq()}`, sortOrder: '10' }),
  'categories.updateCategoryAction': () => ({ name: `扫描类别${seq()}`, sortOrder: '11', active: 'on' }),
  'units.setPilotAction': () => ({ batch: '扫描批次', start: day(-10), end: day(300) }),
  'units.addEvidenceAction': () => ({ task: '1', title: '扫描佐证材料', url: 'https://example.org/evidence' }),
  'settings.updateTenantSettingsAction': () => ({ pointsPerHour: '10', 'starThresholds.0': '50', 'starThresholds.1': '100', 'starThresholds.2': '150', 'starThresholds.3': '200', 'starThresholds.4': '250', certificationTarget: '50', ceHoursPerYear: '90' }),
  'profile.saveProfileAction': () => ({ realName: '扫描志愿者', kind: 'PARTY_MEMBER', skills: ['CARE'], availability: ['WEEKEND'] }),
  'account.changePasswordAction': () => ({ currentPassword: 'Passw0rd!', newPassword: 'Sweep-New-2026', confirmPassword: 'Sweep-New-2026' }),
  'survey.submitSurveyAction': () => ({ 'a.0': '5', 'a.1': '4', 'a.2': '很好' }),
}

/** What each id-like argument of an action names, by argument name (and the action's folder). */
const ID_ARGS: Record<string, (dir: string) => string | null> = {
  id: (dir) => ({ needs: w.need2, cases: w.case, agencies: w.agency, categories: w.category, practice: w.practice, projects: w.project, evaluation: w.inspection } as Record<string, string>)[dir] ?? null,
  needId: () => w.need,
  serviceItemId: () => w.service,
  orderId: () => w.order,
  taskId: () => w.task,
  volunteerId: () => w.volunteer,
  userId: (dir) => (dir === 'talent' || dir === 'training' ? w.worker : w.volunteer),
  followUpId: () => w.followUp,
  itemId: () => w.reward,
  teamId: () => w.team2,
  requestId: () => w.joinRequest,
  eventId: () => w.training,
  unitId: () => w.unit,
  venueId: () => w.venue,
  inspectionId: () => w.inspection,
  token: () => w.surveyToken,
}
/** evaluation actions whose `id` is not an inspection */
const EVAL_ID: Record<string, () => string> = {
  'evaluation.updateTemplateAction': () => w.template,
  'evaluation.archiveTemplateAction': () => w.template,
  'evaluation.respondRectificationAction': () => w.rectification,
  'evaluation.acceptRectificationAction': () => w.rectification,
  'evaluation.returnRectificationAction': () => w.rectification,
  'evaluation.closeCampaignAction': () => w.campaign,
}

/** Public actions (no sign-in): what they do instead. */
const PUBLIC: Record<string, string> = {
  'app.setLocaleAction': 'sets the language cookie; touches no data',
  'register.registerVolunteerAction': 'volunteer self-registration',
  'login.signInAction': 'the sign-in form: phone and password (limited, audited, locks after 5 wrong)',
  'survey.submitSurveyAction': 'a resident answers a satisfaction survey by its link',
}

/**
 * Actions that no own role gets through in the sweep because of the world's state when they run, not
 * because their sample is wrong (each was checked by hand). Any other action must succeed for some role
 * of its own subtree, which proves its sample valid — so its out-of-scope refusals are about scope.
 */
const STATEFUL: Record<string, string> = {
  'cases.addInterventionAction': 'the case is still at intake',
  'cases.revealAction': 'no ID number is stored for the case',
  'evaluation.updateTemplateAction': 'the template is in use by an inspection',
  'evaluation.scheduleInspectionAction': "templates belong to the county that made them; the county's is taken for the day",
  'evaluation.scoreInspectionAction': 'the inspection is already scored',
  'evaluation.returnRectificationAction': 'the rectification has no response yet',
  'needs.resolveNeedAction': 'the need is not in service',
  'needs.closeNeedAction': 'the need was rejected earlier in the sweep',
  'needs.createServiceAction': 'the need was rejected earlier in the sweep',
  'orders.claimOrderAction': 'the order is already claimed',
  'orders.declineOrderAction': 'the order is already claimed',
  'projects.addActivityAction': 'the project is a draft',
  'projects.addExpenseAction': 'the project is a draft',
  'tasks.selfCheckAction': 'the sample code is wrong on purpose',
  'tasks.qrCheckAction': 'the sample token is forged on purpose (the task starts in three days too)',
  'tasks.staffCheckAction': 'the task starts in three days: check-in opens 30 minutes before the start',
  'units.addEvidenceAction': 'the pilot was withdrawn earlier in the sweep',
}

/** Permissions under which each folder's actions may write (an own-subtree success must hold one). */
const MAY_WRITE: Record<string, Permission[] | 'self'> = {
  needs: ['need.record', 'need.resolve', 'service.manage'],
  resources: ['resource.manage'],
  services: ['order.dispatch'],
  orders: ['order.claim', 'task.manage'],
  tasks: ['task.signup', 'task.manage'],
  teams: ['volunteer.home', 'team.manage', 'team.own', 'volunteer.team'],
  venues: ['venue.manage', 'venue.book'],
  points: ['points.manage', 'volunteer.home'],
  rewards: ['points.manage'],
  projects: ['project.manage', 'project.approve'],
  practice: ['practice.write', 'practice.reviewCounty', 'practice.reviewLeague', 'practice.publish'],
  cases: ['case.work', 'case.supervise'],
  agencies: ['agency.manage'],
  training: ['training.manage'],
  talent: ['talent.manage', 'org.figures'],
  evaluation: ['evaluation.manage', 'evaluation.respond', 'survey.manage'],
  categories: ['category.manage'],
  units: ['org.manage', 'pilot.evidence'],
  settings: ['tenant.settings'],
  profile: ['volunteer.home'],
  certificates: ['volunteer.manage', 'volunteer.home'],
  volunteers: ['volunteer.manage'],
  account: 'self',
  app: 'self',
  register: 'self',
  login: 'self',
  survey: 'self',
}

function argsFor(a: Found, formFields?: Record<string, string | string[]>): unknown[] {
  return a.params.map((p) => {
    if (p.type.includes('FormData')) return form(formFields ?? SAMPLES[a.key]?.() ?? {})
    if (p.name === '_prev') return null
    if (p.type === 'boolean') return a.key === 'volunteers.setVolunteerActiveAction' ? false : true
    const literal = p.type.match(/'([^']+)'/)
    if (literal) return literal[1]
    if (p.name === 'to') return a.dir === 'projects' ? 'SUBMITTED' : a.dir === 'practice' ? 'SUBMITTED' : 'ASSESSMENT'
    if (p.name === 'locale') return 'en'
    const id = EVAL_ID[a.key]?.() ?? ID_ARGS[p.name]?.(a.dir)
    if (!id) throw new Error(`${a.key}: no sample for argument ${p.name}: ${p.type} — describe it in ID_ARGS`)
    return id
  })
}

// ─── database snapshot: every table but the audit trail, the limit counters and sessions ───────────
const UNWATCHED = new Set(['AuditEntry', 'RateLimitBucket', 'UserSession', '_prisma_migrations'])
let snapshotSql = ''
async function snapshot(): Promise<string> {
  const db = await prisma()
  if (!snapshotSql) {
    const tables = (await db.$queryRawUnsafe<{ table_name: string }[]>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`))
      .map((r) => r.table_name)
      .filter((n) => !UNWATCHED.has(n))
    snapshotSql = tables.map((n) => `SELECT '${n}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${n}" x`).join(' UNION ALL ')
  }
  const rows = await db.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(snapshotSql)
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join('\n')
}
function diff(a: string, b: string) {
  const x = new Set(a.split('\n'))
  return b.split('\n').filter((l) => !x.has(l)).map((l) => l.split(':').slice(0, 2).join(' rows='))
}

const FOREIGN_NAMES: string[] = []
const OUTSIDER_ANSWERS = new Set(['error.notFound', 'error.transition', 'form.fixErrors', 'error.badRequest'])
const WORLD_IDS = () => new Set(Object.values(w).flatMap((v) => v.split(',')))
function refsWorld(args: unknown[]): boolean {
  const ids = WORLD_IDS()
  return args.some((a) => (typeof a === 'string' && ids.has(a)) || (a instanceof FormData && [...a.values()].some((v) => typeof v === 'string' && ids.has(v))))
}
const isState = (r: unknown): r is { ok: boolean; error?: string; fieldErrors?: Record<string, string> } => typeof r === 'object' && r !== null && 'ok' in r

let dropDatabase: (() => Promise<void>) | null = null
beforeAll(async () => {
  // the snapshots cover whole tables: on PostgreSQL this file gets a database of its own, so the other
  // test files of the run (writing in parallel to the shared one) cannot disturb them
  if (isPostgres()) {
    const own = await createMigratedDatabase(new URL(process.env.DATABASE_URL!), 'ronghe_sweep')
    process.env.DATABASE_URL = own.url
    dropDatabase = own.drop
  }
  const db = await prisma()
  t = await createTestTree(db, 'sweep')
  other = await createTestTree(db, 'sweepx')
  actions = await findActions()
  for (const role of ALL_ROLES) {
    await makeUser(`${role}:own`, role, place(t, role, 'own')!, 'own')
    const sib = place(t, role, 'sibling')
    if (sib) await makeUser(`${role}:sibling`, role, sib, 'sibling')
    await makeUser(`${role}:other`, role, place(other, role, 'other')!, 'other')
  }
  // the fuzz caller holds every community role of A1a and the officials' roles above it: the most code reached
  const a1a = t.communityA1a
  await makeUser('fuzz', 'COMMUNITY_ADMIN', a1a, 'own', [
    ...(['SOCIAL_WORKER', 'TEAM_LEADER', 'CASE_SUPERVISOR'] as Role[]).map((role) => ({ role, unit: a1a })),
    { role: 'COUNTY_OFFICIAL', unit: t.countyA1 },
    { role: 'REGION_OFFICIAL', unit: t.region },
  ])
  FOREIGN_NAMES.push(t.communityA1a.name, t.countyA1.name)

  const cat = await ensureCategories(db, t.tenant.id)
  await ensureCategories(db, other.tenant.id)
  const own = (r: Role) => `${r}:own`
  Object.assign(w, {
    unit: t.communityA1a.id,
    county: t.countyA1.id,
    category: cat.OTHER,
    worker: users[own('SOCIAL_WORKER')].id,
    volunteer: users[own('VOLUNTEER')].id,
    volunteerPhone: (await db.user.findUniqueOrThrow({ where: { id: users[own('VOLUNTEER')].id }, select: { phone: true } })).phone,
  })
  w.team = (await createTeam(db, { unit: t.communityA1a, name: '扫描队', leaderId: users[own('TEAM_LEADER')].id, memberIds: [w.volunteer] })).id
  w.team2 = (await createTeam(db, { unit: t.communityA1a, name: '扫描二队' })).id
  const run = (key: string, role: Role, args: unknown[]) => must(key, own(role), args)
  const A = (key: string) => byKey(key)

  w.need = (await run('needs.createNeedAction', 'SOCIAL_WORKER', argsFor(A('needs.createNeedAction'))))!
  w.need2 = (await run('needs.createNeedAction', 'SOCIAL_WORKER', argsFor(A('needs.createNeedAction'))))!
  await run('resources.createResourceAction', 'SOCIAL_WORKER', argsFor(A('resources.createResourceAction')))
  w.service = (await run('needs.createServiceAction', 'SOCIAL_WORKER', argsFor(A('needs.createServiceAction'))))!
  await run('services.dispatchOrderAction', 'COMMUNITY_ADMIN', argsFor(A('services.dispatchOrderAction')))
  w.order = (await db.order.findFirstOrThrow({ where: { serviceItemId: w.service }, select: { id: true } })).id
  await run('orders.claimOrderAction', 'TEAM_LEADER', argsFor(A('orders.claimOrderAction')))
  await run('orders.createTaskAction', 'TEAM_LEADER', argsFor(A('orders.createTaskAction')))
  w.task = (await db.task.findFirstOrThrow({ where: { orderId: w.order }, select: { id: true } })).id
  await run('tasks.signUpAction', 'VOLUNTEER', [w.task])
  await run('teams.requestJoinAction', 'VOLUNTEER', [w.team2])
  w.joinRequest = (await db.teamJoinRequest.findFirstOrThrow({ where: { teamId: w.team2 }, select: { id: true } })).id
  await run('venues.createVenueAction', 'COMMUNITY_ADMIN', argsFor(A('venues.createVenueAction')))
  w.venue = (await db.venue.findFirstOrThrow({ where: { orgUnitId: w.unit }, select: { id: true } })).id
  await run('points.createRewardAction', 'COMMUNITY_ADMIN', argsFor(A('points.createRewardAction')))
  for (let i = 0; i < 20; i++) await run('points.awardPointsAction', 'COMMUNITY_ADMIN', argsFor(A('points.awardPointsAction')))
  w.reward = (await db.rewardItem.findFirstOrThrow({ where: { orgUnitId: w.unit }, select: { id: true } })).id
  w.project = (await run('projects.createProjectAction', 'SOCIAL_WORKER', argsFor(A('projects.createProjectAction'))))!
  w.practice = (await run('practice.createPracticeAction', 'SOCIAL_WORKER', argsFor(A('practice.createPracticeAction'))))!
  w.case = (await run('cases.openCaseAction', 'SOCIAL_WORKER', argsFor(A('cases.openCaseAction'))))!
  await run('cases.scheduleFollowUpAction', 'SOCIAL_WORKER', [w.case, null, form(SAMPLES['cases.scheduleFollowUpAction']())])
  w.followUp = (await db.caseFollowUp.findFirstOrThrow({ where: { caseId: w.case }, select: { id: true } })).id
  w.agency = (await run('agencies.createAgencyAction', 'COUNTY_OFFICIAL', argsFor(A('agencies.createAgencyAction'))))!
  w.training = (await run('training.createTrainingAction', 'COMMUNITY_ADMIN', argsFor(A('training.createTrainingAction'))))!
  w.template = (await run('evaluation.createTemplateAction', 'COUNTY_OFFICIAL', argsFor(A('evaluation.createTemplateAction'))))!
  w.items = (await db.checklistItem.findMany({ where: { templateId: w.template }, orderBy: { position: 'asc' }, select: { id: true } })).map((i) => i.id).join(',')
  w.inspection = (await run('evaluation.scheduleInspectionAction', 'COUNTY_OFFICIAL', argsFor(A('evaluation.scheduleInspectionAction'))))!
  await run('evaluation.scoreInspectionAction', 'COUNTY_OFFICIAL', [w.inspection, null, form(SAMPLES['evaluation.scoreInspectionAction']())])
  await run('evaluation.orderRectificationAction', 'COUNTY_OFFICIAL', [w.inspection, null, form(SAMPLES['evaluation.orderRectificationAction']())])
  w.rectification = (await db.rectification.findFirstOrThrow({ where: { inspectionId: w.inspection }, select: { id: true } })).id
  w.campaign = (await run('evaluation.createCampaignAction', 'COMMUNITY_ADMIN', argsFor(A('evaluation.createCampaignAction'))))!
  w.surveyToken = (await db.surveyCampaign.findUniqueOrThrow({ where: { id: w.campaign }, select: { token: true } })).token
  // the record titles are foreign names too: nobody out of scope may see them echoed back
  FOREIGN_NAMES.push('扫描需求', '扫描服务', '扫描任务', '扫描项目', '扫描实践案例标题', '李桂英', '扫描社工服务中心', '扫描培训', '扫描检查表', '扫描满意度', '扫描活动室', '扫描毛巾')
}, 120_000)

afterAll(async () => {
  as(null)
  if (dropDatabase) {
    await disconnectDb()
    await dropDatabase()
  }
})

describe('every server action, enumerated from the file system', () => {
  it('is found, runs through runAction (audited), and has its arguments described', () => {
    expect(actions.length).toBeGreaterThan(70)
    for (const a of actions) {
      const src = fs.readFileSync(a.file, 'utf8')
      const body = src.slice(src.indexOf(`export async function ${a.name}(`)).split(/\nexport /)[0]
      expect(body, `${a.key} must wrap its body in runAction`).toMatch(/return runAction\('/)
      expect(MAY_WRITE[a.dir], `${a.key}: add its folder to MAY_WRITE`).toBeDefined()
      expect(() => argsFor(a)).not.toThrow()
    }
    for (const k of Object.keys(PUBLIC)) expect(actions.some((a) => a.key === k), `PUBLIC lists ${k}, which no longer exists`).toBe(true)
    for (const k of Object.keys(SAMPLES)) expect(actions.some((a) => a.key === k), `SAMPLES lists ${k}, which no longer exists`).toBe(true)
  })

  it('role × (sibling subtree, other tenant, signed out): never succeeds, writes nothing, names nothing foreign', async () => {
    const leaks: string[] = []
    let combos = 0
    let byScope = 0
    const before = await snapshot()
    const outsiders = Object.keys(users).filter((k) => users[k].where !== 'own')
    for (const a of actions) {
      if (PUBLIC[a.key]) continue
      // an action that names no record of the world (issue my own certificate, create a checklist for my
      // own unit) acts on the caller's own ground: out of scope means nothing there, so only signed out
      const refs = refsWorld(argsFor(a))
      for (const who of refs ? [...outsiders, null] : [null]) {
        combos++
        let r: unknown
        try {
          r = await call(a.key, who, argsFor(a))
        } catch (e) {
          if (e instanceof Redirect && e.url === '/login' && who === null) continue
          if (e instanceof NotFound) continue
          leaks.push(`${a.key} as ${who ?? 'signed out'}: threw ${e instanceof Error ? e.message : String(e)}`)
          continue
        }
        if (who === null) leaks.push(`${a.key} signed out: answered ${JSON.stringify(r)} instead of the sign-in page`)
        else if (isState(r) ? r.ok : r !== null && r !== undefined) leaks.push(`${a.key} as ${who}: succeeded out of scope: ${JSON.stringify(r)}`)
        // "not found" (or the deliberately vague "not in this state, or not yours"): an answer about the
        // record's state ("already full", "closed") would tell an outsider it exists
        else if (isState(r) && !OUTSIDER_ANSWERS.has(r.error ?? '')) leaks.push(`${a.key} as ${who}: answer tells the record exists: ${JSON.stringify(r)}`)
        else if (isState(r) && r.error === 'error.notFound') byScope++
        const text = JSON.stringify(r ?? null)
        for (const n of FOREIGN_NAMES) if (text.includes(n)) leaks.push(`${a.key} as ${who}: answer names "${n}"`)
      }
    }
    const after = await snapshot()
    console.log(`action sweep (out of scope): ${combos} (action × role × scope) combinations, ${byScope} answered "not found", ${leaks.length} leaks`)
    expect(leaks).toEqual([])
    expect(diff(before, after), 'out-of-scope calls wrote something').toEqual([])
  }, 300_000)

  it('own subtree: an action succeeds only for a role the permission table allows to write there', async () => {
    const { permissionsOf } = await import('@/lib/server/authz/permissions')
    const wrong: string[] = []
    const allowedSomewhere = new Set<string>()
    let combos = 0
    let succeeded = 0
    for (const a of actions) {
      if (PUBLIC[a.key]) continue
      const may = MAY_WRITE[a.dir]
      for (const role of ALL_ROLES) {
        combos++
        const key = `${role}:own`
        let r: unknown
        try {
          r = await call(a.key, key, argsFor(a))
        } catch (e) {
          if (e instanceof NotFound) continue
          wrong.push(`${a.key} as ${key}: threw ${e instanceof Error ? e.message : String(e)}`)
          continue
        }
        const okay = isState(r) ? r.ok : r !== null && r !== undefined
        if (!okay) continue
        succeeded++
        allowedSomewhere.add(a.key)
        if (may !== 'self' && !may.some((p) => permissionsOf(role).includes(p))) wrong.push(`${a.key} succeeded for ${role}, which holds none of ${may.join(', ')}`)
      }
    }
    console.log(`action sweep (own subtree): ${combos} (action × role) combinations, ${succeeded} allowed writes, ${wrong.length} wrong`)
    const never = actions.filter((a) => !PUBLIC[a.key] && !allowedSomewhere.has(a.key)).map((a) => a.key)
    expect(never.filter((k) => !STATEFUL[k]), 'these actions never succeed: is their sample valid?').toEqual([])
    expect(Object.keys(STATEFUL).filter((k) => !never.includes(k)), 'STATEFUL lists actions that do succeed now').toEqual([])
    expect(wrong).toEqual([])
    expect(succeeded).toBeGreaterThan(20) // the samples are real: most actions do succeed for their role
  }, 300_000)
})

// ─── bad input ──────────────────────────────────────────────────────────────────────────────────────
const HUGE = 'x'.repeat(100_000)
const BAD_VALUES: string[] = [
  '', ' ', HUGE, '-1', '-999999999', '1e308', '99999999999999999999', 'NaN', 'Infinity', '0.000001', '2026-13-45', '0000-00-00', '2026-02-30T25:61',
  "' OR 1=1 --", '"; DROP TABLE "Need"; --', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '\u0000', '\u202Eevil', '\uD800', '👨‍👩‍👧‍👦'.repeat(50), '\u200B\u200B', '../../etc/passwd', '{"$ne":null}',
]
const BAD_IDS: unknown[] = ['', 'x', "' OR 1=1 --", '<script>alert(1)</script>', '00000000-0000-0000-0000-000000000000', HUGE, '\u0000', 42, null, undefined, {}, ['a'], true]

type FuzzCase = { label: string; args: unknown[]; mustRefuse?: boolean }
function fuzzCases(a: Found): FuzzCase[] {
  const cases: FuzzCase[] = []
  const sample = SAMPLES[a.key]?.() ?? {}
  const fields = Object.keys(sample)
  a.params.forEach((p, i) => {
    const base = () => argsFor(a)
    if (p.type.includes('FormData')) {
      cases.push({ label: 'empty form', args: Object.assign(base(), { [i]: form({}) }) })
      for (const f of fields) {
        cases.push({ label: `${f} missing`, args: Object.assign(base(), { [i]: form(Object.fromEntries(Object.entries(sample).filter(([k]) => k !== f))) }) })
        for (const v of BAD_VALUES) cases.push({ label: `${f}=${JSON.stringify(v.slice(0, 20))}`, args: Object.assign(base(), { [i]: form({ ...sample, [f]: v }) }), mustRefuse: MUST_REFUSE.has(v) && f !== 'active' })
        cases.push({ label: `${f}=file`, args: Object.assign(base(), { [i]: form({ ...sample, [f]: new Blob(['<x/>'], { type: 'text/xml' }) }) }) })
      }
      cases.push({ label: 'not a form', args: Object.assign(base(), { [i]: { title: 'x' } }) })
      cases.push({ label: 'null form', args: Object.assign(base(), { [i]: null }) })
    } else if (p.name !== '_prev') {
      for (const v of BAD_IDS) cases.push({ label: `${p.name}=${JSON.stringify(v)?.slice(0, 20)}`, args: Object.assign(base(), { [i]: v }), mustRefuse: typeof v !== 'boolean' })
    }
  })
  return cases
}

/** Values no field of the platform accepts: 100,000 characters (every text has a maximum, every id is a uuid). */
const MUST_REFUSE = new Set<unknown>([HUGE])

describe('bad input to every action', () => {
  it('never throws, always answers with a translatable error, and writes nothing when it refuses', async () => {
    const problems: string[] = []
    let tried = 0
    let refused = 0
    for (const a of actions) {
      if (a.key === 'app.setLocaleAction') continue // writes a cookie only
      let base = await snapshot()
      for (const c of fuzzCases(a)) {
        tried++
        let r: unknown
        try {
          r = await call(a.key, PUBLIC[a.key] ? null : 'fuzz', c.args)
        } catch (e) {
          if (e instanceof NotFound) {
            refused++
            continue
          }
          problems.push(`${a.key} [${c.label}]: threw ${e instanceof Error ? `${e.constructor.name}: ${e.message.slice(0, 200)}` : String(e)}`)
          base = await snapshot()
          continue
        }
        const okay = isState(r) ? r.ok : r !== null && r !== undefined
        if (okay) {
          // accepted: fine for text that may legitimately say "<script>" or "NaN", or an optional field left out
          if (c.mustRefuse) problems.push(`${a.key} [${c.label}]: accepted`)
          base = await snapshot()
          continue
        }
        refused++
        if (isState(r)) {
          if (r.error && !isMessageKey(r.error)) problems.push(`${a.key} [${c.label}]: error "${r.error}" is not a message`)
          for (const [f, m] of Object.entries(r.fieldErrors ?? {})) if (!isMessageKey(m)) problems.push(`${a.key} [${c.label}]: field ${f} error "${m}" is not a message`)
          if (!r.error && !r.fieldErrors) problems.push(`${a.key} [${c.label}]: refused without saying why`)
        }
      }
      const now = await snapshot()
      if (now !== base) problems.push(`${a.key}: a refused input wrote ${diff(base, now).join('; ')}`)
    }
    console.log(`bad-input fuzz: ${tried} inputs to ${actions.length} actions, ${refused} refused, ${problems.length} problems`)
    expect(problems).toEqual([])
    expect(tried).toBeGreaterThan(3000)
  }, 600_000)
})
