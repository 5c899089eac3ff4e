// Every list's empty state names what is empty: an empty needs list must not say 没有符合条件的单位.
// Reads every <EmptyState title={…}> of the pages and components, and checks that its message keys exist
// in both catalogs, that a key belongs to one list only, and that no two keys say the same thing.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { zhCN } from '@/lib/i18n/messages/zh-CN'
import { en } from '@/lib/i18n/messages/en'

const ROOT = join(__dirname, '..', '..')

function* tsxFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) yield* tsxFiles(p)
    else if (e.name.endsWith('.tsx')) yield p
  }
}

/** The expression inside `title={…}` starting at `from` (the index of its `{`), braces balanced. */
function braced(src: string, from: number): string {
  let depth = 0
  for (let i = from; i < src.length; i++) {
    if (src[i] === '{') depth++
    else if (src[i] === '}' && --depth === 0) return src.slice(from + 1, i)
  }
  throw new Error('unbalanced braces')
}

/** A list, for the rule "one key, one list": the route folder of a page (app/(app)/needs), or the component file. */
function listOf(file: string): string {
  const rel = relative(ROOT, file).split('\\').join('/')
  const m = /^app\/(?:\([^)]+\)\/)?([^/]+)/.exec(rel)
  if (m && rel.split('/').length > 2) return `app/${m[1]}`
  return rel
}

type Use = { file: string; list: string; keys: string[] }

function emptyStates(): Use[] {
  const uses: Use[] = []
  for (const dir of ['app', 'components']) {
    for (const file of tsxFiles(join(ROOT, dir))) {
      const src = readFileSync(file, 'utf8')
      for (const m of src.matchAll(/<EmptyState\s+title=\{/g)) {
        const expr = braced(src, m.index + m[0].length - 1)
        const keys = [...expr.matchAll(/\bt\(\s*'([^']+)'/g)].map((k) => k[1])
        uses.push({ file: relative(ROOT, file), list: listOf(file), keys })
      }
    }
  }
  return uses
}

/** Keys shown by more than one file on purpose: the same list (or the same non-list state) in two places. */
const SHARED: Record<string, string> = {
  'tasks.empty': 'the open tasks a volunteer can sign up for: on /tasks and on the volunteer home (listOpenTasks both)',
  'unit.noMatch': 'units: the /units search and the child units of a unit page',
  'points.noItems': "the community's reward catalogue: on /points and on /rewards",
  'home.noRoles': 'not a list: a signed-in user without a role',
}

describe('empty states', () => {
  const uses = emptyStates()

  it('are found (the scan works)', () => {
    expect(uses.length).toBeGreaterThan(20)
    expect(uses.find((u) => u.file.includes('needs/(list)/page.tsx'))?.keys).toEqual(['needs.noMatch', 'needs.empty'])
  })

  it('name their message keys literally, and every key is in both catalogs', () => {
    for (const u of uses) {
      expect(u.keys.length, `${u.file}: an EmptyState title without a literal t('…') key`).toBeGreaterThan(0)
      for (const k of u.keys) {
        expect(zhCN, `${u.file}: ${k}`).toHaveProperty([k])
        expect(en, `${u.file}: ${k}`).toHaveProperty([k])
      }
    }
  })

  it('a key belongs to one list: no list borrows another list’s message', () => {
    const lists = new Map<string, Set<string>>()
    for (const u of uses) for (const k of u.keys) lists.set(k, (lists.get(k) ?? new Set()).add(u.list))
    for (const [k, where] of lists) {
      if (where.size > 1) expect(SHARED, `${k} is used by ${[...where].join(', ')}`).toHaveProperty([k])
    }
    // the bug this guards: 没有符合条件的单位 under an empty needs, resources or services list
    const units = lists.get('unit.noMatch') ?? new Set()
    expect([...units].sort()).toEqual(['app/units', 'components/org/unit-view.tsx'])
  })

  it('no two keys say the same thing, so each list (and each list filtered) reads differently', () => {
    const keys = [...new Set(uses.flatMap((u) => u.keys))]
    const byText = new Map<string, string[]>()
    for (const k of keys) {
      const text = (zhCN as Record<string, string>)[k]
      byText.set(text, [...(byText.get(text) ?? []), k])
    }
    for (const [text, ks] of byText) expect(ks, `“${text}” is said by ${ks.join(', ')}`).toHaveLength(1)
    const enTexts = keys.map((k) => (en as Record<string, string>)[k])
    expect(new Set(enTexts).size).toBe(keys.length)
  })

  it('a filtered list says so, in words of its own list', () => {
    const filtered = ['needs', 'resources', 'services', 'orders', 'projects', 'practice', 'pilots']
    for (const list of filtered) {
      const u = uses.find((x) => x.list === `app/${list}`)
      expect(u?.keys.length, list).toBe(2)
      const [noMatch, empty] = u!.keys
      expect(noMatch, list).toMatch(/\.noMatch$/)
      expect(empty, list).toMatch(/\.empty$/)
    }
    expect(zhCN['needs.noMatch']).toBe('没有符合条件的需求')
    expect(zhCN['tasks.staffEmpty']).not.toBe(zhCN['tasks.empty'])
  })
})
