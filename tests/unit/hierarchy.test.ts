import { describe, expect, it } from 'vitest'
import { childLevelOf, idsOnPath, isWithin, minimalRoots, parentLevelOf, pathFor, underAny } from '@/lib/server/authz/hierarchy'

describe('materialized paths', () => {
  it('builds a path from the parent path and the id', () => {
    const r = pathFor(null, 'r1')
    const l = pathFor(r, 'l1')
    expect(r).toBe('/r1/')
    expect(l).toBe('/r1/l1/')
    expect(idsOnPath(pathFor(l, 'c-1'))).toEqual(['r1', 'l1', 'c-1'])
  })

  it('refuses ids that would break a LIKE prefix', () => {
    for (const bad of ['a/b', 'a%', 'a_b', '']) expect(() => pathFor('/r/', bad)).toThrow()
  })

  it('knows a subtree by prefix and not by a shared string start of a sibling id', () => {
    expect(isWithin('/r/l1/c/', '/r/l1/')).toBe(true)
    expect(isWithin('/r/l10/c/', '/r/l1/')).toBe(false) // the trailing slash matters
    expect(isWithin('/r/', '/r/l1/')).toBe(false)
  })

  it('reduces held subtrees to their minimal roots', () => {
    expect(minimalRoots(['/r/a/x/', '/r/a/', '/r/b/', '/r/b/'])).toEqual(['/r/a/', '/r/b/'])
    expect(minimalRoots([])).toEqual([])
  })

  it('orders the four levels', () => {
    expect(childLevelOf('REGION')).toBe('LEAGUE_CITY')
    expect(childLevelOf('BANNER_COUNTY')).toBe('COMMUNITY')
    expect(childLevelOf('COMMUNITY')).toBeNull()
    expect(parentLevelOf('REGION')).toBeNull()
    expect(parentLevelOf('COMMUNITY')).toBe('BANNER_COUNTY')
  })

  it('turns no roots into an always-false filter (never an empty OR)', () => {
    expect(underAny([], 'path')).toEqual({ path: { in: [] } })
    expect(underAny(['/a/'], 'orgPath')).toEqual({ OR: [{ orgPath: { startsWith: '/a/' } }] })
  })
})
