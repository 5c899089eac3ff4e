import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { IntlMessageFormat } from 'intl-messageformat'
import { zhCN } from '@/lib/i18n/messages/zh-CN'
import { en } from '@/lib/i18n/messages/en'
import { makeT, formatMessage, ICU_MESSAGE } from '@/lib/i18n/format'
import { isMessageKey, pickMessages, translatorFor } from '@/lib/i18n'
import { ROOT_MESSAGES } from '@/lib/i18n/root-messages'

const root = path.resolve(__dirname, '../..')
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'node_modules' ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)]))
const sources = ['app', 'components', 'lib'].flatMap((d) => walk(path.join(root, d))).filter((f) => /\.tsx?$/.test(f))
const isClient = (src: string) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(src)

/** The names a message takes, ICU arguments included: `{count, plural, …}` takes count. */
function argsOf(text: string): string[] {
  const names = new Set<string>()
  const visit = (els: unknown[]) => {
    for (const el of els as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (el.type !== 0 && el.type !== 7 && typeof el.value === 'string') names.add(el.value) // 0 literal, 7 pound
      if (el.options) for (const o of Object.values(el.options)) visit(o.value)
    }
  }
  visit(new IntlMessageFormat(text, 'en').getAst())
  return [...names].sort()
}

describe('message catalogs', () => {
  it('every message of both locales is valid ICU, and a key takes the same arguments in both', () => {
    const bad: string[] = []
    for (const k of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      try {
        const a = argsOf(zhCN[k])
        const b = argsOf(en[k])
        if (a.join() !== b.join()) bad.push(`${k}: zh-CN {${a}} ≠ en {${b}}`)
      } catch (e) {
        bad.push(`${k}: ${(e as Error).message}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('counts follow the locale’s plural rules (ICU), and a plain message is substituted as before', () => {
    const t = translatorFor('en')
    expect(t('needs.people', { count: 1 })).toBe('1 person')
    expect(t('needs.people', { count: 2 })).toBe('2 people')
    expect(t('needs.people', { count: 0 })).toBe('0 people')
    expect(t('cases.overdueBanner', { count: 1 })).toBe('You have 1 overdue follow-up')
    expect(t('xlsx.panel.summary', { total: 1, created: 1, duplicates: 0, failed: 0 })).toBe('1 row: 1 new, 0 duplicates, 0 failed')
    // a count already formatted by the page ("1,234") keeps its form
    expect(t('volunteer.count', { count: '1,234' })).toBe('1,234 volunteers')
    const zh = translatorFor('zh-CN')
    expect(zh('needs.people', { count: 1 })).toBe(zhCN['needs.people'].replace('{count}', '1'))
    expect(zh('tasks.slotsLeft', { left: 3, slots: 10 })).toBe(zhCN['tasks.slotsLeft'].replace('{left}', '3').replace('{slots}', '10'))
    expect(formatMessage('en', 'Hello {name}, {missing}', { name: 'A' })).toBe('Hello A, {missing}')
  })

  it('a subset translator knows its keys only, and the catalog picks exactly the keys asked for', () => {
    const sub = pickMessages('en', ['common.saving', 'error.retry'])
    expect(Object.keys(sub).sort()).toEqual(['common.saving', 'error.retry'])
    const t = makeT(sub, 'en')
    expect(t('common.saving')).toBe(en['common.saving'])
    expect(t('app.name')).toBe('app.name')
    expect(isMessageKey('common.saving')).toBe(true)
    expect(isMessageKey('no.such.key')).toBe(false)
  })
})

describe('translation happens on the server', () => {
  const clientFiles = sources.filter((f) => isClient(fs.readFileSync(f, 'utf8')))

  it('no client module imports a catalog (lib/i18n/index.ts or the message files) at run time', () => {
    const offenders = clientFiles.filter((f) => {
      const src = fs.readFileSync(f, 'utf8')
      return /^import (?!type )[^\n]*from ['"](@\/lib\/i18n|\.\/index|@\/lib\/i18n\/messages\/[^'"]+|\.\/messages\/[^'"]+)['"]/m.test(src)
    })
    expect(offenders.map((f) => path.relative(root, f))).toEqual([])
    expect(clientFiles.length).toBeGreaterThan(5) // the scan found the client components
  })

  it('a client component that renders an ICU message brings FormatJS itself (lib/i18n/icu.ts); no other client module does', () => {
    const isIcu = (k: string) => ICU_MESSAGE.test((zhCN as Record<string, string>)[k]) || ICU_MESSAGE.test((en as Record<string, string>)[k])
    const bringsIcu = (src: string) => /^import ['"]@\/lib\/i18n\/icu['"]/m.test(src)
    const problems: string[] = []
    let needing = 0
    for (const f of clientFiles) {
      const src = fs.readFileSync(f, 'utf8')
      const sibling = f.replace(/\.tsx$/, '.messages.ts')
      const keys = [...src.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1])
      if (fs.existsSync(sibling)) for (const m of fs.readFileSync(sibling, 'utf8').matchAll(/'([\w.]+)'/g)) keys.push(m[1])
      const icuKeys = keys.filter((k) => isMessageKey(k) && isIcu(k))
      if (icuKeys.length) needing++
      if (icuKeys.length && !bringsIcu(src)) problems.push(`${path.relative(root, f)} renders ${icuKeys.join(', ')} without importing @/lib/i18n/icu`)
      if (!icuKeys.length && bringsIcu(src)) problems.push(`${path.relative(root, f)} imports @/lib/i18n/icu but renders no ICU message`)
      if (/^import [^\n]*from ['"]intl-messageformat['"]/m.test(src)) problems.push(`${path.relative(root, f)} imports intl-messageformat directly`)
    }
    for (const k of ROOT_MESSAGES) if (isIcu(k)) problems.push(`root message ${k} is ICU: every page would need FormatJS`)
    expect(problems).toEqual([])
    expect(needing).toBeGreaterThanOrEqual(2) // the import panel and the public survey form
  })

  it('each client component that translates declares the messages it renders, and its parent hands them over', () => {
    const missing: string[] = []
    let checked = 0
    for (const f of clientFiles) {
      const src = fs.readFileSync(f, 'utf8')
      if (!/useI18n\(\)/.test(src) || f.includes(`${path.sep}lib${path.sep}i18n${path.sep}`)) continue
      const used = [...src.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1])
      const sibling = f.replace(/\.tsx$/, '.messages.ts')
      const declared = new Set<string>(ROOT_MESSAGES)
      if (fs.existsSync(sibling)) {
        const decl = fs.readFileSync(sibling, 'utf8')
        for (const m of decl.matchAll(/'([\w.]+)'/g)) if (isMessageKey(m[1])) declared.add(m[1])
        // the declaration is used: some server component wraps the client one in <ClientMessages> with it
        const exported = [...decl.matchAll(/export const (\w+_MESSAGES)\b/g)].map((m) => m[1])
        for (const name of exported) if (!sources.some((s) => s !== sibling && fs.readFileSync(s, 'utf8').includes(`keys={${name}`))) missing.push(`${name} is never handed over`)
      }
      for (const k of used) if (!declared.has(k)) missing.push(`${path.relative(root, f)} renders ${k}, not declared`)
      checked++
    }
    expect(missing).toEqual([])
    expect(checked).toBeGreaterThanOrEqual(5)
  })
})
