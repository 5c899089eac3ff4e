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
] as const

export type Permission = (typeof PERMISSIONS)[number]

/** role → permissions: the single table every check reads. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  REGION_OFFICIAL: ['org.read', 'org.browse', 'org.manage'],
  LEAGUE_OFFICIAL: ['org.read', 'org.browse'],
  COUNTY_OFFICIAL: ['org.read', 'org.browse'],
  COMMUNITY_ADMIN: ['org.read', 'org.browse'],
  SOCIAL_WORKER: ['org.read', 'org.browse'],
  SOCIAL_ORG_STAFF: ['org.read', 'org.browse'],
  TEAM_LEADER: ['org.read', 'volunteer.home'],
  VOLUNTEER: ['org.read', 'volunteer.home'],
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
