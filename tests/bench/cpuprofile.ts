// Summarises a V8 .cpuprofile (node --cpu-prof, or the page benchmark's --profile): self time aggregated
// by function name + file (+ line, when the profile has it), by file, and by package, top first. Paths are
// mapped through the chunk's source map when one sits beside it (file.js.map), so a bundled server chunk
// of .next reads as the source file it came from.
//   npx tsx tests/bench/cpuprofile.ts <file.cpuprofile> [--top 25] [--json out.json]
import fs from 'node:fs'
import { SourceMap } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number; scriptId?: string }
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }
export type Row = { name: string; ms: number; pct: number }

const toFile = (url: string) => (url.startsWith('file://') ? fileURLToPath(url) : url)
const maps = new Map<string, SourceMap | null>()
function sourceMapOf(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!
  let m: SourceMap | null = null
  try {
    const file = toFile(url)
    const mapFile = `${file}.map`
    if (path.isAbsolute(file) && fs.existsSync(mapFile)) m = new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')))
  } catch { m = null }
  maps.set(url, m)
  return m
}

/** "node_modules/next/dist/…" → "next"; ".next/server/chunks/ssr/x.js" → ".next (bundled)"; "node:internal/…" → "node". */
function packageOf(where: string): string {
  if (!where) return '(native / V8)'
  const file = decodeURIComponent(where)
  if (file.startsWith('node:')) return 'node'
  const nm = file.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  if (file.includes('/.next/')) return '.next (app bundle)'
  return 'app source'
}

const short = (file: string, cwd: string) => file.replace(/^file:\/\//, '').replace(cwd + '/', '').replace(/^.*\/node_modules\//, 'node_modules/')

export function summarizeProfile(profile: CpuProfile, top = 25, cwd = process.cwd()) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>() // µs
  // sample i lasts until the next one (timeDeltas[i + 1]); the last one has no end, it is left out
  for (let i = 0; i < profile.samples.length - 1; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0))
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const fn = new Map<string, number>()
  const file = new Map<string, number>()
  const pkg = new Map<string, number>()
  for (const [id, us] of self) {
    const { callFrame: f } = byId.get(id)!
    let url = f.url
    let line = f.lineNumber
    let name = f.functionName || '(anonymous)'
    const map = url ? sourceMapOf(url) : null
    if (map && line >= 0) {
      const e = map.findEntry(line, f.columnNumber) as { originalSource?: string; originalLine?: number; name?: string }
      if (e?.originalSource) {
        // a relative source is relative to the chunk's own directory
        url = /^[a-z]+:/i.test(e.originalSource) ? e.originalSource : path.resolve(path.dirname(toFile(f.url)), e.originalSource)
        line = e.originalLine ?? line
        if (e.name && name === '(anonymous)') name = e.name
      }
    }
    const where = url ? `${short(url, cwd)}${line >= 0 ? `:${line + 1}` : ''}` : ''
    const key = where ? `${name}  ${where}` : name
    fn.set(key, (fn.get(key) ?? 0) + us)
    const fk = url ? short(url, cwd) : `(${name.replace(/^\(|\)$/g, '')})`
    file.set(fk, (file.get(fk) ?? 0) + us)
    const bundled = /^(?:webpack|turbopack):\/\/([^/]+)\//.exec(url) // e.g. webpack://next/./dist/compiled/react-dom/…
    const pk = bundled ? bundled[1] : url ? packageOf(short(url, cwd)) : `(native: ${name})`
    pkg.set(pk, (pkg.get(pk) ?? 0) + us)
  }
  const rows = (m: Map<string, number>, n: number): Row[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, pct: Math.round((us / total) * 1000) / 10 }))
  return {
    sampledMs: Math.round(total / 1000),
    wallMs: Math.round((profile.endTime - profile.startTime) / 1000),
    samples: profile.samples.length,
    sourceMapped: [...maps.values()].some(Boolean),
    functions: rows(fn, top),
    files: rows(file, top),
    packages: rows(pkg, 15),
  }
}
export type ProfileSummary = ReturnType<typeof summarizeProfile>

export function profileMarkdown(s: ProfileSummary, top = 25): string {
  const table = (title: string, rows: Row[]) => [`| ${title} | self ms | % |`, '|---|---|---|', ...rows.slice(0, top).map((r) => `| \`${r.name.replace(/\|/g, '\\|')}\` | ${r.ms.toFixed(1)} | ${r.pct.toFixed(1)} |`)].join('\n')
  return [
    `${s.samples} samples, ${(s.sampledMs / 1000).toFixed(1)} s sampled over ${(s.wallMs / 1000).toFixed(1)} s${s.sourceMapped ? ' (bundled frames mapped through source maps)' : ''}`,
    '', table(`top ${top} functions (self time)`, s.functions),
    '', table('by file', s.files.slice(0, 15)),
    '', table('by package', s.packages),
  ].join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2)
  const file = argv.find((a) => !a.startsWith('--'))
  if (!file) throw new Error('usage: tsx tests/bench/cpuprofile.ts <file.cpuprofile> [--top 25] [--json out.json]')
  const i = argv.indexOf('--top')
  const top = i >= 0 ? Number(argv[i + 1]) : 25
  const s = summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, top)
  console.log(profileMarkdown(s, top))
  const j = argv.indexOf('--json')
  if (j >= 0) fs.writeFileSync(argv[j + 1], JSON.stringify(s, null, 2))
}
