import { z } from './zod'
import { blankToUndefined, optionalText, text } from './common'
import { listSort } from './list'

// The evaluation system (评估体系): checklist templates, inspections and rectifications, spot checks,
// satisfaction surveys. Forms and the server share these; messages are i18n keys.

export const TEMPLATE_ROWS = 12 // item rows on the template form (blank rows are ignored)
export const MAX_ITEMS = 30
export const MAX_WEIGHT = 100
export const SPOT_CHECK_KINDS = ['PILOT', 'PROJECT', 'CLOSED_NEED'] as const
export const QUESTION_KINDS = ['RATING', 'CHOICE', 'TEXT'] as const
export const SURVEY_ROWS = 8 // question rows on the campaign form
export const MIN_QUESTIONS = 3
export const MAX_QUESTIONS = 8
export const MAX_SAMPLE = 100

const date = (key = 'date') => z.iso.date({ error: `validation.${key}.format` })
const uuidOr = (key: string) => z.preprocess(blankToUndefined, z.uuid({ error: `validation.${key}.required` }).optional())

/**
 * Rows of a repeated group, from either an array (`items: [{…}]`) or flat form fields (`items.3.text`).
 * A row whose fields are all blank is `undefined`, so an error keeps the row number of the form.
 */
function rows(prefix: string, fields: readonly string[], count: number, significant: readonly string[] = fields) {
  return (input: unknown) => {
    if (typeof input !== 'object' || input === null) return input
    const o = input as Record<string, unknown>
    const list: unknown[] = Array.isArray(o[prefix])
      ? (o[prefix] as unknown[])
      : Array.from({ length: count }, (_, i) => Object.fromEntries(fields.map((f) => [f, o[`${prefix}.${i}.${f}`]])))
    return {
      ...o,
      [prefix]: list.map((r) => (r && typeof r === 'object' && significant.every((f) => blankToUndefined((r as Record<string, unknown>)[f]) === undefined) ? undefined : r)),
    }
  }
}

const weight = z.coerce
  .number({ error: 'validation.checklistWeight.number' })
  .int({ error: 'validation.checklistWeight.number' })
  .min(1, { error: 'validation.checklistWeight.number' })
  .max(MAX_WEIGHT, { error: 'validation.checklistWeight.number' })

/**
 * A checklist template: a name and 1–30 items, each a text and a positive integer weight (1–100).
 * An inspection scores each item 0..weight points; the total is points ÷ total weight × 100.
 */
export const ZTemplate = z.preprocess(
  rows('items', ['text', 'weight'], TEMPLATE_ROWS),
  z
    .object({
      name: text(2, 60, 'templateName'),
      items: z.array(z.object({ text: text(2, 200, 'checklistItem'), weight: z.preprocess(blankToUndefined, weight) }).optional()),
    })
    .superRefine((v, ctx) => {
      const n = v.items.filter(Boolean).length
      if (n === 0) ctx.addIssue({ code: 'custom', path: ['items', 0, 'text'], message: 'validation.checklist.empty' })
      if (n > MAX_ITEMS) ctx.addIssue({ code: 'custom', path: ['items', 0, 'text'], message: 'validation.checklist.tooMany' })
    })
    .transform((v) => ({ name: v.name, items: v.items.filter((i): i is { text: string; weight: number } => Boolean(i)) })),
)
export type TTemplate = z.infer<typeof ZTemplate>

/** Schedules an inspection of a unit (any level below the official) or a project of the subtree. */
export const ZSchedule = z
  .object({
    targetKind: z.enum(['UNIT', 'PROJECT'], { error: 'validation.inspectionTarget.required' }),
    unitId: uuidOr('inspectionUnit'),
    projectId: uuidOr('inspectionProject'),
    templateId: z.uuid({ error: 'validation.template.required' }),
    date: date('inspectionDate'),
    spotCheckId: z.preprocess(blankToUndefined, z.uuid().optional().catch(undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.targetKind === 'UNIT' && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'validation.inspectionUnit.required' })
    if (v.targetKind === 'PROJECT' && !v.projectId) ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'validation.inspectionProject.required' })
  })
  // the target not chosen does not apply (a project's unit is the project's own): dropped here, by rule
  .transform((v) => (v.targetKind === 'UNIT' ? { ...v, projectId: undefined } : { ...v, unitId: undefined }))
export type TSchedule = z.infer<typeof ZSchedule>

/** Scores (`score.<itemId>` → points) and findings; the DAL checks each against its item's weight. */
export const ZScore = z.preprocess(
  (input) => {
    if (typeof input !== 'object' || input === null) return input
    const o = input as Record<string, unknown>
    if (o.scores && typeof o.scores === 'object') return o
    return { ...o, scores: Object.fromEntries(Object.entries(o).filter(([k]) => k.startsWith('score.')).map(([k, v]) => [k.slice(6), v])) }
  },
  z.object({
    findings: optionalText(2000, 'findings'),
    scores: z.record(z.string(), z.unknown()),
  }),
)

/** Points for one item: a whole number 0..weight (blank or anything else is refused). */
export const pointsFor = (raw: unknown, weightOfItem: number): number | null => {
  const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (!/^\d{1,3}$/.test(s)) return null
  const n = Number(s)
  return n <= weightOfItem ? n : null
}

/** A rectification item: what to fix and by when (today or later, China date). */
export const ZRectification = z.object({
  description: text(2, 500, 'rectification'),
  deadline: date('deadline'),
})

export const ZRespond = z.object({ response: text(2, 1000, 'rectificationResponse') })
export const ZSendBack = z.object({ note: text(2, 500, 'returnNote') })

/** A spot check: population kind, the unit whose subtree it covers, N, and for closed needs a period. */
export const ZSpotCheck = z
  .object({
    kind: z.enum(SPOT_CHECK_KINDS, { error: 'validation.spotCheckKind.required' }),
    unitId: z.uuid({ error: 'validation.spotCheckUnit.required' }),
    size: z.coerce
      .number({ error: 'validation.sampleSize.number' })
      .int({ error: 'validation.sampleSize.number' })
      .min(1, { error: 'validation.sampleSize.number' })
      .max(MAX_SAMPLE, { error: 'validation.sampleSize.number' }),
    from: z.preprocess(blankToUndefined, date().optional()),
    to: z.preprocess(blankToUndefined, date().optional()),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.evalPeriod.order' })
  })
  .transform((v) => (v.kind === 'CLOSED_NEED' ? v : { ...v, from: undefined, to: undefined }))
export type TSpotCheck = z.infer<typeof ZSpotCheck>

const question = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: 'validation.questionKind.required' }),
    text: text(2, 100, 'questionText'),
    options: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(/[\n,，、;；|]/).map((s) => s.trim()).filter(Boolean) : v === undefined ? [] : v),
      z.array(text(1, 30, 'questionOption')),
    ),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'CHOICE' && (q.options.length < 2 || q.options.length > 6)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'validation.questionOptions.count' })
    if (q.kind === 'CHOICE' && new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'validation.questionOptions.duplicate' })
  })
  .transform((q) => (q.kind === 'CHOICE' ? q : { kind: q.kind, text: q.text, options: [] as string[] }))
export type TQuestion = z.infer<typeof question>

/** A survey campaign: unit, title, period, 3–8 questions (1–5 rating, single choice of 2–6 options, short text). */
export const ZCampaign = z.preprocess(
  rows('questions', ['kind', 'text', 'options'], SURVEY_ROWS, ['text', 'options']),
  z
    .object({
      orgUnitId: z.uuid({ error: 'validation.surveyUnit.required' }),
      title: text(2, 60, 'surveyTitle'),
      startsOn: date(),
      endsOn: date(),
      questions: z.array(question.optional()),
    })
    .superRefine((v, ctx) => {
      if (v.startsOn > v.endsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.evalPeriod.order' })
      const n = v.questions.filter(Boolean).length
      if (n < MIN_QUESTIONS || n > MAX_QUESTIONS) ctx.addIssue({ code: 'custom', path: ['questions', 0, 'text'], message: 'validation.questions.count' })
    })
    .transform((v) => ({ ...v, questions: v.questions.filter((q): q is TQuestion => Boolean(q)) })),
)
export type TCampaign = z.infer<typeof ZCampaign>

/** A campaign token in a URL: 24 url-safe characters; anything else is simply not found. */
export const ZSurveyToken = z.string().regex(/^[A-Za-z0-9_-]{24}$/)

const page = z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
export const ZEvalListQuery = z.object({ page, pageSize: z.coerce.number().int().min(10).max(100).catch(20).default(20) })
export type TEvalListQuery = z.infer<typeof ZEvalListQuery>

/** what 定期检查 can be sorted by (the default: the latest inspection date first) */
export const INSPECTION_SORTS = ['date', 'score'] as const
export type InspectionSort = (typeof INSPECTION_SORTS)[number]
export const ZInspectionListQuery = ZEvalListQuery.extend(listSort(INSPECTION_SORTS))
export type TInspectionListQuery = z.infer<typeof ZInspectionListQuery>

/** what 整改事项 (the paged list of all) can be sorted by (the default: open ones first, then by deadline) */
export const RECT_SORTS = ['status', 'deadline'] as const
export type RectSort = (typeof RECT_SORTS)[number]
export const ZRectListQuery = ZEvalListQuery.extend(listSort(RECT_SORTS))
export type TRectListQuery = z.infer<typeof ZRectListQuery>

/** what 随机抽查 can be sorted by (the default: the latest draw first) */
export const SPOT_CHECK_SORTS = ['created', 'population'] as const
export type SpotCheckSort = (typeof SPOT_CHECK_SORTS)[number]
export const ZSpotCheckListQuery = ZEvalListQuery.extend(listSort(SPOT_CHECK_SORTS))
export type TSpotCheckListQuery = z.infer<typeof ZSpotCheckListQuery>

/** what 满意度调查 can be sorted by (the default: the latest campaign first) */
export const SURVEY_SORTS = ['created', 'period', 'responses'] as const
export type SurveySort = (typeof SURVEY_SORTS)[number]
export const ZSurveyListQuery = ZEvalListQuery.extend(listSort(SURVEY_SORTS))
export type TSurveyListQuery = z.infer<typeof ZSurveyListQuery>
