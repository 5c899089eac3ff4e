import 'server-only'
import { z } from 'zod'
import type { Scope } from '../authz/scope'
import { exportPages } from '../workflow/xlsx'
import { listVolunteers } from './volunteers'
import { listTalent } from './talent'
import { listProjects } from '../projects/projects'
import { listPilots } from '../projects/pilot-tasks'
import { listTrainingEvents } from './training'
import { listAgencies } from './agencies'
import { listInspections, listRectifications } from '../evaluation/inspections'
import { listSpotChecks } from '../evaluation/spot-checks'
import { listCampaigns } from '../evaluation/surveys'
import { listPracticeCases } from '../projects/practice'
import { listTeams } from './teams'
import { listVenues } from './venues'
import { listRewards } from './points'
import { searchUnits } from '../org/queries'
import { listTemplates } from '../evaluation/inspections'
import { listMyCases } from '../cases/cases'
import { chinaDate, fromDbDate } from '@/lib/china-time'
import { maskName } from '@/lib/mask'
import { can } from '../authz/scope'
import { canSeeVolunteers } from './volunteers'
import { xlsxFileName } from '../workflow/xlsx'
import { ZAgencyListQuery, ZTalentListQuery, ZTrainingListQuery } from '@/lib/schemas/talent'
import { PROJECT_STATUSES } from '@/lib/schemas/projects'

/*
 * The .xlsx exports of the lists that have no export of their own (people, pilots, projects, training,
 * agencies, evaluation): each reads the list function of its page, page after page, so a file holds
 * exactly the page's filter, scope and masking (phones and ID numbers masked). Served by one route,
 * /api/exports/<list>, from the registry at the end.
 */

export function exportVolunteers(scope: Scope, query: Record<string, string>) {
  return exportPages(
    'xlsx.sheet.volunteers',
    ['xlsx.col.realName', 'xlsx.col.phone', 'xlsx.col.idNumber', 'xlsx.col.gender', 'xlsx.col.birthYear', 'xlsx.col.volunteerKind', 'xlsx.col.skills', 'xlsx.col.community', 'xlsx.col.hours', 'xlsx.col.stars'],
    (page, pageSize) => listVolunteers(scope, { ...query, page, pageSize }),
    (v, zh) => [v.name, v.phone, v.idNumber, v.gender ? zh(`gender.${v.gender}`) : '', v.birthYear, v.kind ? zh(`volunteerKind.${v.kind}`) : '', v.skills.map((s) => zh(`skill.${s}`)).join('、'), v.community, v.hours, v.stars],
  )
}

export function exportTalent(scope: Scope, raw: Record<string, string>) {
  const query = ZTalentListQuery.parse(raw)
  return exportPages(
    'xlsx.sheet.talent',
    ['xlsx.col.name', 'xlsx.col.phone', 'xlsx.col.community', 'xlsx.col.certLevel', 'xlsx.col.employer', 'xlsx.col.ceHours', 'xlsx.col.ceStatus'],
    (page, pageSize) => listTalent(scope, { ...query, page, pageSize }),
    (w, zh) => [w.name, w.phone, w.community, w.certLevel ? zh(`certLevel.${w.certLevel}`) : '', w.employer ?? zh('talent.employer.COMMUNITY'), w.ceHours, zh(`talent.ce.${w.ceStatus}`)],
  )
}

const ZProjectQuery = z.object({ status: z.enum(PROJECT_STATUSES).optional().catch(undefined), unit: z.uuid().optional().catch(undefined) })

export function exportProjects(scope: Scope, raw: Record<string, string>) {
  const query = ZProjectQuery.parse(raw)
  return exportPages(
    'xlsx.sheet.projects',
    ['xlsx.col.project', 'xlsx.col.brand', 'xlsx.col.community', 'xlsx.col.status', 'xlsx.col.lead', 'xlsx.col.fundingSource', 'xlsx.col.fundingYuan', 'xlsx.col.periodFrom', 'xlsx.col.periodTo'],
    (page, pageSize) => listProjects(scope, { ...query, page, pageSize }),
    (p, zh) => [p.name, p.brand, p.orgUnit.name, zh(`projectStatus.${p.status}`), p.lead.name, zh(`fundingSource.${p.fundingSource}`), p.fundingFen / 100, fromDbDate(p.startDate), fromDbDate(p.endDate)],
  )
}

const ZPilotQuery = z.object({ q: z.string().trim().max(50).optional().catch(undefined), unit: z.uuid().optional().catch(undefined) })

export function exportPilots(scope: Scope, raw: Record<string, string>) {
  const query = ZPilotQuery.parse(raw)
  return exportPages(
    'xlsx.sheet.pilots',
    ['xlsx.col.community', 'xlsx.col.subDistrict', 'xlsx.col.county', 'xlsx.col.league', 'xlsx.col.pilotBatch', 'xlsx.col.task1', 'xlsx.col.task2', 'xlsx.col.task3', 'xlsx.col.task4'],
    (page, pageSize) => listPilots(scope, { ...query, page, pageSize }),
    (p, zh) => [p.name, p.subDistrict, p.parent?.name ?? '', p.parent?.parent?.name ?? '', p.pilotBatch, ...p.tasks.map((s) => zh(`taskState.${s}`))],
  )
}

export function exportTraining(scope: Scope, raw: Record<string, string>) {
  const query = ZTrainingListQuery.parse(raw)
  return exportPages(
    'xlsx.sheet.training',
    ['xlsx.col.title', 'xlsx.col.trainingKind', 'xlsx.col.date', 'xlsx.col.trainingHours', 'xlsx.col.organiser', 'xlsx.col.attendees'],
    (page, pageSize) => listTrainingEvents(scope, { ...query, page, pageSize }),
    (e, zh) => [e.title, zh(`trainingKind.${e.kind}`), fromDbDate(e.date), e.hours, e.orgUnit.name, e.attendees],
  )
}

export function exportAgencies(scope: Scope, raw: Record<string, string>) {
  const query = ZAgencyListQuery.parse(raw)
  return exportPages(
    'xlsx.sheet.agencies',
    ['xlsx.col.agency', 'xlsx.col.agencyKind', 'xlsx.col.registeredAt', 'xlsx.col.staff'],
    (page, pageSize) => listAgencies(scope, { ...query, page, pageSize }),
    (a, zh) => [a.name, zh(`agencyKind.${a.kind}`), a.orgUnit.name, a.staff],
  )
}

export function exportInspections(scope: Scope) {
  return exportPages(
    'xlsx.sheet.inspections',
    ['xlsx.col.inspected', 'xlsx.col.project', 'xlsx.col.template', 'xlsx.col.date', 'xlsx.col.status', 'xlsx.col.score', 'xlsx.col.openRectifications'],
    (page, pageSize) => listInspections(scope, { page, pageSize }),
    (i, zh) => [i.unit, i.project, i.template, fromDbDate(i.scheduledFor), zh(`evaluation.inspectionStatus.${i.status}`), i.scorePercent === null ? null : Number(i.scorePercent), i.openRectifications],
  )
}

export function exportRectifications(scope: Scope) {
  return exportPages(
    'xlsx.sheet.rectifications',
    ['xlsx.col.inspected', 'xlsx.col.template', 'xlsx.col.description', 'xlsx.col.deadline', 'xlsx.col.status', 'xlsx.col.overdue'],
    async (page, pageSize) => (await listRectifications(scope, { page, pageSize })).all,
    (r, zh) => [r.unit, r.template, r.description, fromDbDate(r.deadline), zh(`evaluation.rectStatus.${r.status}`), zh(r.overdue ? 'xlsx.yes' : 'xlsx.no')],
  )
}

const ZPracticeQuery = z.object({ q: z.string().trim().max(50).optional().catch(undefined), view: z.enum(['library', 'review']).catch('library').default('library') })

export function exportPractice(scope: Scope, raw: Record<string, string>) {
  const query = ZPracticeQuery.parse(raw)
  return exportPages(
    'xlsx.sheet.practice',
    ['xlsx.col.title', 'xlsx.col.community', 'xlsx.col.county', 'xlsx.col.project', 'xlsx.col.status', 'xlsx.col.publishedAt', 'xlsx.col.results'],
    (page, pageSize) => listPracticeCases(scope, { library: query.view === 'library', q: query.q, page, pageSize }),
    (c, zh) => [c.title, c.orgUnit.name, c.orgUnit.parent?.name ?? '', c.project?.name ?? '', zh(`practiceStatus.${c.status}`), c.publishedAt ? chinaDate(c.publishedAt) : '', c.results],
  )
}

export function exportSpotChecks(scope: Scope) {
  return exportPages(
    'xlsx.sheet.spotChecks',
    ['xlsx.col.drawnAt', 'xlsx.col.spotKind', 'xlsx.col.unit', 'xlsx.col.population', 'xlsx.col.sample', 'xlsx.col.seed', 'xlsx.col.drawnBy'],
    (page, pageSize) => listSpotChecks(scope, { page, pageSize }),
    (d, zh) => [d.createdAt.toISOString(), zh(`evaluation.spotKind.${d.kind}`), d.unit, d.populationSize, d.drawn, d.seed, d.drawnBy],
  )
}

export function exportSurveys(scope: Scope) {
  return exportPages(
    'xlsx.sheet.surveys',
    ['xlsx.col.title', 'xlsx.col.unit', 'xlsx.col.periodFrom', 'xlsx.col.periodTo', 'xlsx.col.status', 'xlsx.col.responses'],
    (page, pageSize) => listCampaigns(scope, { page, pageSize }),
    (c, zh) => [c.title, c.unit, fromDbDate(c.startsOn), fromDbDate(c.endsOn), zh(`evaluation.surveyStatus.${c.status}`), c.responses],
  )
}

export function exportTeams(scope: Scope) {
  return exportPages(
    'xlsx.sheet.teams',
    ['xlsx.col.teamName', 'xlsx.col.teamKind', 'xlsx.col.community', 'xlsx.col.leader', 'xlsx.col.members'],
    async () => ({ rows: await listTeams(scope), pageCount: 1 }),
    (tm, zh) => [tm.name, zh(`teamKind.${tm.kind}`), tm.orgUnit.name, tm.leader?.name ?? '', tm._count.members],
  )
}

export function exportVenues(scope: Scope) {
  return exportPages(
    'xlsx.sheet.venues',
    ['xlsx.col.venue', 'xlsx.col.community', 'xlsx.col.capacity', 'xlsx.col.opensAt', 'xlsx.col.closesAt'],
    async () => ({ rows: await listVenues(scope), pageCount: 1 }),
    (v) => [v.name, v.orgUnit.name, v.capacity, v.opensAt, v.closesAt],
  )
}

export function exportRewards(scope: Scope) {
  return exportPages(
    'xlsx.sheet.rewards',
    ['xlsx.col.reward', 'xlsx.col.community', 'xlsx.col.cost', 'xlsx.col.stock'],
    async () => ({ rows: await listRewards(scope), pageCount: 1 }),
    (r) => [r.name, r.orgUnit.name, r.cost, r.stock],
  )
}

const ZUnitsQuery = z.object({ q: z.string().trim().min(1).max(50).catch('') })

export function exportUnits(scope: Scope, raw: Record<string, string>) {
  const { q } = ZUnitsQuery.parse(raw)
  return exportPages(
    'xlsx.sheet.units',
    ['xlsx.col.unitName', 'xlsx.col.code', 'xlsx.col.level', 'xlsx.col.subDistrict', 'xlsx.col.trail', 'xlsx.col.pilotBatch'],
    async (page, pageSize) => (q ? searchUnits(scope, q, page, pageSize) : { rows: [], pageCount: 1 }),
    (u, zh) => [u.name, u.code, zh(`level.${u.level}`), u.subDistrict ?? '', u.trail, u.pilot?.batch ?? ''],
  )
}

export function exportTemplates(scope: Scope) {
  return exportPages(
    'xlsx.sheet.templates',
    ['xlsx.col.template', 'xlsx.col.unit', 'xlsx.col.items', 'xlsx.col.totalWeight', 'xlsx.col.uses'],
    async () => ({ rows: await listTemplates(scope), pageCount: 1 }),
    (tpl) => [tpl.name, tpl.unit, tpl.itemCount, tpl.totalWeight, tpl.used],
  )
}

/**
 * A case worker's (or supervisor's) caseload: the person's name masked, no sensitive field, so a file that
 * leaves the platform names nobody in full; officials' case figures are counts on the dashboards.
 */
export function exportCases(scope: Scope) {
  return exportPages(
    'xlsx.sheet.cases',
    ['xlsx.col.person', 'xlsx.col.vulnerabilityGroup', 'xlsx.col.status', 'xlsx.col.community', 'xlsx.col.openedAt', 'xlsx.col.overdueFollowUps'],
    async () => ({ rows: await listMyCases(scope), pageCount: 1 }),
    (c, zh) => [maskName(c.personName), zh(`targetGroup.${c.vulnerabilityGroup}`), zh(`caseStatus.${c.status}`), c.orgUnit.name, chinaDate(c.createdAt), c._count.followUps],
  )
}

type ExportList = { allowed: (scope: Scope) => boolean; file: Parameters<typeof xlsxFileName>[0]; build: (scope: Scope, query: Record<string, string>) => Promise<Buffer> }

/** The lists /api/exports/<list> serves, with who may export them (anyone else gets 404). */
export const EXPORTS: Record<string, ExportList> = {
  volunteers: { allowed: canSeeVolunteers, file: 'volunteers', build: exportVolunteers },
  talent: { allowed: (s) => can(s, 'talent.read'), file: 'talent', build: exportTalent },
  projects: { allowed: (s) => can(s, 'project.read'), file: 'projects', build: exportProjects },
  pilots: { allowed: (s) => can(s, 'org.browse'), file: 'pilots', build: exportPilots },
  training: { allowed: (s) => can(s, 'talent.read'), file: 'training', build: exportTraining },
  agencies: { allowed: (s) => can(s, 'talent.read'), file: 'agencies', build: exportAgencies },
  inspections: { allowed: (s) => can(s, 'evaluation.manage') || can(s, 'evaluation.respond'), file: 'inspections', build: (s) => exportInspections(s) },
  rectifications: { allowed: (s) => can(s, 'evaluation.manage') || can(s, 'evaluation.respond'), file: 'rectifications', build: (s) => exportRectifications(s) },
  practice: { allowed: () => true, file: 'practice', build: exportPractice },
  'spot-checks': { allowed: (s) => can(s, 'evaluation.manage'), file: 'spotChecks', build: (s) => exportSpotChecks(s) },
  surveys: { allowed: (s) => can(s, 'survey.manage'), file: 'surveys', build: (s) => exportSurveys(s) },
  teams: { allowed: (s) => can(s, 'org.read'), file: 'teams', build: (s) => exportTeams(s) },
  venues: { allowed: (s) => can(s, 'org.read'), file: 'venues', build: (s) => exportVenues(s) },
  rewards: { allowed: (s) => can(s, 'points.manage'), file: 'rewards', build: (s) => exportRewards(s) },
  units: { allowed: (s) => can(s, 'org.browse'), file: 'units', build: exportUnits },
  templates: { allowed: (s) => can(s, 'evaluation.manage'), file: 'templates', build: (s) => exportTemplates(s) },
  cases: { allowed: (s) => can(s, 'case.work') || can(s, 'case.supervise'), file: 'cases', build: (s) => exportCases(s) },
}
