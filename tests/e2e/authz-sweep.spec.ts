import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import ts from 'typescript'
import ExcelJS from 'exceljs'
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse, type Browser, type Page } from './fixtures'
import { DEMO_PASSWORD, claimOrderAndCreateTask, createSurvey } from './helpers'

/*
 * The authorization sweep over HTTP: every page (app/**\/page.tsx) and route handler (app/**\/route.ts),
 * found on the file system when the test runs, is called as each of the 15 demo users on records of
 * their own subtree, of a sibling subtree and of the other tenant, and signed out. The expected answer
 * comes from the permission table (lib/server/authz/permissions.ts, evaluated as it is) and the gate each
 * page's source asks for (requirePermission / requireAnyOf / a handler's can()); a page whose gate cannot
 * be read from its source must be listed in SCOPE_ONLY, a dynamic route must have a way to find sample
 * records (DYNAMIC), a public one must be in PUBLIC: otherwise the test fails, so a new route cannot be
 * forgotten. Out of scope → 404 with no foreign unit name nor the record's title in the body; a role
 * without the permission → 404; signed out → /login (pages) or a refusal without data (handlers).
 * Every disagreement is collected and reported at the end, so one run shows them all.
 */

const ROOT = process.cwd()
const APP = path.join(ROOT, 'app')

// ───────────── the permission table, as the app has it ─────────────

type Permission = string
function loadPermissionTable() {
  const file = path.join(ROOT, 'lib/server/authz/permissions.ts')
  const src = fs.readFileSync(file, 'utf8').replace(/^import 'server-only'\s*$/m, '')
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText
  const mod: { exports: Record<string, unknown> } = { exports: {} }
  vm.runInNewContext(js, {
    module: mod,
    exports: mod.exports,
    require: (m: string) => {
      throw new Error(`permissions.ts imports ${m} at run time: the sweep cannot evaluate it`)
    },
  })
  const { PERMISSIONS, permissionsOf } = mod.exports as { PERMISSIONS: readonly string[]; permissionsOf: (role: string) => readonly string[] }
  if (!Array.isArray(PERMISSIONS) || typeof permissionsOf !== 'function') throw new Error('permissions.ts no longer exports PERMISSIONS and permissionsOf')
  return { PERMISSIONS: new Set(PERMISSIONS), permissionsOf }
}
const TABLE = loadPermissionTable()
const known = (p: string, where: string) => {
  if (!TABLE.PERMISSIONS.has(p)) throw new Error(`${where}: '${p}' is not a permission of lib/server/authz/permissions.ts`)
  return p
}

// ───────────── the organisation the demo data lives in ─────────────

/** The units the sweep reasons about (seed: prisma/data/divisions.json), each with its parent. */
const UNITS = {
  IM: { name: '内蒙古自治区', parent: null, tenant: 'IM' },
  TL: { name: '通辽市', parent: 'IM', tenant: 'IM' },
  KEQ: { name: '科尔沁区', parent: 'TL', tenant: 'IM' },
  XJ: { name: '小街社区', parent: 'KEQ', tenant: 'IM' },
  XAM: { name: '兴安盟', parent: 'IM', tenant: 'IM' },
  WLHT: { name: '乌兰浩特市', parent: 'XAM', tenant: 'IM' },
  DQ: { name: '代钦社区', parent: 'WLHT', tenant: 'IM' },
  GS: { name: '甘肃省', parent: null, tenant: 'GS' },
  JC: { name: '金昌市', parent: 'GS', tenant: 'GS' },
  JCQ: { name: '金川区', parent: 'JC', tenant: 'GS' },
  LGL: { name: '龙广里社区', parent: 'JCQ', tenant: 'GS' },
} as const satisfies Record<string, { name: string; parent: string | null; tenant: string }>
type UnitKey = keyof typeof UNITS

function chain(u: UnitKey): UnitKey[] {
  const out: UnitKey[] = []
  for (let k: UnitKey | null = u; k; k = UNITS[k].parent as UnitKey | null) out.unshift(k)
  return out
}
const isWithin = (unit: UnitKey, root: UnitKey) => chain(unit).includes(root)
type Relation = 'own' | 'above' | 'sibling' | 'other-tenant'
function relation(user: UnitKey, record: UnitKey): Relation {
  if (UNITS[user].tenant !== UNITS[record].tenant) return 'other-tenant'
  if (isWithin(record, user)) return 'own'
  if (isWithin(user, record)) return 'above'
  return 'sibling'
}
/** Names a user must never see: units of the sweep that are neither above nor below their own. */
function foreignNames(user: UnitKey): string[] {
  return (Object.keys(UNITS) as UnitKey[]).filter((k) => !isWithin(user, k) && !isWithin(k, user)).map((k) => UNITS[k].name)
}
/** Names of the record's side that the user has no business seeing (its unit and the ancestors not shared). */
function recordForeignNames(user: UnitKey, record: UnitKey): string[] {
  const mine = new Set(chain(user))
  return chain(record).filter((k) => !mine.has(k)).map((k) => UNITS[k].name)
}

type User = { phone: string; role: string; unit: UnitKey }
const USERS: User[] = [
  { phone: '13900000001', role: 'REGION_OFFICIAL', unit: 'IM' },
  { phone: '13900000002', role: 'LEAGUE_OFFICIAL', unit: 'TL' },
  { phone: '13900000003', role: 'LEAGUE_OFFICIAL', unit: 'XAM' },
  { phone: '13900000004', role: 'COUNTY_OFFICIAL', unit: 'KEQ' },
  { phone: '13900000005', role: 'COMMUNITY_ADMIN', unit: 'XJ' },
  { phone: '13900000006', role: 'SOCIAL_WORKER', unit: 'XJ' },
  { phone: '13900000007', role: 'SOCIAL_ORG_STAFF', unit: 'XJ' },
  { phone: '13900000008', role: 'TEAM_LEADER', unit: 'XJ' },
  { phone: '13900000009', role: 'VOLUNTEER', unit: 'XJ' },
  { phone: '13900000012', role: 'CASE_SUPERVISOR', unit: 'XJ' },
  { phone: '13900000010', role: 'COUNTY_OFFICIAL', unit: 'WLHT' },
  { phone: '13900000011', role: 'COMMUNITY_ADMIN', unit: 'DQ' },
  { phone: '13900000101', role: 'REGION_OFFICIAL', unit: 'GS' },
  { phone: '13900000102', role: 'LEAGUE_OFFICIAL', unit: 'JC' },
  { phone: '13900000103', role: 'COMMUNITY_ADMIN', unit: 'LGL' },
]
const user = (phone: string) => USERS.find((u) => u.phone === phone) ?? (() => { throw new Error(`no demo user ${phone}`) })()
const has = (u: User, p: Permission) => TABLE.permissionsOf(u.role).includes(p)

// ───────────── the routes, from the file system ─────────────

type Route = { file: string; kind: 'page' | 'handler'; pattern: string; params: string[]; src: string }

function enumerateRoutes(): Route[] {
  const out: Route[] = []
  const walk = (dir: string, segments: string[]) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name.startsWith('_') || e.name.startsWith('@')) throw new Error(`${full}: private folders and parallel routes are new to the sweep: teach it`)
        walk(full, /^\(.*\)$/.test(e.name) ? segments : [...segments, e.name])
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(e.name)) {
        const pattern = '/' + segments.join('/')
        const params = segments.filter((s) => s.startsWith('[')).map((s) => s.replace(/^\[(\.\.\.)?|\]$/g, ''))
        out.push({ file: path.relative(ROOT, full), kind: e.name.startsWith('page') ? 'page' : 'handler', pattern: pattern === '/' ? '/' : pattern, params, src: fs.readFileSync(full, 'utf8') })
      }
    }
  }
  walk(APP, [])
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern))
}

/** Open to everyone by design; each with why. A listed route that no longer exists fails the test. */
const PUBLIC: Record<string, string> = {
  '/login': 'the sign-in form (a signed-in caller is sent home)',
  '/register': 'volunteer self-registration',
  '/verify': 'anyone checks a certificate by its code',
  '/verify/[code]': 'the check result: holder masked, no data beyond the certificate',
  '/survey/[token]': 'residents answer a survey without an account; the unguessable token is the key',
  '/offline': 'the service worker’s page for no network: precached, reads no session',
  '/api/health': 'liveness probe, no data',
  '/api/auth/[...nextauth]': 'next-auth: csrf, sign-in, sign-out',
  '/api/communities': 'community search for the registration form (names of communities only)',
}

/**
 * The page benchmark's floors (tests/bench/pages.ts): there only when the server starts with BENCH_FLOOR=1,
 * which no test server does: they must answer 404 to everyone, signed in or out. A listed route that no
 * longer exists fails the test, and so does one whose source stops checking BENCH_FLOOR.
 */
const BENCH_ONLY: Record<string, string> = {
  '/floor': 'an empty page through the root layout and the session check',
  '/floor-shell': 'the same inside the signed-in app shell',
  '/floor/api': 'a route handler with the session check',
}

type Gate = { anyOf: Permission[]; why: string } // empty anyOf: any signed-in user

/**
 * Pages that only call requireScope(): the gate the sweep expects, and why. Record pages here are decided
 * per record by DYNAMIC below. An entry for a page that now declares its own gate fails the test (stale).
 */
const SCOPE_ONLY: Record<string, Gate> = {
  '/': { anyOf: [], why: 'the home of every role (officials, community staff, volunteers)' },
  '/account': { anyOf: [], why: "one's own account" },
  '/notifications': { anyOf: [], why: "one's own messages" },
  '/practice': { anyOf: [], why: 'the published library is open to the whole tenant' },
  '/practice/[id]': { anyOf: [], why: 'per record: published cases tenant-wide, others practice.read in the subtree' },
  '/certificates/[id]': { anyOf: [], why: 'per record: the holder, or volunteer.manage over it' },
  '/evaluation/inspections/[id]': { anyOf: [], why: 'per record: evaluation.manage or evaluation.respond over the inspected unit' },
  '/units/[id]': { anyOf: [], why: 'per record: org.read over the unit' },
  '/volunteers': { anyOf: ['volunteer.manage', 'volunteer.team'], why: 'canSeeVolunteers (lib/server/people/volunteers.ts)' },
  '/volunteers/[id]': { anyOf: [], why: 'per record: volunteer.manage over the volunteer, or leading a team of theirs' },
}

/** Handlers whose gate is not a plain `if (!scope || !can(scope, 'x'))`. */
const HANDLER_SPECIAL: Record<string, string> = {
  '/api/exports/[list]': 'one route, many lists: the gate of each list is read from the EXPORTS registry (lib/server/people/exports.ts)',
  '/api/imports/[id]': "the failed rows of one's own import: only the importing user, everyone else 404",
}

function pageGate(r: Route): Gate {
  const perms = [...r.src.matchAll(/requirePermission\('([a-zA-Z.]+)'\)/g)].map((m) => m[1])
  const anyOf = [...r.src.matchAll(/requireAnyOf\(([^)]*)\)/g)].map((m) => [...m[1].matchAll(/'([a-zA-Z.]+)'/g)].map((x) => x[1]))
  const scopeOnly = /requireScope\(\)/.test(r.src)
  if (new Set(perms).size > 1) throw new Error(`${r.file}: asks for several permissions (${[...new Set(perms)].join(', ')}): add it to SCOPE_ONLY-like mapping`)
  if (perms.length && anyOf.length) throw new Error(`${r.file}: both requirePermission and requireAnyOf: teach the sweep`)
  if (new Set(anyOf.map((a) => a.join())).size > 1) throw new Error(`${r.file}: several requireAnyOf lists: teach the sweep`)
  if (perms.length || anyOf.length) {
    if (SCOPE_ONLY[r.pattern]) throw new Error(`${r.file}: declares its own gate now: remove it from SCOPE_ONLY`)
    return perms.length ? { anyOf: [known(perms[0], r.file)], why: `requirePermission('${perms[0]}')` } : { anyOf: anyOf[0].map((p) => known(p, r.file)), why: `requireAnyOf(${anyOf[0].join(', ')})` }
  }
  if (scopeOnly && SCOPE_ONLY[r.pattern]) return { ...SCOPE_ONLY[r.pattern], anyOf: SCOPE_ONLY[r.pattern].anyOf.map((p) => known(p, 'SCOPE_ONLY')) }
  throw new Error(`${r.file}: the sweep cannot tell who may open this page (no requirePermission/requireAnyOf, not in SCOPE_ONLY nor PUBLIC)`)
}

function handlerGate(r: Route): Gate | null {
  // `if (!scope || !can(scope, 'x'))`, or the door of lib/server/security/route-gate.ts: `gateRoute(req, …, (s) => can(s, 'x'), …)`
  const m = [...r.src.matchAll(/if \(!scope \|\| !can\(scope, '([a-zA-Z.]+)'\)\)|gateRoute\(req, [^\n]*?, \(s\) => can\(s, '([a-zA-Z.]+)'\)[,)]/g)].map((x) => [x[0], x[1] ?? x[2]])
  if (m.length === 1) return { anyOf: [known(m[0][1], r.file)], why: `can(scope, '${m[0][1]}')` }
  if (m.length > 1) throw new Error(`${r.file}: several gates: teach the sweep`)
  if (HANDLER_SPECIAL[r.pattern]) return null
  throw new Error(`${r.file}: the sweep cannot tell who may call this handler (add its gate to HANDLER_SPECIAL with a rule)`)
}

/** The lists /api/exports/<list> serves and their gates, read from the registry's source. */
function exportRegistry(): Record<string, Gate> {
  const src = fs.readFileSync(path.join(ROOT, 'lib/server/people/exports.ts'), 'utf8')
  const block = src.slice(src.indexOf('export const EXPORTS'))
  if (!block.startsWith('export const EXPORTS')) throw new Error('lib/server/people/exports.ts: no EXPORTS registry')
  const body = block.slice(block.indexOf('{', block.indexOf('=')) + 1, block.indexOf('\n}'))
  const volunteersSrc = fs.readFileSync(path.join(ROOT, 'lib/server/people/volunteers.ts'), 'utf8')
  const out: Record<string, Gate> = {}
  for (const line of body.split('\n').filter((l) => l.trim())) {
    const m = line.match(/^\s*'?([a-z-]+)'?: \{ allowed: (.+?), file:/)
    if (!m) throw new Error(`exports.ts: cannot read the registry line ${line.trim()}`)
    const [, name, allowed] = m
    let perms: string[]
    if (allowed === '() => true') perms = []
    else if (allowed === 'canSeeVolunteers') {
      const def = volunteersSrc.match(/export const canSeeVolunteers = \(scope: Scope\) => (.+)/)
      if (!def) throw new Error('volunteers.ts: canSeeVolunteers changed shape')
      perms = [...def[1].matchAll(/can\(scope, '([a-zA-Z.]+)'\)/g)].map((x) => x[1])
    } else if (/^\(s\) => can\(s, '[a-zA-Z.]+'\)( \|\| can\(s, '[a-zA-Z.]+'\))*$/.test(allowed)) perms = [...allowed.matchAll(/can\(s, '([a-zA-Z.]+)'\)/g)].map((x) => x[1])
    else throw new Error(`exports.ts: the sweep cannot read who may export '${name}': ${allowed}`)
    out[name] = { anyOf: perms.map((p) => known(p, `EXPORTS.${name}`)), why: allowed }
  }
  if (Object.keys(out).length < 5) throw new Error('exports.ts: the registry reads as almost empty')
  return out
}

/**
 * Every dynamic route that is not public: where its sample records come from, and who may open one.
 * `from`: list pages whose links to the route are harvested while the static pages are swept, as every
 * user; a record is placed at the deepest unit among the users whose list shows it (and a record listed
 * on two branches or in two tenants is itself a leak). `derivedFrom`: the samples of another route with a
 * suffix. `created`: records the beforeAll makes. `broad`: permissions that open any record of the
 * subtree (default: the page's gate); `needToKnow`: permissions that open only the records the user's
 * own list shows (assigned cases, members of one's teams); owners (holder of a certificate, importer)
 * are set on the sample itself.
 */
type Dynamic = { from?: string[]; derivedFrom?: { route: string; suffix: string }; created?: true; broad?: Permission[]; needToKnow?: Permission[] }
const DYNAMIC: Record<string, Dynamic> = {
  '/agencies/[id]': { from: ['/agencies'] },
  '/cases/[id]': { from: ['/cases'], created: true, broad: ['case.supervise'], needToKnow: ['case.work'] },
  '/cases/[id]/log': { derivedFrom: { route: '/cases/[id]', suffix: '/log' }, broad: ['case.supervise'] },
  '/certificates/[id]': { created: true, broad: ['volunteer.manage'] },
  '/evaluation/inspections/[id]': { from: ['/evaluation/inspections'], created: true, broad: ['evaluation.manage', 'evaluation.respond'] },
  '/evaluation/spot-checks/[id]': { from: ['/evaluation/spot-checks'], created: true },
  '/evaluation/surveys/[id]': { from: ['/evaluation/surveys'], created: true },
  '/evaluation/templates/[id]': { from: ['/evaluation/templates'], created: true },
  '/needs/[id]': { from: ['/needs'], created: true },
  '/orders/[id]': { from: ['/orders'], created: true },
  '/practice/[id]': { from: ['/practice?view=review'], created: true, broad: ['practice.read'] },
  '/practice/[id]/edit': { derivedFrom: { route: '/practice/[id]', suffix: '/edit' } },
  '/projects/[id]': { from: ['/projects'], created: true },
  '/projects/[id]/edit': { derivedFrom: { route: '/projects/[id]', suffix: '/edit' } },
  '/services/[id]': { from: ['/services'], created: true },
  '/talent/[userId]': { from: ['/talent'] },
  '/tasks/[id]': { from: ['/tasks'], created: true },
  '/tasks/[id]/check': { derivedFrom: { route: '/tasks/[id]', suffix: '/check' } },
  '/tasks/[id]/poster': { derivedFrom: { route: '/tasks/[id]', suffix: '/poster' } },
  '/tasks/[id]/calendar.ics': { derivedFrom: { route: '/tasks/[id]', suffix: '/calendar.ics' } },
  '/teams/[id]': { from: ['/teams'] },
  '/training/[id]': { from: ['/training'], created: true },
  '/units/[id]': { created: true, broad: ['org.read'] },
  '/venues/[id]': { from: ['/venues'], created: true },
  '/volunteers/[id]': { from: ['/volunteers'], broad: ['volunteer.manage'], needToKnow: ['volunteer.team'] },
  '/api/imports/[id]': { created: true, broad: [] },
  '/api/exports/[list]': {},
}

/** Static pages and handlers that take a unit id in the query (?unit=): probed with units of every side. */
const UNIT_PARAM_PAGES = ['/dashboard', '/dashboard/report', '/evaluation/inspections/new', '/needs', '/pilots', '/projects', '/talent']
/** …of which these answer 404 for a unit out of scope (the others may ignore the filter, but show nothing foreign). */
const UNIT_PARAM_404 = ['/dashboard', '/dashboard/report', '/api/dashboard/export']
const UNIT_PARAM_HANDLERS = ['/api/dashboard/export', '/api/needs/export', '/api/exports/projects', '/api/exports/pilots', '/api/exports/talent']

// ───────────── HTTP ─────────────

const BASE = () => test.info().project.use.baseURL!
const sessions = new Map<string, APIRequestContext>()
let anon: APIRequestContext

async function signInOverHttp(phone: string) {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE() })
  const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const res = await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, phone, password: DEMO_PASSWORD, json: 'true', callbackUrl: BASE() + '/' }, maxRedirects: 0 })
  const cookies = (await ctx.storageState()).cookies
  if (!cookies.some((c) => c.name.endsWith('next-auth.session-token'))) throw new Error(`sign-in of ${phone} failed: ${res.status()} ${await res.text()}`)
  return ctx
}

async function browserAs(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext({ storageState: await sessions.get(phone)!.storageState() })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  return page
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>) {
  let next = 0
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await fn(items[next++])
  }))
}

// ───────────── samples ─────────────

type Sample = { route: string; url: string; unit: UnitKey; label: string; owners?: string[]; listedFor: Set<string>; created: boolean }
const created: Sample[] = []
const harvested = new Map<string, { route: string; url: string; label: string; by: Set<string> }>()
const unitIds: Partial<Record<UnitKey, string>> = {}
const extra = { surveyToken: '', certificateCode: '' }

function routeRegex(pattern: string) {
  return new RegExp('^' + pattern.replace(/\[\.\.\.[^\]]+\]/g, '.+').replace(/\[[^\]]+\]/g, '[^/?#]+') + '$')
}

function addCreated(route: string, url: string, unit: UnitKey, label: string, owners?: string[]) {
  const pathOnly = new URL(url, 'http://x').pathname
  if (!routeRegex(route).test(pathOnly)) throw new Error(`created ${route} sample has an unexpected URL ${pathOnly}`)
  created.push({ route, url: pathOnly, unit, label, owners, listedFor: new Set(), created: true })
}

const stamp = String(Date.now() % 100000)

async function createNeedServiceOrder(page: Page, unit: UnitKey, team: string | null) {
  const title = `越权巡检需求-${UNITS[unit].name}-${stamp}`
  await page.goto('/needs/new')
  await page.getByLabel('标题').fill(title)
  await page.getByLabel('描述').fill('授权巡检用的测试需求，不代表真实居民')
  await page.getByLabel('类别').selectOption({ label: '养老助老' })
  await page.getByLabel('服务对象').selectOption({ label: '老年人' })
  await page.getByLabel('来源').selectOption({ label: '入户走访' })
  await page.getByLabel('涉及人数').fill('1')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.getByTestId('need-title')).toHaveText(title)
  addCreated('/needs/[id]', page.url(), unit, title)
  await page.getByRole('button', { name: '生成服务项目' }).click()
  await expect(page.getByTestId('service-title')).toHaveText(title)
  addCreated('/services/[id]', page.url(), unit, title)
  if (!team) return title
  await page.getByLabel('接单队伍').selectOption({ label: team })
  await page.getByRole('button', { name: '派单' }).click()
  await expect(page.getByTestId('order-status')).toHaveText('待接单')
  addCreated('/orders/[id]', page.url(), unit, title)
  return title
}

async function createVenueSurveyTrainingPractice(page: Page, unit: UnitKey) {
  const venue = `越权巡检场地-${UNITS[unit].name}-${stamp}`
  await page.goto('/venues')
  const vf = page.getByTestId('venue-form')
  await vf.getByLabel('场地名称').fill(venue)
  await vf.getByLabel('容量/数量').fill('10')
  await vf.getByRole('button', { name: '新增场地' }).click()
  await page.getByRole('link', { name: venue }).click()
  await page.waitForURL(/\/venues\/[0-9a-f-]{36}/)
  addCreated('/venues/[id]', page.url(), unit, venue)

  const survey = `越权巡检调查-${UNITS[unit].name}-${stamp}`
  const surveyLink = await createSurvey(page, survey)
  addCreated('/evaluation/surveys/[id]', page.url(), unit, survey)
  if (unit === 'XJ') extra.surveyToken = surveyLink

  const training = `越权巡检培训-${UNITS[unit].name}-${stamp}`
  await page.goto('/training/new')
  const tf = page.getByTestId('training-form')
  await tf.getByLabel('培训主题').fill(training)
  await tf.getByLabel('形式').selectOption({ label: '经验交流' })
  await tf.getByLabel('学时').fill('1')
  await tf.getByRole('button', { name: '提交' }).click()
  await page.waitForURL(/\/training\/[0-9a-f-]{36}$/)
  addCreated('/training/[id]', page.url(), unit, training)

  const practice = `越权巡检案例-${UNITS[unit].name}-${stamp}`
  await page.goto('/practice/new')
  await page.getByLabel('标题').fill(practice)
  await page.getByLabel('背景').fill('授权巡检用的测试案例')
  await page.getByLabel('主要做法').fill('授权巡检用的测试案例')
  await page.getByLabel('成效').fill('授权巡检用的测试案例')
  await page.getByLabel('经验启示').fill('授权巡检用的测试案例')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.getByTestId('practice-status')).toHaveText('草稿')
  addCreated('/practice/[id]', page.url(), unit, practice)
}

async function createXiaojieRecords(browser: Browser) {
  // the community admin: need → service → order for 党旗红, venue, survey, training, practice draft
  const admin = await browserAs(browser, '13900000005')
  const title = await createNeedServiceOrder(admin, 'XJ', '党旗红志愿服务队')
  await createVenueSurveyTrainingPractice(admin, 'XJ')

  // the team leader claims the order and makes a task of it
  const leader = await browserAs(browser, '13900000008')
  await claimOrderAndCreateTask(leader, title)
  addCreated('/tasks/[id]', leader.url(), 'XJ', title)
  for (const p of [admin, leader]) await p.context().close()
}

async function createXiaojieWorkerRecords(browser: Browser) {
  // the social worker: a case (assigned to her) and a project draft
  const worker = await browserAs(browser, '13900000006')
  const person = `巡检对象${stamp}`
  await worker.goto('/cases/new')
  await worker.getByLabel('服务对象姓名').fill(person)
  await worker.getByLabel('出生年份').fill('1950')
  await worker.getByLabel('对象类别').selectOption({ label: '老年人' })
  await worker.getByLabel('发现途径').selectOption({ label: '入户走访' })
  await worker.getByLabel('基本情况').fill('授权巡检用的测试个案')
  await worker.getByRole('button', { name: '提交' }).click()
  await expect(worker.getByTestId('case-person')).toContainText(person)
  addCreated('/cases/[id]', worker.url(), 'XJ', person)

  const project = `越权巡检项目-${stamp}`
  await worker.goto('/projects/new')
  await worker.getByLabel('项目名称').fill(project)
  await worker.getByLabel('品牌名称').fill('巡检')
  await worker.getByLabel('老年人', { exact: true }).check()
  await worker.getByLabel('项目目标').fill('授权巡检用的测试项目')
  await worker.getByLabel('计划活动').fill('授权巡检用的测试项目')
  await worker.getByLabel('负责社工').selectOption({ label: '张晓燕' })
  await worker.getByLabel('经费来源').selectOption({ label: '公益创投' })
  await worker.getByLabel('经费（元）').fill('100')
  await worker.getByLabel('开始日期').fill('2026-09-01')
  await worker.getByLabel('结束日期').fill('2027-06-30')
  await worker.getByRole('button', { name: '提交' }).click()
  await expect(worker.getByTestId('project-status')).toHaveText('草稿')
  addCreated('/projects/[id]', worker.url(), 'XJ', project)

  // the volunteer: an hours certificate (hers alone, and volunteer.manage's over 小街社区)
  const volunteer = await browserAs(browser, '13900000009')
  await volunteer.goto('/points')
  await volunteer.getByRole('button', { name: '开具服务时长证明' }).click()
  await volunteer.waitForURL(/\/certificates\/[0-9a-f-]{36}$/)
  extra.certificateCode = (await volunteer.getByTestId('code').textContent())!.trim()
  addCreated('/certificates/[id]', volunteer.url(), 'XJ', extra.certificateCode, ['13900000009'])

  for (const p of [worker, volunteer]) await p.context().close()
}

/** A checklist and a spot check kept at `unit` by `keeper`; `inspector` (one level up) inspects `unit` itself. */
async function createEvaluationRecords(browser: Browser, keeper: string, unit: UnitKey, inspector: string) {
  const name = UNITS[unit].name
  const page = await browserAs(browser, keeper)
  const template = `越权巡检清单-${name}-${stamp}`
  await page.goto('/evaluation/templates/new')
  const tf = page.getByTestId('template-form')
  await tf.getByLabel('清单名称').fill(template)
  await tf.getByLabel('第 1 项检查内容').fill('台账齐全')
  await tf.getByLabel('第 1 项分值').fill('10')
  await tf.getByRole('button', { name: '提交' }).click()
  await page.waitForURL(/\/evaluation\/templates\/[0-9a-f-]{36}$/)
  addCreated('/evaluation/templates/[id]', page.url(), unit, template)
  await page.goto('/evaluation/spot-checks')
  const spot = page.getByTestId('spot-form')
  await spot.getByLabel('抽查对象').selectOption({ label: '试点社区' })
  await spot.getByLabel('抽查范围').selectOption({ label: name })
  await spot.getByLabel('抽取数量').fill('1')
  await spot.getByRole('button', { name: '随机抽取' }).click()
  await page.getByRole('alertdialog').getByTestId('confirm-yes').click()
  await page.waitForURL(/\/evaluation\/spot-checks\/[0-9a-f-]{36}$/)
  addCreated('/evaluation/spot-checks/[id]', page.url(), unit, '')
  await page.context().close()

  const up = await browserAs(browser, inspector)
  await up.goto('/evaluation/inspections/new')
  const inf = up.getByTestId('inspection-form')
  const target = inf.locator('select[name="unitId"]')
  const value = await target.locator('option', { hasText: new RegExp(`^\\s*${name}$`) }).getAttribute('value')
  await target.selectOption(value!)
  await inf.locator('select[name="templateId"]').selectOption({ label: `${template}（${name}）` })
  await inf.getByRole('button', { name: '提交' }).click()
  await up.waitForURL(/\/evaluation\/inspections\/[0-9a-f-]{36}$/)
  addCreated('/evaluation/inspections/[id]', up.url(), unit, '')
  await up.context().close()
}

/** An agency registered at `unit` by an official of it. */
async function createAgency(browser: Browser, official: string, unit: UnitKey) {
  const page = await browserAs(browser, official)
  const name = `越权巡检社工机构-${UNITS[unit].name}-${stamp}`
  await page.goto('/agencies/new')
  await page.getByLabel('机构名称').fill(name)
  const where = page.locator('select[name="orgUnitId"]')
  if (await where.count()) await where.selectOption(await where.locator('option', { hasText: new RegExp(`^\\s*${UNITS[unit].name}$`) }).getAttribute('value'))
  await page.getByRole('button', { name: '登记机构' }).click()
  await page.waitForURL(/\/agencies\/[0-9a-f-]{36}$/)
  addCreated('/agencies/[id]', page.url(), unit, name)
  await page.context().close()
}

/** A needs import of one bad row: nothing is written, and the failed row is kept for the importer alone. */
async function createImportErrorFile() {
  const ctx = sessions.get('13900000005')!
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await (await ctx.get('/api/needs/template')).body()) as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v).replace(/\*$/, ''))
  ws.addRow(headers.map((h) => ({ 社区: '小街社区', 描述: '缺标题：授权巡检', 涉及人数: -1 })[h] ?? ''))
  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  const res = await ctx.post('/api/needs/import', { multipart: { file: { name: 'sweep.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer } } })
  const last = JSON.parse((await res.text()).trim().split('\n').pop()!) as { type: string; inserted?: number; created?: number; errorFileId?: string }
  if (last.type !== 'done' || !last.errorFileId) throw new Error(`the import did not keep an error file: ${JSON.stringify(last)}`)
  addCreated('/api/imports/[id]', `/api/imports/${last.errorFileId}`, 'XJ', '', ['13900000005'])
}

async function findUnits() {
  for (const [phone, keys] of [['13900000001', ['IM', 'TL', 'KEQ', 'XJ', 'XAM', 'WLHT', 'DQ']], ['13900000101', ['GS', 'JC', 'JCQ', 'LGL']]] as const) {
    const ctx = sessions.get(phone)!
    for (const key of keys) {
      const name = UNITS[key].name
      const html = await (await ctx.get('/units?q=' + encodeURIComponent(name))).text()
      const m = [...html.matchAll(/<a[^>]*href="\/units\/([0-9a-f-]{36})"[^>]*>([^<]*)<\/a>/g)].find((x) => x[2] === name)
      if (m) unitIds[key] = m[1]
      if (unitIds[key]) addCreated('/units/[id]', `/units/${unitIds[key]}`, key, '')
    }
  }
  for (const k of ['XJ', 'KEQ', 'DQ', 'WLHT', 'LGL'] as const) if (!unitIds[k]) throw new Error(`unit ${UNITS[k].name} not found by search`)
}

// ───────────── expectations and checks ─────────────

type Outcome = 'ok' | 'not-found' | 'sign-in'
type Combo = { route: string; url: string; method: 'GET' | 'POST'; user: User | null; scope: Relation | 'static' | 'signed-out'; expect: Outcome; foreign: string[]; xlsx?: boolean; budget?: boolean }
const problems: { leak: boolean; text: string }[] = []
let checked = 0
let limited = 0 // allowed handler calls answered 429 by the abuse limit
let skipped = 0 // allowed export calls left out to keep within the per-user budget

/**
 * Exports are limited per user (lib/server/security/rate-limit.ts: 30 in a 10-minute window), counted once
 * the permission check passed. The sweep spends at most this many per user, so the specs after it that
 * export as the same users (dashboard, xlsx) still can; denied calls cost nothing and are all made.
 */
const EXPORT_BUDGET = 22
const spent = new Map<string, number>()
/** Handlers behind the export limit: gateRoute(…, 'export'). */
const exportLimited = (r: Route) => /gateRoute\([^\n]*'export'[,)]/.test(r.src)

function gateAllows(u: User, gate: Gate) {
  return gate.anyOf.length === 0 || gate.anyOf.some((p) => has(u, p))
}

function recordVisible(u: User, s: Sample, dyn: Dynamic, gate: Gate): boolean {
  if (!gateAllows(u, gate)) return false
  if (s.owners?.includes(u.phone)) return true
  const rel = relation(u.unit, s.unit)
  if (rel !== 'own') return false
  const broad = dyn.broad ?? gate.anyOf
  if (broad.some((p) => has(u, p))) return true
  return (dyn.needToKnow ?? []).some((p) => has(u, p)) && s.listedFor.has(u.phone)
}

const linkOf = (html: string) => [...html.matchAll(/<a\b[^>]*?href="(\/[^"#]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: m[1].replace(/&amp;/g, '&'), text: m[2].replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, ' ').trim() }))

async function xlsxText(body: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(body as unknown as ArrayBuffer)
  return wb.worksheets.map((ws) => JSON.stringify(ws.getSheetValues())).join('\n')
}

async function call(c: Combo): Promise<{ res: APIResponse; body: string }> {
  const ctx = c.user ? sessions.get(c.user.phone)! : anon
  const garbage = { file: { name: 'sweep.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('not a workbook') } }
  let res: APIResponse | null = null
  for (let attempt = 0; attempt < 3 && !res; attempt++) {
    try {
      res = c.method === 'POST' ? await ctx.post(c.url, { multipart: garbage, maxRedirects: 0 }) : await ctx.get(c.url, { maxRedirects: 0 })
    } catch (e) {
      if (attempt === 2) throw e
    }
  }
  const buf = await res!.body()
  const type = res!.headers()['content-type'] ?? ''
  const body = type.includes('spreadsheetml') ? await xlsxText(buf) : buf.toString('utf8')
  if (c.method === 'GET' && res!.status() === 200 && type.includes('text/html')) checkForms(describe(c), body)
  return { res: res!, body }
}

/**
 * Every <form> of every page rendered for every user: a POST with a target (a server action renders
 * method="POST" and posts to the page itself; an upload posts to its route handler), or a GET search
 * form that says so (role="search": its fields belong in the address, like a list's filters). Anything
 * else — a form without a method, or one whose action is React's "javascript:" stand-in for a client
 * function — sends its fields in the address when used before its JavaScript arrives.
 */
const formIssues = new Set<string>()
const formTally = { forms: 0, pages: 0, post: 0, search: 0 }
function checkForms(where: string, html: string) {
  const tags = [...html.matchAll(/<form\b[^>]*>/gi)].map((m) => m[0])
  if (tags.length) formTally.pages++
  for (const tag of tags) {
    formTally.forms++
    const attr = (n: string) => new RegExp(`\\s${n}="([^"]*)"`, 'i').exec(tag)?.[1]
    const method = attr('method')?.toLowerCase()
    const action = attr('action')
    if (method === 'post' && !/^javascript:/i.test(action ?? '')) formTally.post++
    else if (method === 'get' && attr('role') === 'search') formTally.search++
    else formIssues.add(`${where.replace(/ as .*/, '')}: ${tag.slice(0, 160)}`)
  }
}

function describe(c: Combo) {
  return `${c.method} ${c.url} as ${c.user ? `${c.user.phone} ${c.user.role}@${UNITS[c.user.unit].name}` : 'signed out'} [${c.scope}]`
}

async function check(c: Combo): Promise<string> {
  if (c.budget && c.user) {
    const n = spent.get(c.user.phone) ?? 0
    if (n >= EXPORT_BUDGET) {
      skipped++
      return ''
    }
    spent.set(c.user.phone, n + 1)
  }
  checked++
  const { res, body } = await call(c)
  judge(c, res, body)
  return body
}

function judge(c: Combo, res: APIResponse, body: string) {
  const status = res.status()
  const location = res.headers()['location'] ?? ''
  const isHandler = c.url.startsWith('/api/')
  const fail = (leak: boolean, why: string) => problems.push({ leak, text: `${describe(c)}: expected ${c.expect}, ${why}` })
  if (status >= 500) return fail(false, `got ${status}`)
  const shown = c.foreign.filter((n) => n && body.includes(n))
  if (c.expect === 'sign-in') {
    if (isHandler) {
      if (!([401, 403, 404].includes(status) || (status >= 300 && status < 400 && /\/login/.test(location)))) return fail(true, `got ${status}`)
      if ((res.headers()['content-type'] ?? '').includes('spreadsheetml')) return fail(true, 'got a workbook')
    } else if (!(status >= 300 && status < 400 && new URL(location, BASE()).pathname === '/login')) return fail(status === 200, `got ${status} ${location}`)
    return
  }
  if (c.expect === 'not-found') {
    if (status !== 404) return fail(status < 300 || (c.method === 'POST' && status < 500), `got ${status}${location ? ' → ' + location : ''}`)
    if (shown.length) return fail(true, `404 but the body names ${shown.join(', ')}`)
    return
  }
  // 'ok'
  if (status === 429 && isHandler) {
    // the abuse limit (lib/server/security/rate-limit.ts) is applied only after the permission check passed:
    // the caller was let through, as expected; the content could not be checked this time
    limited++
    return
  }
  if (c.method === 'POST') {
    if (status === 404 || status < 200) return fail(false, `got ${status}`)
  } else if (status !== 200) return fail(false, `got ${status}${location ? ' → ' + location : ''}`)
  if (shown.length) return fail(true, `the body names ${shown.join(', ')}`)
  if (c.xlsx && !(res.headers()['content-type'] ?? '').includes('spreadsheetml')) return fail(false, `not a workbook: ${res.headers()['content-type']}`)
}

// ───────────── the tests ─────────────

test.describe.configure({ mode: 'serial' })

const ROUTES = enumerateRoutes()
const EXPORTS = exportRegistry()

test('every page and handler on the file system is classified', () => {
  const patterns = new Set(ROUTES.map((r) => r.pattern))
  const errors: string[] = []
  for (const p of Object.keys(PUBLIC)) if (!patterns.has(p)) errors.push(`PUBLIC lists ${p}, which no longer exists`)
  for (const p of Object.keys(BENCH_ONLY)) if (!patterns.has(p)) errors.push(`BENCH_ONLY lists ${p}, which no longer exists`)
  for (const p of [...Object.keys(SCOPE_ONLY), ...Object.keys(DYNAMIC), ...Object.keys(HANDLER_SPECIAL), ...UNIT_PARAM_PAGES]) if (!patterns.has(p)) errors.push(`the sweep lists ${p}, which no longer exists`)
  for (const r of ROUTES) {
    if (BENCH_ONLY[r.pattern]) {
      if (!/process\.env\.BENCH_FLOOR !== '1'/.test(r.src)) errors.push(`${r.file} is listed BENCH_ONLY but does not check BENCH_FLOOR`)
      continue
    }
    if (PUBLIC[r.pattern]) {
      if (/\b(requireScope|requirePermission|requireAnyOf|getScope)\(/.test(r.src) && r.pattern !== '/login') errors.push(`${r.file} is listed PUBLIC but checks the caller: take it out of PUBLIC`)
      continue
    }
    try {
      if (r.kind === 'page') pageGate(r)
      else handlerGate(r)
    } catch (e) {
      errors.push((e as Error).message)
    }
    if (r.params.length && !DYNAMIC[r.pattern]) errors.push(`${r.file}: dynamic segment(s) ${r.params.join(', ')} the sweep has no samples for: add it to DYNAMIC`)
  }
  for (const r of ROUTES.filter((x) => x.kind === 'page' && !x.params.length)) {
    const takesUnit = /\b(query|q|pre)\.unit\b/.test(r.src)
    if (takesUnit !== UNIT_PARAM_PAGES.includes(r.pattern)) errors.push(`${r.file}: ${takesUnit ? 'reads ?unit= but is not in UNIT_PARAM_PAGES' : 'is in UNIT_PARAM_PAGES but reads no ?unit='}`)
  }
  expect(errors, errors.join('\n')).toEqual([])
  expect(ROUTES.filter((r) => r.kind === 'page').length).toBeGreaterThan(50)
})

test('authorization sweep: every route × every role × own / sibling / other tenant, and signed out', async ({ browser }) => {
  test.setTimeout(420_000)
  const started = Date.now()
  const pages = ROUTES.filter((r) => !PUBLIC[r.pattern] && !BENCH_ONLY[r.pattern])

  await test.step('sign in the 15 demo users over HTTP', async () => {
    anon = await playwrightRequest.newContext({ baseURL: BASE() })
    await pool(USERS, 3, async (u) => {
      sessions.set(u.phone, await signInOverHttp(u.phone))
    })
  })

  await test.step('records of every side: 小街社区, 代钦社区 (sibling), 龙广里社区 (other tenant)', async () => {
    await findUnits()
    // independent lanes, side by side
    await Promise.all([
      createXiaojieRecords(browser),
      (async () => {
        await createImportErrorFile()
        await createXiaojieWorkerRecords(browser)
        // 科尔沁区: a checklist and a spot check; 通辽市 inspects 科尔沁区 itself with it (not 小街社区,
        // whose inspection list another spec reads)
        await createEvaluationRecords(browser, '13900000004', 'KEQ', '13900000002')
      })(),
      (async () => {
        const daiqin = await browserAs(browser, '13900000011')
        await createNeedServiceOrder(daiqin, 'DQ', '代钦红马甲志愿服务队')
        await createVenueSurveyTrainingPractice(daiqin, 'DQ')
        await daiqin.context().close()
        await createEvaluationRecords(browser, '13900000010', 'WLHT', '13900000003')
        await createAgency(browser, '13900000010', 'WLHT')
      })(),
      (async () => {
        const longguangli = await browserAs(browser, '13900000103')
        await createNeedServiceOrder(longguangli, 'LGL', null)
        await createVenueSurveyTrainingPractice(longguangli, 'LGL')
        await longguangli.context().close()
        await createEvaluationRecords(browser, '13900000102', 'JC', '13900000101')
        await createAgency(browser, '13900000102', 'JC')
      })(),
    ])
  })
  const createdAt = Date.now()

  // static pages, as everyone, harvesting the links to records on the way
  const sourcePages = new Map<string, string[]>() // list page URL → dynamic routes harvested from it
  for (const [route, d] of Object.entries(DYNAMIC)) for (const from of d.from ?? []) sourcePages.set(from, [...(sourcePages.get(from) ?? []), route])
  const staticPaths = new Set(ROUTES.filter((r) => !r.params.length).map((r) => r.pattern))
  const staticCombos: Combo[] = []
  for (const r of pages.filter((x) => !x.params.length && x.kind === 'page')) {
    const gate = pageGate(r)
    staticCombos.push({ route: r.pattern, url: r.pattern, method: 'GET', user: null, scope: 'signed-out', expect: 'sign-in', foreign: [] })
    for (const u of USERS) staticCombos.push({ route: r.pattern, url: r.pattern, method: 'GET', user: u, scope: 'static', expect: gateAllows(u, gate) ? 'ok' : 'not-found', foreign: foreignNames(u.unit) })
  }
  for (const from of sourcePages.keys()) {
    if (from.includes('?')) {
      const r = pages.find((x) => x.pattern === from.split('?')[0])!
      for (const u of USERS) staticCombos.push({ route: r.pattern, url: from, method: 'GET', user: u, scope: 'static', expect: gateAllows(u, pageGate(r)) ? 'ok' : 'not-found', foreign: foreignNames(u.unit) })
    }
  }
  await test.step(`static pages: ${staticCombos.length} requests`, async () => {
    await pool(staticCombos, 6, async (c) => {
      const body = await check(c)
      const routes = c.user ? sourcePages.get(c.url) : undefined
      if (!routes) return
      for (const link of linkOf(body)) {
        const url = link.href.split('?')[0]
        if (staticPaths.has(url)) continue // /needs/new is a page of its own, not a need
        for (const route of routes) {
          if (!routeRegex(route).test(url)) continue
          const h = harvested.get(route + ' ' + url) ?? { route, url, label: link.text, by: new Set<string>() }
          h.by.add(c.user!.phone)
          if (!h.label && link.text) h.label = link.text
          harvested.set(route + ' ' + url, h)
        }
      }
    })
  })

  // samples: created records (unit known), harvested ones placed at the deepest unit whose list shows them
  const samples = new Map<string, Sample[]>()
  const add = (s: Sample) => samples.set(s.route, [...(samples.get(s.route) ?? []), s])
  for (const s of created) {
    const h = harvested.get(s.route + ' ' + s.url)
    add({ ...s, listedFor: new Set(h?.by ?? []) })
  }
  for (const h of harvested.values()) {
    const listers = [...h.by].map(user)
    const tenants = new Set(listers.map((u) => UNITS[u.unit].tenant))
    const deepest = listers.map((u) => u.unit).sort((a, b) => chain(b).length - chain(a).length)[0]
    const offBranch = listers.filter((u) => !isWithin(deepest, u.unit))
    if (tenants.size > 1 || offBranch.length) {
      problems.push({ leak: true, text: `${h.url} (${h.label}) is listed on two sides: ${listers.map((u) => `${u.phone}@${UNITS[u.unit].name}`).join(', ')}` })
      continue
    }
    const dup = created.find((s) => s.route === h.route && s.url === h.url)
    if (dup) {
      if (!isWithin(deepest, dup.unit) && !isWithin(dup.unit, deepest)) problems.push({ leak: true, text: `${h.url}, made at ${UNITS[dup.unit].name}, is listed by ${UNITS[deepest].name}` })
      continue
    }
    add({ route: h.route, url: h.url, unit: deepest, label: h.label, listedFor: h.by, created: false })
  }
  for (const [route, d] of Object.entries(DYNAMIC)) {
    if (!d.derivedFrom) continue
    for (const s of samples.get(d.derivedFrom.route) ?? []) add({ ...s, route, url: s.url + d.derivedFrom.suffix })
  }

  // per route: one sample for each unit (created first), and at least one of 小街社区's side
  const dynamicCombos: Combo[] = []
  const coverage: string[] = []
  for (const r of pages.filter((x) => x.params.length)) {
    const dyn = DYNAMIC[r.pattern]
    if (r.pattern === '/api/exports/[list]') continue
    const gate = r.kind === 'page' ? pageGate(r) : (handlerGate(r) ?? { anyOf: [], why: HANDLER_SPECIAL[r.pattern] })
    const all = samples.get(r.pattern) ?? []
    const chosen: Sample[] = []
    for (const s of [...all.filter((x) => x.created), ...all.filter((x) => !x.created)]) if (!chosen.some((x) => x.unit === s.unit)) chosen.push(s)
    const sides = new Set(chosen.map((s) => UNITS[s.unit].tenant + (isWithin(s.unit, 'XAM') ? '-sibling' : '')))
    coverage.push(`${r.pattern}: ${chosen.map((s) => UNITS[s.unit].name).join(', ') || 'NO SAMPLE'}`)
    if (!chosen.length) {
      problems.push({ leak: false, text: `${r.pattern}: no sample record found: the sweep cannot test it` })
      continue
    }
    if (!sides.has('IM')) problems.push({ leak: false, text: `${r.pattern}: no sample on 小街社区's side` })
    dynamicCombos.push({ route: r.pattern, url: chosen[0].url, method: r.src.includes('function POST') ? 'POST' : 'GET', user: null, scope: 'signed-out', expect: 'sign-in', foreign: [] })
    for (const s of chosen)
      for (const u of USERS) {
        const visible = recordVisible(u, s, dyn, gate)
        const foreign = visible ? foreignNames(u.unit) : [...recordForeignNames(u.unit, s.unit), ...(s.label.length >= 4 ? [s.label] : [])]
        dynamicCombos.push({ route: r.pattern, url: s.url, method: 'GET', user: u, scope: s.owners?.includes(u.phone) ? 'own' : relation(u.unit, s.unit), expect: visible ? 'ok' : 'not-found', foreign, budget: exportLimited(r) && visible })
      }
  }

  // handlers: static ones, the export registry (and an unknown list), ?unit= probes
  const handlerCombos: Combo[] = []
  for (const r of pages.filter((x) => x.kind === 'handler' && !x.params.length)) {
    const gate = handlerGate(r)!
    const method = /export async function POST/.test(r.src) ? 'POST' : 'GET'
    handlerCombos.push({ route: r.pattern, url: r.pattern, method, user: null, scope: 'signed-out', expect: 'sign-in', foreign: [] })
    for (const u of USERS) handlerCombos.push({ route: r.pattern, url: r.pattern, method, user: u, scope: 'static', expect: gateAllows(u, gate) ? 'ok' : 'not-found', foreign: foreignNames(u.unit), xlsx: method === 'GET', budget: exportLimited(r) && gateAllows(u, gate) })
  }
  const exportsRoute = pages.find((x) => x.pattern === '/api/exports/[list]')!
  for (const [list, gate] of [...Object.entries(EXPORTS), ['no-such-list', null] as const]) {
    const url = `/api/exports/${list}`
    handlerCombos.push({ route: '/api/exports/[list]', url, method: 'GET', user: null, scope: 'signed-out', expect: 'sign-in', foreign: [] })
    for (const u of USERS) handlerCombos.push({ route: '/api/exports/[list]', url, method: 'GET', user: u, scope: 'static', expect: gate && gateAllows(u, gate) ? 'ok' : 'not-found', foreign: foreignNames(u.unit), xlsx: true, budget: exportLimited(exportsRoute) && !!gate && gateAllows(u, gate) })
  }
  const unitCombos: Combo[] = []
  for (const target of UNIT_PARAM_PAGES.concat(UNIT_PARAM_HANDLERS)) {
    const r = pages.find((x) => x.pattern === target) ?? pages.find((x) => x.pattern === '/api/exports/[list]')!
    const gate = target.startsWith('/api/exports/') ? EXPORTS[target.split('/').pop()!] : r.kind === 'page' ? pageGate(r) : handlerGate(r)!
    if (!gate) throw new Error(`${target}: not in the export registry`)
    for (const unit of ['XJ', 'KEQ', 'DQ', 'LGL'] as const) {
      const url = `${target}?unit=${unitIds[unit]}`
      for (const u of USERS) {
        const rel = relation(u.unit, unit)
        // exports are rate-limited per user: a handler is probed with the units of other sides only (own
        // units are what its plain export already shows)
        if (r.kind === 'handler' && (rel === 'own' || unit === 'KEQ')) continue
        const inScope = gateAllows(u, gate) && rel === 'own'
        const expectation: Outcome = !gateAllows(u, gate) ? 'not-found' : inScope || !UNIT_PARAM_404.includes(target) ? 'ok' : 'not-found'
        unitCombos.push({ route: target + '?unit', url, method: 'GET', user: u, scope: rel, expect: expectation, foreign: expectation === 'ok' ? foreignNames(u.unit) : recordForeignNames(u.unit, unit), xlsx: expectation === 'ok' && r.kind === 'handler', budget: r.kind === 'handler' && exportLimited(r) && gateAllows(u, gate) })
      }
    }
  }
  await test.step(`record pages, handlers and ?unit= probes: ${dynamicCombos.length + handlerCombos.length + unitCombos.length} requests`, async () => {
    // exports are budgeted per user (EXPORT_BUDGET): the probes with units of another side first, then the
    // lists, so what is cut short is the least telling
    const byRisk = (c: Combo) => (c.scope === 'sibling' || c.scope === 'other-tenant' || c.scope === 'above' ? 0 : 1)
    await pool([...dynamicCombos, ...[...unitCombos].sort((a, b) => byRisk(a) - byRisk(b)), ...handlerCombos], 6, check)
  })

  // public routes: open signed out
  await test.step('public routes answer signed out', async () => {
    for (const url of ['/login', '/register', '/verify', '/api/health', `/verify/${extra.certificateCode}`, extra.surveyToken, '/api/communities?q=' + encodeURIComponent('小街')]) {
      checked++
      const res = await anon.get(url, { maxRedirects: 0 })
      if (res.status() !== 200) problems.push({ leak: false, text: `public ${url}: got ${res.status()}` })
      else if ((res.headers()['content-type'] ?? '').includes('text/html')) checkForms(`GET ${url} signed out`, await res.text())
    }
    for (const url of ['/verify/ABCDEFGHJKLM', '/survey/' + 'x'.repeat(24)]) {
      checked++
      const res = await anon.get(url, { maxRedirects: 0 })
      if (res.status() !== 404) problems.push({ leak: res.status() === 200, text: `public ${url}: a made-up code got ${res.status()}` })
    }
  })

  // the benchmark's floors: not there without BENCH_FLOOR=1
  await test.step('bench-only routes answer 404', async () => {
    const combos: Combo[] = []
    for (const url of Object.keys(BENCH_ONLY)) {
      combos.push({ route: url, url, method: 'GET', user: null, scope: 'signed-out', expect: 'not-found', foreign: [] })
      for (const u of USERS) combos.push({ route: url, url, method: 'GET', user: u, scope: 'static', expect: 'not-found', foreign: [] })
    }
    await pool(combos, 6, check)
  })

  const leaks = problems.filter((p) => p.leak)
  const tally = new Map<string, number>()
  for (const c of [...staticCombos, ...dynamicCombos, ...handlerCombos, ...unitCombos]) tally.set(`${c.scope} → ${c.expect}`, (tally.get(`${c.scope} → ${c.expect}`) ?? 0) + 1)
  console.log(`by scope and expected answer: ${[...tally].sort().map(([k, n]) => `${k}: ${n}`).join('; ')}`)
  const seconds = Math.round((Date.now() - started) / 1000)
  console.log(`samples per dynamic route:\n  ${coverage.join('\n  ')}`)
  if (limited) console.log(`${limited} permitted export calls answered 429 (abuse limit after the permission check): permission confirmed, content not read`)
  if (skipped) console.log(`${skipped} permitted export calls left out to stay within ${EXPORT_BUDGET} exports per user (denied ones all made)`)
  console.log(`authz sweep: ${checked} (route × role × scope) combinations, ${leaks.length} leaks, ${problems.length - leaks.length} other disagreements (${seconds} s, of which ${Math.round((createdAt - started) / 1000)} s making records)`)
  console.log(`forms: ${formTally.forms} on ${formTally.pages} pages rendered — ${formTally.post} POST, ${formTally.search} GET search, ${formIssues.size} without a POST target`)
  expect(problems.map((p) => (p.leak ? 'LEAK ' : 'WRONG ') + p.text).join('\n') || 'none').toBe('none')
  expect(leaks).toHaveLength(0)
  expect([...formIssues].join('\n') || 'none').toBe('none')
  // the check saw the platform's forms: sign-in, registration, the workflow's, the public survey's …
  expect(formTally.post).toBeGreaterThan(100)
})
