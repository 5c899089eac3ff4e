import 'server-only'
import type { Role } from '../generated/prisma/enums'

/**
 * Every permission the platform knows. Code asks for permissions, never for role names.
 * A permission that is not in this list cannot be granted; a role that is not in ROLE_PERMISSIONS
 * grants nothing (deny by default).
 */
export const PERMISSIONS = [
  'org.read', //           see units of the subtree: names, codes, sub-districts, pilot designation
  'org.browse', //         open the child units of the subtree and drill down (officials, community staff)
  'org.manage', //         rename / move units, designate pilots
  'volunteer.home', //     the volunteer's phone home: own community, own teams and tasks
  'need.read', //          read the needs list of the subtree (resident phones masked)
  'need.record', //        record, edit, reject needs; see residents' phones unmasked
  'need.resolve', //       mark a need resolved with its outcome and the beneficiary's rating
  'resource.read', //      read the resources list (contacts masked)
  'resource.manage', //    record and edit resources; see contacts unmasked
  'service.read', //       read the service list
  'service.manage', //     turn a need and chosen resources into a service item
  'order.read', //         read dispatched orders
  'order.dispatch', //     派单: dispatch an order for a service item
  'order.claim', //        接单: claim or decline an order for a team one leads or works for
  'task.read', //          read tasks
  'task.manage', //        create tasks for claimed orders, check volunteers in and out
  'task.signup', //        sign up for tasks, check oneself in and out with the task code
  'category.manage', //    keep the tenant's list of service categories
  'project.read', //       read joint projects of the subtree
  'project.manage', //     design, submit, run joint projects; add activities and spending
  'project.approve', //    approve or return submitted projects (the banner/county leads)
  'practice.read', //      read practice cases in progress in the subtree (the published library is open to all)
  'practice.write', //     write and submit practice cases of a pilot community
  'practice.reviewCounty', // first review (banner/county): pass or return
  'practice.reviewLeague', // second review (league/city): pass or return
  'practice.publish', //   final review (region): publish to the shared library or return
  'pilot.evidence', //     attach evidence to the pilot's four tasks
  'case.work', //          open cases and work on the cases one is assigned to (need-to-know)
  'case.supervise', //     see every case of the community and its access log, assign social workers
  'case.stats', //         de-identified case counts of the subtree (never a name)
  'points.manage', //      keep the community's reward catalogue, award points, correct hours
  'team.manage', //        found, edit, archive any team of the community, choose its leader, approve join requests (team leaders approve their own)
  'team.own', //           found and run one's own social organisation's service team (kind SOCIAL_ORG, one is its member)
  'venue.manage', //       keep the community's venues
  'venue.book', //         book venue time slots
  'volunteer.team', //     see the profiles (masked) of the members of the teams one leads
  'volunteer.manage', //   see the community's volunteers (masked), import them from .xlsx, issue hours certificates
  'talent.read', //        the social-worker talent registry, training and certification figures of the subtree
  'talent.manage', //      keep the talent records of the community's social workers and staff
  'talent.self', //        one's own talent record and continuing-education hours
  'agency.manage', //      keep the register of social-work agencies and other social organisations
  'training.manage', //    organise training events and record attendance
  'org.figures', //        enter a unit's population figures (elderly population)
  'tenant.settings', //    the tenant's rules: points per hour, star thresholds, certification target, CE hours
  'evaluation.manage', //  checklist templates, inspections, rectification orders, spot checks over the subtree
  'evaluation.respond', // respond to rectifications ordered to one's own unit (and read its inspections)
  'survey.manage', //      satisfaction survey campaigns of the units of the subtree and their results
  'audit.read', //         search the tenant's audit trail (who did what, when, from where)
] as const

export type Permission = (typeof PERMISSIONS)[number]

const OFFICIAL_READ = ['org.read', 'org.browse', 'need.read', 'resource.read', 'service.read', 'order.read', 'task.read', 'project.read', 'practice.read', 'case.stats', 'talent.read'] as const

/** role → permissions: the single table every check reads. Officials read; the community acts. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  REGION_OFFICIAL: [...OFFICIAL_READ, 'org.manage', 'category.manage', 'practice.publish', 'agency.manage', 'training.manage', 'tenant.settings', 'evaluation.manage', 'survey.manage', 'audit.read'],
  LEAGUE_OFFICIAL: [...OFFICIAL_READ, 'practice.reviewLeague', 'agency.manage', 'training.manage', 'evaluation.manage', 'survey.manage'],
  COUNTY_OFFICIAL: [...OFFICIAL_READ, 'project.approve', 'practice.reviewCounty', 'agency.manage', 'training.manage', 'org.figures', 'evaluation.manage', 'evaluation.respond', 'survey.manage'],
  COMMUNITY_ADMIN: [...OFFICIAL_READ, 'need.record', 'need.resolve', 'resource.manage', 'service.manage', 'order.dispatch', 'task.manage', 'project.manage', 'practice.write', 'pilot.evidence', 'points.manage', 'team.manage', 'venue.manage', 'venue.book', 'volunteer.manage', 'talent.manage', 'training.manage', 'org.figures', 'evaluation.respond', 'survey.manage'],
  SOCIAL_WORKER: [...OFFICIAL_READ, 'need.record', 'need.resolve', 'resource.manage', 'service.manage', 'task.manage', 'project.manage', 'practice.write', 'pilot.evidence', 'case.work', 'venue.book', 'talent.self'],
  SOCIAL_ORG_STAFF: ['org.read', 'org.browse', 'service.read', 'order.read', 'order.claim', 'task.read', 'task.manage', 'project.read', 'venue.book', 'talent.self', 'team.own'],
  TEAM_LEADER: ['org.read', 'volunteer.home', 'volunteer.team', 'order.read', 'order.claim', 'task.read', 'task.manage', 'task.signup', 'venue.book'],
  VOLUNTEER: ['org.read', 'volunteer.home', 'task.read', 'task.signup'],
  CASE_SUPERVISOR: ['org.read', 'org.browse', 'case.supervise', 'case.stats'],
}

/** The org level at which each role may be held (a county official sits on a county, …). */
export const ROLE_LEVEL = {
  REGION_OFFICIAL: 'REGION',
  LEAGUE_OFFICIAL: 'LEAGUE_CITY',
  COUNTY_OFFICIAL: 'BANNER_COUNTY',
  COMMUNITY_ADMIN: 'COMMUNITY',
  SOCIAL_WORKER: 'COMMUNITY',
  SOCIAL_ORG_STAFF: 'COMMUNITY',
  TEAM_LEADER: 'COMMUNITY',
  VOLUNTEER: 'COMMUNITY',
  CASE_SUPERVISOR: 'COMMUNITY',
} as const satisfies Record<Role, string>

export function roleFitsLevel(role: string, level: string): boolean {
  return Object.hasOwn(ROLE_LEVEL, role) && ROLE_LEVEL[role as Role] === level
}

export function permissionsOf(role: string): readonly Permission[] {
  return Object.hasOwn(ROLE_PERMISSIONS, role) ? ROLE_PERMISSIONS[role as Role] : []
}

export function isPermission(p: string): p is Permission {
  return (PERMISSIONS as readonly string[]).includes(p)
}
