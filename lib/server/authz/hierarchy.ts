import 'server-only'
import type { OrgLevel } from '../generated/prisma/enums'

/**
 * The hierarchy, in one place.
 *
 * region → league/city → banner/county → community. Every org unit stores `path`, the ids of its
 * ancestors and itself: "/<region>/<league>/<county>/<community>/". Every scoped row copies the path
 * of its unit (`orgPath`), so "everything under X" is one prefix filter on an indexed column whose
 * collation is "C" (byte order, so PostgreSQL can use the b-tree for LIKE 'prefix%').
 */
export const LEVELS = ['REGION', 'LEAGUE_CITY', 'BANNER_COUNTY', 'COMMUNITY'] as const satisfies readonly OrgLevel[]

export function depthOf(level: OrgLevel): number {
  return LEVELS.indexOf(level)
}

export function childLevelOf(level: OrgLevel): OrgLevel | null {
  return LEVELS[depthOf(level) + 1] ?? null
}

export function parentLevelOf(level: OrgLevel): OrgLevel | null {
  const d = depthOf(level)
  return d > 0 ? LEVELS[d - 1] : null
}

const SAFE_ID = /^[0-9a-zA-Z-]+$/ // ids never contain '/', '%' or '_' so paths are safe LIKE prefixes

export function pathFor(parentPath: string | null, id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`unsafe org unit id for a path: ${id}`)
  return `${parentPath ?? '/'}${id}/`
}

/** ids from the root down to the unit itself */
export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean)
}

export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath)
}

/** Drops paths already covered by another path of the list (a county inside a held league). */
export function minimalRoots(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length)
  const roots: string[] = []
  for (const p of sorted) if (!roots.some((r) => p.startsWith(r))) roots.push(p)
  return roots.sort()
}

/**
 * Prisma `where` fragment: rows whose path column lies under one of `roots`.
 * No roots → `{ [field]: { in: [] } }`, false wherever it is placed (deny by default). Never `OR: []`:
 * Prisma reads an empty OR as false at the top of a where but as TRUE when nested (tested).
 * Callers that need their own OR put it inside AND.
 */
export function underAny<F extends string>(roots: readonly string[], field: F): { OR: { [K in F]: { startsWith: string } }[] } | { [K in F]: { in: string[] } } {
  if (roots.length === 0) return { [field]: { in: [] as string[] } } as { [K in F]: { in: string[] } }
  return { OR: roots.map((r) => ({ [field]: { startsWith: r } }) as { [K in F]: { startsWith: string } }) }
}
