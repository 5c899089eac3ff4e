import 'server-only'
import { z } from 'zod'
import type { Scope } from '../authz/scope'
import { exportPages } from '../workflow/xlsx'
import { listVolunteers } from './volunteers'
import { listTalent } from './talent'
import { listProjects } from '../projects/projects'
import { listPilots } from '../projects/pilot-tasks'
import { ZTalentListQuery } from '@/lib/schemas/talent'
import { PROJECT_STATUSES } from '@/lib/schemas/projects'

/*
 * The .xlsx exports of the people and pilot lists: each reads the list function of its page, page after
 * page, so a file holds exactly the page's filter, scope and masking (phones and ID numbers masked).
 */

const day = (d: Date) => d.toISOString().slice(0, 10)

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

const ZProjectQuery = z.object({ status: z.enum(PROJECT_STATUSES).optional().catch(undefined) })

export function exportProjects(scope: Scope, raw: Record<string, string>) {
  const query = ZProjectQuery.parse(raw)
  return exportPages(
    'xlsx.sheet.projects',
    ['xlsx.col.project', 'xlsx.col.brand', 'xlsx.col.community', 'xlsx.col.status', 'xlsx.col.lead', 'xlsx.col.fundingSource', 'xlsx.col.fundingYuan', 'xlsx.col.periodFrom', 'xlsx.col.periodTo'],
    (page, pageSize) => listProjects(scope, { ...query, page, pageSize }),
    (p, zh) => [p.name, p.brand, p.orgUnit.name, zh(`projectStatus.${p.status}`), p.lead.name, zh(`fundingSource.${p.fundingSource}`), p.fundingFen / 100, day(p.startDate), day(p.endDate)],
  )
}

const ZPilotQuery = z.object({ q: z.string().trim().max(50).optional().catch(undefined) })

export function exportPilots(scope: Scope, raw: Record<string, string>) {
  const query = ZPilotQuery.parse(raw)
  return exportPages(
    'xlsx.sheet.pilots',
    ['xlsx.col.community', 'xlsx.col.subDistrict', 'xlsx.col.county', 'xlsx.col.league', 'xlsx.col.pilotBatch', 'xlsx.col.task1', 'xlsx.col.task2', 'xlsx.col.task3', 'xlsx.col.task4'],
    (page, pageSize) => listPilots(scope, { ...query, page, pageSize }),
    (p, zh) => [p.name, p.subDistrict, p.parent?.name ?? '', p.parent?.parent?.name ?? '', p.pilotBatch, ...p.tasks.map((s) => zh(`taskState.${s}`))],
  )
}
