import { z } from './zod'

// A list's order in the URL: `?sort=<column>&dir=asc|desc`, checked against the columns the list can be
// sorted by. A sort the list does not offer, or no sort, falls back to the list's default order; a named
// sort without `dir` is ascending. The same rule is read by the kit's DataList (components/ui/data-list.tsx)
// to mark the current order, and by `orderOf` in the data layer to build it.

export const SORT_DIRS = ['asc', 'desc'] as const
export type SortDir = (typeof SORT_DIRS)[number]

/** The `sort` and `dir` fields of a list query whose sortable columns are `keys`. */
export function listSort<const K extends readonly [string, ...string[]]>(keys: K) {
  return {
    sort: z.enum(keys).optional().catch(undefined),
    dir: z.enum(SORT_DIRS).optional().catch(undefined),
  }
}

/**
 * The Prisma `orderBy` for a parsed `{ sort, dir }`: the named column's order in its direction, else the
 * default; `tie` (a unique column) always last so that pages never share or skip a row.
 */
export function orderOf<K extends string, O>(q: { sort?: K; dir?: SortDir }, by: Record<K, (dir: SortDir) => O[]>, fallback: O[], tie: O): O[] {
  return [...(q.sort ? by[q.sort](q.dir ?? 'asc') : fallback), tie]
}
