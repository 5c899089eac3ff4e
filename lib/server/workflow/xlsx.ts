import 'server-only'
import { createHash, randomUUID } from 'node:crypto'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { z, type ZodError } from 'zod'
import { db } from '../db'
import { can, unitScopeWhere, type Scope } from '../authz/scope'
import type { Permission } from '../authz/permissions'
import { ok, type Ok } from '../result'
import { isMessageKey, makeT, messagesFor, translateError, type Params, type Translate } from '@/lib/i18n'
import { chinaDate, chinaDateTime } from '@/lib/china-time'
import type { xlsxZhCN } from '@/lib/i18n/messages/xlsx.zh-CN'
import {
  NEED_SOURCES,
  NEED_STATUSES,
  PROVIDER_KINDS,
  RESOURCE_TYPES,
  TARGET_GROUPS,
  URGENCIES,
  ZCreateNeed,
  ZCreateResource,
  type TCreateNeed,
  type TCreateResource,
  type TNeedListQuery,
  type TResourceListQuery,
} from '@/lib/schemas/workflow'
import { AVAILABILITY, GENDERS, SKILLS, VOLUNTEER_KINDS, ZImportVolunteer, type TImportVolunteer } from '@/lib/schemas/volunteers'
import { importVolunteerRow } from '../people/volunteer-import'
import { listCategories } from './categories'
import { actingCommunity, recordChange } from './common'
import { countNeeds, needRow, needsAfter, type NeedDto } from './needs'
import { countResources, resourceRow, resourcesAfter, type ResourceDto } from './resources'
import { countOrders, ordersAfter, type OrderListQuery } from './orders'
import { countServices, servicesAfter } from './services'
import { countTasks, tasksAfter } from './tasks'

/*
 * Spreadsheet import and export of the needs list (需求清单) and the resources list (资源清单).
 * The only module that uses exceljs.
 *
 * - The files are always Chinese (headers, instructions, error reasons), whatever the UI language:
 *   the header row is the file format, so it must not change with a cookie.
 * - Import validates every row with the same zod schemas as the forms (ZCreateNeed / ZCreateResource),
 *   checks the community with actingCommunity like createNeed / createResource do, and inserts with
 *   `importKey` = sha256 of the normalised row, under @@unique([orgUnitId, importKey]) with
 *   ON CONFLICT DO NOTHING: re-importing a file (or a concurrent double upload) adds nothing twice.
 * - Export reads needsAfter / resourcesAfter (the list's where, order and masking, by cursor) so it holds exactly the on-screen filter, scope
 *   and masking (never a second copy of the masking rules).
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024
export const IMPORT_MAX_ROWS = 5_000
export const EXPORT_MAX_ROWS = 50_000
const PROGRESS_EVERY = 100
const EXPORT_PAGE_SIZE = 500
const COMMUNITY_LIMIT = 500
// a 5 MB .xlsx of 5,000 rows inflates to a few MB of XML; far more means a zip bomb
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
const MAX_ZIP_ENTRIES = 500

type XlsxKey = keyof typeof xlsxZhCN

/** Chinese, always: the spreadsheets' language. */
const zh: Translate = makeT(messagesFor('zh-CN'))

// ---------------------------------------------------------------------------------------------
// Labels of the enums
// ---------------------------------------------------------------------------------------------

/**
 * The Chinese labels of the enums. The catalog's `targetGroup.<CODE>` … keys win when present (see
 * `label`); this table is the fallback until the two are unified.
 */
const TASK_STATUSES = ['OPEN', 'CANCELLED', 'DONE'] as const
const ORDER_STATUSES = ['DISPATCHED', 'CLAIMED', 'DECLINED', 'CANCELLED'] as const

const ENUM_VALUES = {
  targetGroup: TARGET_GROUPS,
  needSource: NEED_SOURCES,
  urgency: URGENCIES,
  needStatus: NEED_STATUSES,
  providerKind: PROVIDER_KINDS,
  resourceType: RESOURCE_TYPES,
  orderStatus: ORDER_STATUSES,
  taskStatus: TASK_STATUSES,
  gender: GENDERS,
  volunteerKind: VOLUNTEER_KINDS,
  skill: SKILLS,
  availability: AVAILABILITY,
} as const
type LabelKind = keyof typeof ENUM_VALUES

/** The Chinese label of an enum value, from the message catalog (the same words as the screens). */
function label(kind: LabelKind, code: string): string {
  const key = `${kind}.${code}`
  return isMessageKey(key) ? zh(key) : code
}

const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase()

/** label or the code itself → code */
function enumLookup(kind: LabelKind): Map<string, string> {
  const m = new Map<string, string>()
  for (const code of ENUM_VALUES[kind]) {
    m.set(norm(code), code)
    m.set(norm(label(kind, code)), code)
  }
  return m
}

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

type ListName = 'community' | 'category' | LabelKind
type Column = {
  id: string
  header: XlsxKey
  /** the field of the zod schema this column feeds (its issues are reported on this column) */
  field: string
  width: number
  required: boolean
  list?: ListName
  /** text cells (phones: keep leading zeros, no scientific notation) */
  text?: boolean
  whole?: [number, number]
}

const NEED_COLUMNS: Column[] = [
  { id: 'community', header: 'xlsx.col.community', field: 'orgUnitId', width: 20, required: false, list: 'community' },
  { id: 'title', header: 'xlsx.col.title', field: 'title', width: 26, required: true },
  { id: 'description', header: 'xlsx.col.description', field: 'description', width: 40, required: true },
  { id: 'category', header: 'xlsx.col.category', field: 'categoryId', width: 14, required: true, list: 'category' },
  { id: 'targetGroup', header: 'xlsx.col.targetGroup', field: 'targetGroup', width: 14, required: true, list: 'targetGroup' },
  { id: 'source', header: 'xlsx.col.source', field: 'source', width: 12, required: true, list: 'needSource' },
  { id: 'urgency', header: 'xlsx.col.urgency', field: 'urgency', width: 12, required: true, list: 'urgency' },
  { id: 'peopleAffected', header: 'xlsx.col.peopleAffected', field: 'peopleAffected', width: 10, required: true, whole: [1, 100_000] },
  { id: 'residentName', header: 'xlsx.col.residentName', field: 'residentName', width: 12, required: false, text: true },
  { id: 'residentPhone', header: 'xlsx.col.residentPhone', field: 'residentPhone', width: 16, required: false, text: true },
]

const RESOURCE_COLUMNS: Column[] = [
  { id: 'community', header: 'xlsx.col.community', field: 'orgUnitId', width: 20, required: false, list: 'community' },
  { id: 'providerName', header: 'xlsx.col.providerName', field: 'providerName', width: 24, required: true },
  { id: 'providerKind', header: 'xlsx.col.providerKind', field: 'providerKind', width: 14, required: true, list: 'providerKind' },
  { id: 'type', header: 'xlsx.col.resourceType', field: 'type', width: 12, required: true, list: 'resourceType' },
  { id: 'categories', header: 'xlsx.col.categories', field: 'categoryIds', width: 26, required: true },
  { id: 'capacity', header: 'xlsx.col.capacity', field: 'capacity', width: 12, required: true, whole: [1, 1_000_000] },
  { id: 'availability', header: 'xlsx.col.availability', field: 'availability', width: 22, required: true },
  { id: 'contactName', header: 'xlsx.col.contactName', field: 'contactName', width: 12, required: false, text: true },
  { id: 'contactPhone', header: 'xlsx.col.contactPhone', field: 'contactPhone', width: 16, required: false, text: true },
  { id: 'description', header: 'xlsx.col.resourceDescription', field: 'description', width: 36, required: false },
]

const VOLUNTEER_COLUMNS: Column[] = [
  { id: 'community', header: 'xlsx.col.community', field: 'orgUnitId', width: 20, required: false, list: 'community' },
  { id: 'phone', header: 'xlsx.col.phone', field: 'phone', width: 16, required: true, text: true },
  { id: 'realName', header: 'xlsx.col.realName', field: 'realName', width: 12, required: true, text: true },
  { id: 'idNumber', header: 'xlsx.col.idNumber', field: 'idNumber', width: 22, required: false, text: true },
  { id: 'gender', header: 'xlsx.col.gender', field: 'gender', width: 8, required: false, list: 'gender' },
  { id: 'birthYear', header: 'xlsx.col.birthYear', field: 'birthYear', width: 10, required: false, whole: [1920, 2030] },
  { id: 'kind', header: 'xlsx.col.volunteerKind', field: 'kind', width: 14, required: true, list: 'volunteerKind' },
  { id: 'skills', header: 'xlsx.col.skills', field: 'skills', width: 26, required: false },
  { id: 'availability', header: 'xlsx.col.availability', field: 'availability', width: 22, required: false },
]

/** "标题*", " 标题 ", "标题（必填）" → "标题" */
const normHeader = (s: string) => s.replace(/[\s*＊]/g, '').replace(/[（(].*[）)]$/, '')

// ---------------------------------------------------------------------------------------------
// Who may import where
// ---------------------------------------------------------------------------------------------

type Community = { id: string; name: string; code: string; path: string }

/** Communities where the caller holds `permission` (need.record / resource.manage), by name. */
async function importableCommunities(scope: Scope, permission: Permission): Promise<Community[]> {
  const prisma = await db()
  return prisma.orgUnit.findMany({
    where: { level: 'COMMUNITY', ...unitScopeWhere(scope, permission) },
    select: { id: true, name: true, code: true, path: true },
    orderBy: [{ name: 'asc' }, { code: 'asc' }],
    take: COMMUNITY_LIMIT,
  })
}

/** The name shown in the template's list; a name two communities share gets its code. */
function communityChoices(communities: Community[]) {
  const count = new Map<string, number>()
  for (const c of communities) count.set(c.name, (count.get(c.name) ?? 0) + 1)
  return communities.map((c) => ({ ...c, display: count.get(c.name)! > 1 ? `${c.name}（${c.code}）` : c.name, shared: count.get(c.name)! > 1 }))
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

type HelpList = { header: XlsxKey; list: ListName; values: string[] }

type TemplateKind = 'needs' | 'resources' | 'volunteers'
const TEMPLATE = {
  needs: { columns: NEED_COLUMNS, permission: 'need.record', sheet: 'xlsx.sheet.needs' },
  resources: { columns: RESOURCE_COLUMNS, permission: 'resource.manage', sheet: 'xlsx.sheet.resources' },
  volunteers: { columns: VOLUNTEER_COLUMNS, permission: 'volunteer.manage', sheet: 'xlsx.sheet.volunteers' },
} as const satisfies Record<TemplateKind, { columns: Column[]; permission: Permission; sheet: XlsxKey }>

async function buildTemplate(scope: Scope, kind: TemplateKind): Promise<Buffer> {
  const needs = kind === 'needs'
  const { columns, permission, sheet: sheetName } = TEMPLATE[kind]
  const communities = communityChoices(await importableCommunities(scope, permission))
  const categories = kind === 'volunteers' ? [] : await listCategories(scope)
  const enumValues = (k: LabelKind) => ENUM_VALUES[k].map((c) => label(k, c))

  const lists: HelpList[] = [
    { header: 'xlsx.col.community', list: 'community', values: communities.map((c) => c.display) },
    ...(kind === 'volunteers'
      ? ([
          { header: 'xlsx.col.gender', list: 'gender', values: enumValues('gender') },
          { header: 'xlsx.col.volunteerKind', list: 'volunteerKind', values: enumValues('volunteerKind') },
          { header: 'xlsx.col.skills', list: 'skill', values: enumValues('skill') },
          { header: 'xlsx.col.availability', list: 'availability', values: enumValues('availability') },
        ] as HelpList[])
      : needs
      ? ([
          { header: 'xlsx.col.category', list: 'category', values: categories.map((c) => c.name) },
          { header: 'xlsx.col.targetGroup', list: 'targetGroup', values: enumValues('targetGroup') },
          { header: 'xlsx.col.source', list: 'needSource', values: enumValues('needSource') },
          { header: 'xlsx.col.urgency', list: 'urgency', values: enumValues('urgency') },
        ] as HelpList[])
      : ([
          { header: 'xlsx.col.providerKind', list: 'providerKind', values: enumValues('providerKind') },
          { header: 'xlsx.col.resourceType', list: 'resourceType', values: enumValues('resourceType') },
          { header: 'xlsx.col.categories', list: 'category', values: categories.map((c) => c.name) },
        ] as HelpList[])),
  ]
  const one = communities.length === 1 ? communities[0] : null
  const requirements: string[] = [
    zh('xlsx.help.intro'),
    one ? zh('xlsx.help.communityOne', { name: one.display }) : zh('xlsx.help.communityMany'),
    ...(kind === 'volunteers'
      ? [zh('xlsx.help.volunteerPhone'), zh('xlsx.help.volunteerId'), zh('xlsx.help.volunteerLists'), zh('xlsx.help.volunteerAccount')]
      : needs
      ? [zh('xlsx.help.title'), zh('xlsx.help.description'), zh('xlsx.help.needLists'), zh('xlsx.help.peopleAffected'), zh('xlsx.help.resident')]
      : [zh('xlsx.help.providerName'), zh('xlsx.help.resourceLists'), zh('xlsx.help.categories'), zh('xlsx.help.capacity'), zh('xlsx.help.availability'), zh('xlsx.help.contact')]),
    zh('xlsx.help.noMarkup'),
    zh('xlsx.help.formulas'),
    zh('xlsx.help.limits'),
    zh('xlsx.help.errorFile'),
  ]

  const wb = new ExcelJS.Workbook()
  wb.creator = 'Ronghe'
  const sheet = wb.addWorksheet(zh(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ header: zh(c.header), key: c.id, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }))
  styleHeader(sheet.getRow(1))

  const helpName = zh('xlsx.sheet.help')
  const help = wb.addWorksheet(helpName)
  lists.forEach((l, i) => {
    const col = help.getColumn(i + 1)
    col.width = l.list === 'community' ? 28 : 16
    col.values = [zh(l.header), ...l.values]
  })
  const reqCol = help.getColumn(lists.length + 2)
  reqCol.width = 90
  reqCol.values = [zh('xlsx.col.requirements'), ...requirements]
  reqCol.alignment = { wrapText: true, vertical: 'top' }
  styleHeader(help.getRow(1))

  // drop-downs on the data rows, fed from the lists of the instructions sheet
  const validations = (sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations
  const last = IMPORT_MAX_ROWS + 1
  columns.forEach((c, i) => {
    const letter = sheet.getColumn(i + 1).letter
    const range = `${letter}2:${letter}${last}`
    const li = lists.findIndex((l) => l.list === c.list)
    if (c.list && li >= 0 && lists[li].values.length) {
      const listLetter = help.getColumn(li + 1).letter
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`'${helpName}'!$${listLetter}$2:$${listLetter}$${lists[li].values.length + 1}`],
        showErrorMessage: true,
        errorStyle: 'stop',
        error: zh('xlsx.dv.pickFromList'),
      })
    } else if (c.whole) {
      validations.add(range, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: c.whole,
        showErrorMessage: true,
        error: zh('xlsx.dv.whole', { min: c.whole[0], max: c.whole[1] }),
      })
    }
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true }
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F5F9' } }
}

/** The needs import template (需求清单导入模板): headers, drop-downs, and the 填写说明 sheet. */
export function needTemplate(scope: Scope): Promise<Buffer> {
  return buildTemplate(scope, 'needs')
}

/** The resources import template (资源清单导入模板). */
export function resourceTemplate(scope: Scope): Promise<Buffer> {
  return buildTemplate(scope, 'resources')
}

/** The volunteers import template (志愿者导入模板). */
export function volunteerTemplate(scope: Scope): Promise<Buffer> {
  return buildTemplate(scope, 'volunteers')
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

export type ImportSummary = { total: number; created: number; duplicates: number; failed: number; errorFile: Buffer | null }
/** The whole file is refused (nothing written): a message key of the catalog and its parameters. */
export type ImportRefused = { ok: false; error: 'NOT_FOUND' | 'TOO_LARGE' | 'TOO_MANY_ROWS' | 'UNREADABLE' | 'EMPTY' | 'MISSING_COLUMNS'; message: XlsxKey; params?: Params }
export type ImportResult = Ok<ImportSummary> | ImportRefused
export type OnProgress = (done: number, total: number) => void

const refuse = (error: ImportRefused['error'], message: XlsxKey, params?: Params): ImportRefused => ({ ok: false, error, message, ...(params ? { params } : {}) })

/** formulas: the imported columns whose cell holds a formula (column id → "C3"), refused row by row */
type SheetRow = { original: string[]; cells: Record<string, string>; formulas?: Map<string, { row: number; column: string }> }
type Sheet = { headers: string[]; rows: SheetRow[] }
type Mapped = { input: Record<string, unknown>; errors: Map<string, string> }
type Context = { communities: ReturnType<typeof communityChoices>; categories: Map<string, string> }
type Valid<T> = { data: T; community: { id: string; path: string }; importKey: string; row: SheetRow }
/** What an insert that checks rows one by one reports: the rows the database refused, with reasons by column. */
export type RowOutcome = { created: number; existing: number; failed: { row: SheetRow; errors: Map<string, string> }[] }

type ImportKind<T> = {
  entity: 'Need' | 'Resource' | 'Volunteer'
  permission: Permission
  columns: Column[]
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }
  map(cells: Record<string, string>, ctx: Context): Mapped
  /** the content that makes a row the same row: normalised, in a fixed order */
  identity(d: T): unknown[]
  /** inserts the batch (duplicates skipped by the database); returns how many rows were created, or per-row outcomes */
  insert(scope: Scope, batch: Valid<T>[]): Promise<number | RowOutcome>
}

/**
 * Reads, validates and inserts the rows of the file's first sheet. Good rows are saved even when others
 * fail; bad rows are written nowhere but the error file (the original cells plus 错误原因).
 */
async function runImport<T>(scope: Scope, kind: ImportKind<T>, buffer: Buffer, onProgress?: OnProgress): Promise<ImportResult> {
  if (!can(scope, kind.permission)) return refuse('NOT_FOUND', 'xlsx.error.notAllowed')
  const communities = communityChoices(await importableCommunities(scope, kind.permission))
  if (!communities.length) return refuse('NOT_FOUND', 'xlsx.error.notAllowed')

  if (buffer.length > IMPORT_MAX_BYTES) return refuse('TOO_LARGE', 'xlsx.error.tooLarge', { mb: IMPORT_MAX_BYTES / 1024 / 1024 })
  const zip = checkZip(buffer)
  if (zip !== 'OK') return zip

  const sheet = await readFirstSheet(buffer, kind.columns, communities.length === 1)
  if (!('rows' in sheet)) return sheet
  const { rows } = sheet
  if (!rows.length) return refuse('EMPTY', 'xlsx.error.empty')

  const categories = new Map<string, string>()
  for (const c of await listCategories(scope)) {
    categories.set(norm(c.code), c.id)
    categories.set(norm(c.name), c.id)
  }
  const ctx: Context = { communities, categories }
  const acting = new Map<string, Promise<{ id: string; path: string } | null>>()
  const seen = new Set<string>()
  const failed: { row: SheetRow; reasons: string }[] = []
  let created = 0
  let duplicates = 0

  const total = rows.length
  onProgress?.(0, total)
  for (let start = 0; start < total; start += PROGRESS_EVERY) {
    const batch: Valid<T>[] = []
    for (const row of rows.slice(start, start + PROGRESS_EVERY)) {
      const { input, errors } = kind.map(row.cells, ctx)
      // a formula's cached value is whatever Excel last computed (or another file held): never imported
      // silently; the row is refused, naming the cell, until it is pasted as values
      for (const [id, at] of row.formulas ?? []) errors.set(id, zh('xlsx.reason.formula', at))
      const parsed = kind.schema.safeParse(input)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const col = kind.columns.find((c) => c.field === issue.path[0])
          if (col && !errors.has(col.id)) errors.set(col.id, reasonFor(issue))
        }
      }
      if (errors.size || !parsed.success) {
        failed.push({ row, reasons: describe(kind.columns, errors) })
        continue
      }
      const d = parsed.data as T & { orgUnitId: string }
      // the same choke point as createNeed / createResource: a community where the caller holds the permission
      if (!acting.has(d.orgUnitId)) acting.set(d.orgUnitId, actingCommunity(scope, kind.permission, d.orgUnitId))
      const community = await acting.get(d.orgUnitId)!
      if (!community) {
        failed.push({ row, reasons: describe(kind.columns, new Map([['community', zh('validation.community.required')]])) })
        continue
      }
      const importKey = sha256(JSON.stringify([kind.entity, community.id, ...kind.identity(d)]))
      if (seen.has(importKey)) {
        duplicates++ // the same row twice in one file
        continue
      }
      seen.add(importKey)
      batch.push({ data: d, community, importKey, row })
    }
    if (batch.length) {
      const n = await kind.insert(scope, batch)
      if (typeof n === 'number') {
        created += n
        duplicates += batch.length - n
      } else {
        created += n.created
        duplicates += n.existing
        for (const f of n.failed) failed.push({ row: f.row, reasons: describe(kind.columns, f.errors) })
      }
    }
    onProgress?.(Math.min(start + PROGRESS_EVERY, total), total)
  }

  const errorFile = failed.length ? await buildErrorFile(sheet.headers, failed) : null
  return ok({ total, created, duplicates, failed: failed.length, errorFile })
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** "标题：请输入标题；涉及人数：至少 1 人", in the columns' order. */
function describe(columns: Column[], errors: Map<string, string>): string {
  const text = columns
    .filter((c) => errors.has(c.id))
    .map((c) => zh('xlsx.reason.format', { column: zh(c.header), message: errors.get(c.id)! }))
    .join(zh('xlsx.reason.separator'))
  return text || zh('xlsx.reason.invalid') // a bad row never goes back without a reason
}

type Issue = ZodError['issues'][number]

/** A zod issue (its message is a catalog key) in Chinese; said from the issue's shape if the catalog lacks the key. */
function reasonFor(issue: Issue): string {
  const key = issue.message
  if (isMessageKey(key)) return translateError(zh, key)!
  if (key === 'validation.noMarkup') return zh('xlsx.reason.noMarkup')
  const suffix = key.split('.').pop()
  const min = issue.code === 'too_small' ? Number(issue.minimum) : undefined
  const max = issue.code === 'too_big' ? Number(issue.maximum) : undefined
  switch (suffix) {
    case 'required':
      return zh('xlsx.reason.required')
    case 'short':
      return zh('xlsx.reason.short', { min: min ?? 1 })
    case 'long':
      return zh('xlsx.reason.long', { max: max ?? '' })
    case 'number':
      return zh('xlsx.reason.number')
    case 'min':
      return min === undefined ? zh('xlsx.reason.invalid') : zh('xlsx.reason.min', { min })
    case 'max':
      return max === undefined ? zh('xlsx.reason.invalid') : zh('xlsx.reason.max', { max })
    default:
      return zh('xlsx.reason.invalid')
  }
}

/** Maps a label of a drop-down column to its code; an unknown label is an error on that column. */
function pick(cells: Record<string, string>, id: string, lookup: Map<string, string>, errors: Map<string, string>): string | undefined {
  const v = cells[id] ?? ''
  if (!v) return undefined
  const code = lookup.get(norm(v))
  if (!code) errors.set(id, zh('xlsx.reason.notInList', { value: clip(v) }))
  return code
}

function pickCommunity(cells: Record<string, string>, ctx: Context, errors: Map<string, string>): string | undefined {
  const v = (cells.community ?? '').trim()
  if (!v) {
    if (ctx.communities.length === 1) return ctx.communities[0].id
    errors.set('community', zh('xlsx.reason.communityRequired'))
    return undefined
  }
  const key = norm(v)
  const byDisplay = ctx.communities.find((c) => norm(c.display) === key || norm(c.code) === key)
  if (byDisplay) return byDisplay.id
  const byName = ctx.communities.filter((c) => norm(c.name) === key)
  if (byName.length === 1) return byName[0].id
  errors.set('community', byName.length > 1 ? zh('xlsx.reason.communityAmbiguous', { value: clip(v) }) : zh('xlsx.reason.communityNotAllowed', { value: clip(v) }))
  return undefined
}

const clip = (v: string) => (v.length > 30 ? `${v.slice(0, 30)}…` : v)

const LOOKUPS = {
  targetGroup: enumLookup('targetGroup'),
  needSource: enumLookup('needSource'),
  urgency: enumLookup('urgency'),
  providerKind: enumLookup('providerKind'),
  resourceType: enumLookup('resourceType'),
}

const NEEDS: ImportKind<TCreateNeed> = {
  entity: 'Need',
  permission: 'need.record',
  columns: NEED_COLUMNS,
  schema: ZCreateNeed,
  map(cells, ctx) {
    const errors = new Map<string, string>()
    const input = {
      orgUnitId: pickCommunity(cells, ctx, errors),
      title: cells.title ?? '',
      description: cells.description ?? '',
      categoryId: pick(cells, 'category', ctx.categories, errors),
      targetGroup: pick(cells, 'targetGroup', LOOKUPS.targetGroup, errors),
      source: pick(cells, 'source', LOOKUPS.needSource, errors),
      urgency: pick(cells, 'urgency', LOOKUPS.urgency, errors),
      peopleAffected: cells.peopleAffected ?? '',
      residentName: cells.residentName ?? '',
      residentPhone: cells.residentPhone ?? '',
    }
    return { input, errors }
  },
  identity: (d) => [d.title, d.description, d.categoryId, d.targetGroup, d.source, d.urgency, d.peopleAffected, d.residentName ?? null, d.residentPhone ?? null],
  async insert(scope, batch) {
    const prisma = await db()
    // mirrors createNeed: the row and its first status change (→ OPEN) in one transaction
    return prisma.$transaction(async (tx) => {
      const rows = await tx.need.createManyAndReturn({
        data: batch.map(({ data: d, community, importKey }) => needRow(scope, community, d, importKey)),
        skipDuplicates: true, // ON CONFLICT DO NOTHING on (orgUnitId, importKey)
        select: { id: true, orgPath: true },
      })
      for (const n of rows) await recordChange(tx, scope, { entity: 'Need', entityId: n.id, orgPath: n.orgPath, from: null, to: 'OPEN' })
      return rows.length
    })
  },
}

const RESOURCES: ImportKind<TCreateResource> = {
  entity: 'Resource',
  permission: 'resource.manage',
  columns: RESOURCE_COLUMNS,
  schema: ZCreateResource,
  map(cells, ctx) {
    const errors = new Map<string, string>()
    const names = (cells.categories ?? '').split(/[、,，;；\n]+/).map((s) => s.trim()).filter(Boolean)
    const unknown = names.filter((n) => !ctx.categories.has(norm(n)))
    if (unknown.length) errors.set('categories', zh('xlsx.reason.categoriesUnknown', { value: clip(unknown.join('、')) }))
    const input = {
      orgUnitId: pickCommunity(cells, ctx, errors),
      providerName: cells.providerName ?? '',
      providerKind: pick(cells, 'providerKind', LOOKUPS.providerKind, errors),
      type: pick(cells, 'type', LOOKUPS.resourceType, errors),
      categoryIds: [...new Set(names.map((n) => ctx.categories.get(norm(n))).filter((x): x is string => !!x))],
      capacity: cells.capacity ?? '',
      availability: cells.availability ?? '',
      contactName: cells.contactName ?? '',
      contactPhone: cells.contactPhone ?? '',
      description: cells.description ?? '',
    }
    return { input, errors }
  },
  identity: (d) => [d.providerName, d.providerKind, d.type, [...new Set(d.categoryIds)].sort(), d.capacity, d.availability, d.contactName ?? null, d.contactPhone ?? null, d.description ?? null],
  async insert(scope, batch) {
    const prisma = await db()
    const r = await prisma.resource.createMany({
      data: batch.map(({ data: d, community, importKey }) => resourceRow(scope, community, d, importKey)),
      skipDuplicates: true,
    })
    return r.count
  },
}

/** Splits "心理疏导、法律咨询" into codes; an unknown label is an error on that column. */
function pickMany(cells: Record<string, string>, id: string, lookup: Map<string, string>, errors: Map<string, string>): string[] {
  const names = (cells[id] ?? '').split(/[、,，;；\n]+/).map((x) => x.trim()).filter(Boolean)
  const unknown = names.filter((n) => !lookup.has(norm(n)))
  if (unknown.length) errors.set(id, zh('xlsx.reason.notInList', { value: clip(unknown.join('、')) }))
  return [...new Set(names.map((n) => lookup.get(norm(n))).filter((x): x is string => !!x))]
}

const VOLUNTEER_LOOKUPS = {
  gender: enumLookup('gender'),
  volunteerKind: enumLookup('volunteerKind'),
  skill: enumLookup('skill'),
  availability: enumLookup('availability'),
}

/**
 * Volunteers, matched by phone: a phone already registered in the tenant is not registered twice (the
 * person gets the community's volunteer role if missing; a profile they keep is never overwritten).
 */
const VOLUNTEERS: ImportKind<TImportVolunteer> = {
  entity: 'Volunteer',
  permission: 'volunteer.manage',
  columns: VOLUNTEER_COLUMNS,
  schema: ZImportVolunteer,
  map(cells, ctx) {
    const errors = new Map<string, string>()
    const input = {
      orgUnitId: pickCommunity(cells, ctx, errors),
      phone: cells.phone ?? '',
      realName: cells.realName ?? '',
      idNumber: cells.idNumber ?? '',
      gender: pick(cells, 'gender', VOLUNTEER_LOOKUPS.gender, errors),
      birthYear: cells.birthYear ?? '',
      kind: pick(cells, 'kind', VOLUNTEER_LOOKUPS.volunteerKind, errors),
      skills: pickMany(cells, 'skills', VOLUNTEER_LOOKUPS.skill, errors),
      availability: pickMany(cells, 'availability', VOLUNTEER_LOOKUPS.availability, errors),
    }
    return { input, errors }
  },
  // one person per phone: the same phone twice in a file is a duplicate
  identity: (d) => [d.phone],
  async insert(scope, batch) {
    const out: RowOutcome = { created: 0, existing: 0, failed: [] }
    for (const v of batch) {
      const r = await importVolunteerRow(scope, v.community, v.data)
      if (r.ok) {
        if (r.value === 'CREATED') out.created++
        else out.existing++
      } else {
        const errors = new Map<string, string>()
        for (const [field, key] of Object.entries(r.fieldErrors ?? {})) {
          const col = VOLUNTEER_COLUMNS.find((c) => c.field === field)
          errors.set(col?.id ?? 'phone', translateError(zh, key) ?? zh('xlsx.reason.invalid'))
        }
        out.failed.push({ row: v.row, errors })
      }
    }
    return out
  },
}

/** Imports a filled-in volunteers template. Needs volunteer.manage; every row goes through ZImportVolunteer. */
export function importVolunteers(scope: Scope, buffer: Buffer, onProgress?: OnProgress): Promise<ImportResult> {
  return runImport(scope, VOLUNTEERS, buffer, onProgress)
}

/** Imports a filled-in needs template. Needs need.record; every row goes through ZCreateNeed. */
export function importNeeds(scope: Scope, buffer: Buffer, onProgress?: OnProgress): Promise<ImportResult> {
  return runImport(scope, NEEDS, buffer, onProgress)
}

/** Imports a filled-in resources template. Needs resource.manage; every row goes through ZCreateResource. */
export function importResources(scope: Scope, buffer: Buffer, onProgress?: OnProgress): Promise<ImportResult> {
  return runImport(scope, RESOURCES, buffer, onProgress)
}

const MB = 1024 * 1024
/** Megabytes for a message: one decimal below 10 MB (a 0.6 MB upload), whole above (629 MB). */
const mbText = (bytes: number) => String(bytes < 10 * MB ? Math.max(0.1, Math.round((bytes / MB) * 10) / 10) : Math.round(bytes / MB))

/**
 * A cheap look at the zip's central directory before inflating anything: refuses what is not a zip,
 * and archives whose entries claim to inflate far beyond what 5,000 rows need (zip bombs), saying which
 * limit and with the numbers (a 0.6 MB upload that would unpack to 629 MB is not "over 5 MB").
 * (The sizes are declared, not proven; the limits on rows and bytes still apply after reading.)
 */
function checkZip(buf: Buffer): 'OK' | ImportRefused {
  const unreadable = refuse('UNREADABLE', 'xlsx.error.unreadable')
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return unreadable
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return unreadable
  const entries = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  const zip64 = refuse('TOO_LARGE', 'xlsx.error.zip64')
  if (entries === 0xffff || p === 0xffffffff) return zip64
  if (entries > MAX_ZIP_ENTRIES) return refuse('TOO_LARGE', 'xlsx.error.tooManyParts', { entries, max: MAX_ZIP_ENTRIES })
  let inflated = 0
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return unreadable
    const size = buf.readUInt32LE(p + 24)
    if (size === 0xffffffff) return zip64
    inflated += size
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
  }
  if (inflated > MAX_UNZIPPED_BYTES) return refuse('TOO_LARGE', 'xlsx.error.unpackedTooLarge', { size: mbText(buf.length), mb: mbText(inflated), max: MAX_UNZIPPED_BYTES / MB })
  return 'OK'
}

async function readFirstSheet(buffer: Buffer, columns: Column[], oneCommunity: boolean): Promise<Sheet | ImportRefused> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0], { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'picture'] })
  } catch {
    return refuse('UNREADABLE', 'xlsx.error.unreadable')
  }
  const ws = wb.worksheets[0]
  if (!ws) return refuse('EMPTY', 'xlsx.error.empty')
  if (ws.actualRowCount - 1 > IMPORT_MAX_ROWS) return refuse('TOO_MANY_ROWS', 'xlsx.error.tooManyRows', { max: IMPORT_MAX_ROWS })

  const headerRow = ws.getRow(1)
  const width = Math.max(headerRow.cellCount, ws.columnCount)
  const headers: string[] = []
  const byIndex = new Map<number, Column>()
  for (let i = 1; i <= width; i++) {
    const h = cellText(headerRow.getCell(i).value).trim()
    headers.push(h)
    const col = columns.find((c) => normHeader(zh(c.header)) === normHeader(h))
    if (col && ![...byIndex.values()].includes(col)) byIndex.set(i, col)
  }
  // drop trailing empty header cells (but keep the ones in between: they are original columns)
  while (headers.length && !headers[headers.length - 1]) headers.pop()
  const present = new Set([...byIndex.values()].map((c) => c.id))
  const missing = columns.filter((c) => (c.required || (c.id === 'community' && !oneCommunity)) && !present.has(c.id))
  if (missing.length) return refuse('MISSING_COLUMNS', 'xlsx.error.missingColumns', { columns: missing.map((c) => zh(c.header)).join('、') })

  const rows: SheetRow[] = []
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const original: string[] = []
    for (let i = 1; i <= headers.length; i++) original.push(cellText(row.getCell(i).value).trim())
    if (original.every((v) => v === '')) continue // blank lines are not rows
    if (rows.length === IMPORT_MAX_ROWS) return refuse('TOO_MANY_ROWS', 'xlsx.error.tooManyRows', { max: IMPORT_MAX_ROWS })
    const cells: Record<string, string> = {}
    const formulas = new Map<string, { row: number; column: string }>()
    for (const [i, col] of byIndex) {
      cells[col.id] = original[i - 1] ?? ''
      if (isFormula(row.getCell(i).value)) formulas.set(col.id, { row: r, column: ws.getColumn(i).letter })
    }
    rows.push({ original, cells, ...(formulas.size ? { formulas } : {}) })
  }
  return { headers, rows }
}

/** A formula cell (plain, shared or array): its value is a computed result, not something typed. */
function isFormula(v: ExcelJS.CellValue): boolean {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)
}

/** What a person sees in the cell, as text (numbers typed as numbers, rich text, formulas' results). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v)
  if (typeof v === 'boolean') return v ? zh('xlsx.yes') : zh('xlsx.no')
  if (v instanceof Date) return chinaDate(v)
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v && v.result !== undefined ? cellText(v.result as ExcelJS.CellValue) : ''
    if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue)
  }
  return ''
}

async function buildErrorFile(headers: string[], failed: { row: SheetRow; reasons: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(zh('xlsx.sheet.errors'), { views: [{ state: 'frozen', ySplit: 1 }] })
  const errorsHeader = zh('xlsx.col.errors')
  ws.addRow([...headers, errorsHeader])
  styleHeader(ws.getRow(1))
  for (const f of failed) ws.addRow([...f.row.original.slice(0, headers.length), ...Array(Math.max(0, headers.length - f.row.original.length)).fill(''), f.reasons])
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1)
    col.width = Math.min(40, Math.max(10, h.length * 2 + 4))
    col.numFmt = '@'
  })
  const reasons = ws.getColumn(headers.length + 1)
  reasons.width = 60
  reasons.alignment = { wrapText: true, vertical: 'top' }
  reasons.font = { color: { argb: 'FFB91C1C' } }
  ws.getRow(1).font = { bold: true }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/** 2026-11-22 09:05 in China time, or blank. */
const chinaDateTimeOrBlank = (d: Date | null) => (d ? chinaDateTime(d) : '')

/** Writes a workbook through exceljs's streaming writer (50,000 rows do not sit in memory as cell objects). */
async function writeStreaming(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'Ronghe'
  await build(wb)
  await wb.commit()
  await ended
  return Buffer.concat(chunks)
}

type ExportColumn<R> = { header: XlsxKey; width: number; value: (r: R) => string | number | null }

async function exportRows<R extends { id: string }>(
  sheetName: XlsxKey,
  columns: ExportColumn<R>[],
  count: () => Promise<number>,
  after: (cursor: string | null) => Promise<{ rows: R[]; next: string | null }>,
): Promise<Buffer> {
  const total = await count()
  return writeStreaming(async (wb) => {
    const ws = wb.addWorksheet(zh(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = columns.map((c, i) => ({ header: zh(c.header), key: String(i), width: c.width }))
    ws.getRow(1).font = { bold: true }
    ws.getRow(1).commit()
    // keyset pages: a row created meanwhile cannot shift the pages and be written twice
    let written = 0
    for (let cursor: string | null = null; written < EXPORT_MAX_ROWS; ) {
      const p = await after(cursor)
      for (const r of p.rows) {
        if (written >= EXPORT_MAX_ROWS) break
        ws.addRow(columns.map((c) => c.value(r) ?? '')).commit()
        written++
      }
      if (!p.next) break
      cursor = p.next
    }
    ws.commit()
    if (total > EXPORT_MAX_ROWS) {
      const note = wb.addWorksheet(zh('xlsx.sheet.note'))
      note.getColumn(1).width = 90
      note.addRow([zh('xlsx.export.truncated', { total, max: EXPORT_MAX_ROWS })]).commit()
      note.commit()
    }
  })
}

type NeedRowDto = NeedDto
type ResourceRowDto = ResourceDto

// the import columns first, in the template's order, so a file exported by a recorder can be re-imported
const NEED_EXPORT: ExportColumn<NeedRowDto>[] = [
  { header: 'xlsx.col.community', width: 20, value: (n) => n.community.name },
  { header: 'xlsx.col.title', width: 26, value: (n) => n.title },
  { header: 'xlsx.col.description', width: 40, value: (n) => n.description },
  { header: 'xlsx.col.category', width: 14, value: (n) => n.category.name },
  { header: 'xlsx.col.targetGroup', width: 14, value: (n) => label('targetGroup', n.targetGroup) },
  { header: 'xlsx.col.source', width: 12, value: (n) => label('needSource', n.source) },
  { header: 'xlsx.col.urgency', width: 12, value: (n) => label('urgency', n.urgency) },
  { header: 'xlsx.col.peopleAffected', width: 10, value: (n) => n.peopleAffected },
  { header: 'xlsx.col.residentName', width: 12, value: (n) => n.residentName }, // masked by the DTO unless need.record there
  { header: 'xlsx.col.residentPhone', width: 16, value: (n) => n.residentPhone },
  { header: 'xlsx.col.status', width: 10, value: (n) => label('needStatus', n.status) },
  { header: 'xlsx.col.createdAt', width: 18, value: (n) => chinaDateTime(n.createdAt) },
  { header: 'xlsx.col.resolvedAt', width: 18, value: (n) => chinaDateTimeOrBlank(n.resolvedAt) },
  { header: 'xlsx.col.outcome', width: 30, value: (n) => n.outcome },
  { header: 'xlsx.col.satisfaction', width: 8, value: (n) => n.satisfaction },
]

const RESOURCE_EXPORT: ExportColumn<ResourceRowDto>[] = [
  { header: 'xlsx.col.community', width: 20, value: (r) => r.community.name },
  { header: 'xlsx.col.providerName', width: 24, value: (r) => r.providerName },
  { header: 'xlsx.col.providerKind', width: 14, value: (r) => label('providerKind', r.providerKind) },
  { header: 'xlsx.col.resourceType', width: 12, value: (r) => label('resourceType', r.type) },
  { header: 'xlsx.col.categories', width: 26, value: (r) => r.categories.join('、') },
  { header: 'xlsx.col.capacity', width: 12, value: (r) => r.capacity },
  { header: 'xlsx.col.availability', width: 22, value: (r) => r.availability },
  { header: 'xlsx.col.contactName', width: 12, value: (r) => r.contactName },
  { header: 'xlsx.col.contactPhone', width: 16, value: (r) => r.contactPhone }, // masked by the DTO unless resource.manage there
  { header: 'xlsx.col.resourceDescription', width: 36, value: (r) => r.description },
  { header: 'xlsx.col.active', width: 10, value: (r) => zh(r.active ? 'xlsx.yes' : 'xlsx.no') },
  { header: 'xlsx.col.createdAt', width: 18, value: (r) => chinaDateTime(r.createdAt) },
]

type OrderRowDto = Awaited<ReturnType<typeof ordersAfter>>['rows'][number]
type ServiceRowDto = Awaited<ReturnType<typeof servicesAfter>>['rows'][number]
type TaskRowDto = Awaited<ReturnType<typeof tasksAfter>>['rows'][number]

const ORDER_EXPORT: ExportColumn<OrderRowDto>[] = [
  { header: 'xlsx.col.community', width: 20, value: (o) => o.orgUnit.name },
  { header: 'xlsx.col.service', width: 26, value: (o) => o.serviceItem.title },
  { header: 'xlsx.col.need', width: 26, value: (o) => o.serviceItem.need?.title ?? o.serviceItem.project?.name ?? '' },
  { header: 'xlsx.col.team', width: 22, value: (o) => o.team?.name ?? zh('xlsx.openToAll') },
  { header: 'xlsx.col.status', width: 10, value: (o) => label('orderStatus', o.status) },
  { header: 'xlsx.col.claimedBy', width: 22, value: (o) => o.claimedByTeam?.name ?? '' },
  { header: 'xlsx.col.dispatchedAt', width: 18, value: (o) => chinaDateTime(o.dispatchedAt) },
  { header: 'xlsx.col.claimedAt', width: 18, value: (o) => chinaDateTimeOrBlank(o.claimedAt) },
  { header: 'xlsx.col.declineReason', width: 24, value: (o) => o.declineReason },
]

const SERVICE_EXPORT: ExportColumn<ServiceRowDto>[] = [
  { header: 'xlsx.col.community', width: 20, value: (s) => s.orgUnit.name },
  { header: 'xlsx.col.service', width: 26, value: (s) => s.title },
  { header: 'xlsx.col.category', width: 14, value: (s) => s.category.name },
  { header: 'xlsx.col.need', width: 26, value: (s) => s.need?.title ?? s.project?.name ?? '' },
  { header: 'xlsx.col.needStatus', width: 10, value: (s) => (s.need ? label('needStatus', s.need.status) : '') },
  { header: 'xlsx.col.resources', width: 30, value: (s) => s.resources.map((r) => r.providerName).join('、') },
  { header: 'xlsx.col.createdAt', width: 18, value: (s) => chinaDateTime(s.createdAt) },
]

const TASK_EXPORT: ExportColumn<TaskRowDto>[] = [
  { header: 'xlsx.col.community', width: 20, value: (t) => t.orgUnit.name },
  { header: 'xlsx.col.task', width: 26, value: (t) => t.title },
  { header: 'xlsx.col.need', width: 26, value: (t) => t.order.serviceItem.need?.title ?? t.order.serviceItem.project?.name ?? '' },
  { header: 'xlsx.col.claimedBy', width: 22, value: (t) => t.order.claimedByTeam?.name ?? '' },
  { header: 'xlsx.col.startsAt', width: 18, value: (t) => chinaDateTime(t.startsAt) },
  { header: 'xlsx.col.endsAt', width: 18, value: (t) => chinaDateTime(t.endsAt) },
  { header: 'xlsx.col.place', width: 24, value: (t) => t.place },
  { header: 'xlsx.col.slots', width: 8, value: (t) => t.slots },
  { header: 'xlsx.col.taken', width: 8, value: (t) => t.taken },
  { header: 'xlsx.col.status', width: 10, value: (t) => label('taskStatus', t.status) },
]

export function exportOrders(scope: Scope, query: OrderListQuery): Promise<Buffer> {
  return exportRows('xlsx.sheet.orders', ORDER_EXPORT, () => countOrders(scope, query), (cursor) => ordersAfter(scope, query, cursor, EXPORT_PAGE_SIZE))
}

export function exportServices(scope: Scope, query: { q?: string }): Promise<Buffer> {
  return exportRows('xlsx.sheet.services', SERVICE_EXPORT, () => countServices(scope, query), (cursor) => servicesAfter(scope, query, cursor, EXPORT_PAGE_SIZE))
}

export function exportTasks(scope: Scope): Promise<Buffer> {
  return exportRows('xlsx.sheet.tasks', TASK_EXPORT, () => countTasks(scope), (cursor) => tasksAfter(scope, cursor, EXPORT_PAGE_SIZE))
}

/** The needs list under the same filter, scope and masking as the screen (listNeeds), at most 50,000 rows. */
export function exportNeeds(scope: Scope, query: TNeedListQuery): Promise<Buffer> {
  return exportRows('xlsx.sheet.needs', NEED_EXPORT, () => countNeeds(scope, query), (cursor) => needsAfter(scope, query, cursor, EXPORT_PAGE_SIZE))
}

/** The resources list under the same filter, scope and masking as the screen (listResources). */
export function exportResources(scope: Scope, query: TResourceListQuery): Promise<Buffer> {
  return exportRows('xlsx.sheet.resources', RESOURCE_EXPORT, () => countResources(scope, query), (cursor) => resourcesAfter(scope, query, cursor, EXPORT_PAGE_SIZE))
}

/**
 * A table as shown on a page (e.g. a dashboard's comparison of child units): a header row of catalog
 * keys, rows of values, written in Chinese like every file.
 */
export async function exportTable(sheet: XlsxKey, headers: MessageKeyOf[], rows: (string | number | null)[][]): Promise<Buffer> {
  return writeStreaming(async (wb) => {
    const ws = wb.addWorksheet(zh(sheet), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] })
    ws.columns = headers.map((h, i) => ({ header: zh(h), key: String(i), width: i === 0 ? 24 : 14 }))
    ws.getRow(1).font = { bold: true }
    ws.getRow(1).commit()
    for (const r of rows) ws.addRow(r.map((v) => v ?? '')).commit()
    ws.commit()
  })
}
type MessageKeyOf = Parameters<Translate>[0]

/**
 * A paged list (the same function, filter, scope and masking as its page) as .xlsx: reads page after
 * page of 100 until the list ends or 50,000 rows are written.
 */
export async function exportPages<R>(sheet: XlsxKey, headers: MessageKeyOf[], page: (n: number, size: number) => Promise<{ rows: R[]; pageCount: number }>, row: (r: R, zh: Translate) => (string | number | null)[]): Promise<Buffer> {
  const rows: (string | number | null)[][] = []
  for (let n = 1; rows.length < EXPORT_MAX_ROWS; n++) {
    const p = await page(n, 100)
    for (const r of p.rows) rows.push(row(r, zh))
    if (n >= p.pageCount || !p.rows.length) break
  }
  return exportTable(sheet, headers, rows.slice(0, EXPORT_MAX_ROWS))
}

/** A download's name: Chinese (需求清单-20261122.xlsx), with an ASCII fallback (needs-20261122.xlsx) for old clients. */
export type FileName = { name: string; ascii: string }
const en: Translate = makeT(messagesFor('en'))

export function xlsxFileName(kind: 'needs' | 'resources' | 'orders' | 'services' | 'tasks' | 'dashboard' | 'volunteers' | 'talent' | 'projects' | 'pilots' | 'training' | 'agencies' | 'inspections' | 'rectifications' | 'practice' | 'spotChecks' | 'surveys' | 'teams' | 'venues' | 'rewards' | 'units' | 'templates' | 'cases' | 'needsTemplate' | 'resourcesTemplate' | 'volunteersTemplate' | 'errors', now = new Date()): FileName {
  const key = `xlsx.file.${kind}` as const
  const dated = !kind.endsWith('Template')
  const suffix = dated ? `-${chinaDate(now).replaceAll('-', '')}.xlsx` : '.xlsx' // 20261122, China time
  return { name: `${zh(key)}${suffix}`, ascii: `${en(key)}${suffix}` }
}

// ---------------------------------------------------------------------------------------------
// Error files between the import and their download
// ---------------------------------------------------------------------------------------------

/*
 * Kept in this process's memory for 30 minutes, bound to the user who imported. On globalThis so hot
 * reload and separately bundled route handlers share one store. One process only: behind several
 * instances the download must reach the same one (or this moves to the database / object storage).
 */
const KEEP_MS = 30 * 60_000
const KEEP_MAX = 200
type Kept = { userId: string; buffer: Buffer; fileName: FileName; expires: number }
const g = globalThis as unknown as { __rongheImportErrors?: Map<string, Kept> }
const kept = (g.__rongheImportErrors ??= new Map<string, Kept>())

function sweep(now: number) {
  for (const [id, k] of kept) if (k.expires <= now) kept.delete(id)
}

/** Keeps an import's error file for its importer; returns the id to download it with. */
export function keepErrorFile(scope: Scope, buffer: Buffer, fileName: FileName, now = Date.now()): string {
  sweep(now)
  while (kept.size >= KEEP_MAX) kept.delete(kept.keys().next().value!) // oldest first
  const id = randomUUID()
  kept.set(id, { userId: scope.userId, buffer, fileName, expires: now + KEEP_MS })
  return id
}

/** The kept file, only for the user who imported it and only within 30 minutes; otherwise null (→ 404). */
export function keptErrorFile(scope: Scope, id: string, now = Date.now()): { buffer: Buffer; fileName: FileName } | null {
  sweep(now)
  const k = kept.get(id)
  if (!k || k.userId !== scope.userId) return null
  return { buffer: k.buffer, fileName: k.fileName }
}

// ---------------------------------------------------------------------------------------------
// HTTP: the route handlers' responses
// ---------------------------------------------------------------------------------------------

/** An .xlsx download; the name in UTF-8 (RFC 6266) with its ASCII fallback. */
export function xlsxResponse(buffer: Buffer, fileName: FileName): Response {
  const ascii = fileName.ascii.replace(/[^\x20-\x7e]|["\\]/g, '') || 'export.xlsx'
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': XLSX_MIME,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.name)}`,
      'Content-Length': String(buffer.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

export type ImportLine =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; total: number; created: number; duplicates: number; failed: number; errorFileId?: string }
  | { type: 'error'; message: string }

/**
 * Runs an import and streams NDJSON: progress lines, then one `done` (or `error`) line. The import goes
 * on if the client goes away (the rows are saved; re-uploading adds no duplicates).
 */
export function importResponse(scope: Scope, t: Translate, run: (onProgress: OnProgress) => Promise<ImportResult>, req?: Request): Response | Promise<Response> {
  if (req && isFormNavigation(req)) return importThenRedirect(scope, req, run)
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true
      const send = (line: ImportLine) => {
        if (!open) return
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`))
        } catch {
          open = false
        }
      }
      try {
        const r = await run((done, total) => send({ type: 'progress', done, total }))
        if (!r.ok) send({ type: 'error', message: t(r.message, r.params) })
        else {
          const { errorFile, ...counts } = r.value
          const errorFileId = errorFile ? keepErrorFile(scope, errorFile, xlsxFileName('errors')) : undefined
          send({ type: 'done', ...counts, ...(errorFileId ? { errorFileId } : {}) })
        }
      } catch (e) {
        console.error('import failed', e)
        send({ type: 'error', message: t('xlsx.error.failed') })
      }
      if (open) controller.close()
    },
  })
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      // no-transform: compression would hold the progress lines back until the end
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

/**
 * The upload form posted by the browser itself (before or without JavaScript: a navigation, not a
 * fetch). It gets a page, not NDJSON: the import runs to its end, then a 303 back to the import page
 * with the counts (or the error's catalog key) in the address, which the page shows.
 */
export function isFormNavigation(req: Request): boolean {
  const mode = req.headers.get('sec-fetch-mode')
  return mode ? mode === 'navigate' : /text\/html/.test(req.headers.get('accept') ?? '')
}

const IMPORT_PAGES: Record<string, string> = { needs: '/needs/import', resources: '/resources/import', volunteers: '/volunteers/import' }

export function importPageOf(req: Request): string {
  const kind = new URL(req.url).pathname.split('/')[2] ?? ''
  return IMPORT_PAGES[kind] ?? '/'
}

/** 303 to the import page; `answer` is counts or `{ error: <catalog key> }`. */
export function importRedirect(req: Request, answer: Record<string, string | number | undefined>): Response {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(answer)) if (v !== undefined) q.set(k, String(v))
  return new Response(null, { status: 303, headers: { Location: `${importPageOf(req)}?${q}`, 'Cache-Control': 'no-store' } })
}

async function importThenRedirect(scope: Scope, req: Request, run: (onProgress: OnProgress) => Promise<ImportResult>): Promise<Response> {
  try {
    const r = await run(() => {})
    if (!r.ok) return importRedirect(req, { error: r.message, ...Object.fromEntries(Object.entries(r.params ?? {}).map(([k, v]) => [`p_${k}`, v])) })
    const { errorFile, ...counts } = r.value
    return importRedirect(req, { ...counts, errorFile: errorFile ? keepErrorFile(scope, errorFile, xlsxFileName('errors')) : undefined })
  } catch (e) {
    console.error('import failed', e)
    return importRedirect(req, { error: 'xlsx.error.failed' })
  }
}

/** The multipart body of an import: one .xlsx file of at most 5 MB (messages are catalog keys). */
const ZUpload = z.object({
  file: z
    .instanceof(File, { error: 'xlsx.error.noFile' })
    .refine((f) => f.size > 0, { error: 'xlsx.error.noFile', abort: true })
    .refine((f) => f.size <= IMPORT_MAX_BYTES, { error: 'xlsx.error.tooLarge', abort: true })
    .refine((f) => /\.xlsx$/i.test(f.name), { error: 'xlsx.error.notXlsx' }),
})

/** The uploaded file of an import request, refused early when too large (413) or missing / not .xlsx (400). */
export async function readUpload(req: Request, t: Translate): Promise<{ ok: true; buffer: Buffer } | { ok: false; response: Response }> {
  const mb = IMPORT_MAX_BYTES / 1024 / 1024
  const bad = (key: string, status = key === 'xlsx.error.tooLarge' ? 413 : 400) => {
    if (isFormNavigation(req) && status !== 403) return { ok: false as const, response: importRedirect(req, { error: key }) }
    const message = key === 'xlsx.error.tooLarge' ? t('xlsx.error.tooLarge', { mb }) : translateError(t, key)
    return { ok: false as const, response: Response.json({ type: 'error', message }, { status }) }
  }
  // a cross-site form may not post into an import (the session cookie is SameSite=Lax; this is the second lock)
  const origin = req.headers.get('origin')
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host')
  if (origin && host && URL.canParse(origin) && new URL(origin).host !== host) return bad('xlsx.error.crossSite', 403)
  // refuse before reading the body (multipart overhead allowed for)
  if (Number(req.headers.get('content-length') ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) return bad('xlsx.error.tooLarge')
  let form: FormData
  try {
    form = await req.formData()
  } catch {
    return bad('xlsx.error.noFile')
  }
  const parsed = ZUpload.safeParse({ file: form.get('file') })
  if (!parsed.success) return bad(parsed.error.issues[0]?.message ?? 'xlsx.error.noFile')
  return { ok: true, buffer: Buffer.from(await parsed.data.file.arrayBuffer()) }
}
