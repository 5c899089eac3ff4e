// Spreadsheet import and export of the needs and resources lists: the template round trip, validation
// with the forms' schemas, no duplicates on re-import, who may import, and exports that equal the
// on-screen filter with the same masking.
import { beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { createNeed, listNeeds } from '@/lib/server/workflow/needs'
import { createResource, listResources } from '@/lib/server/workflow/resources'
import {
  exportNeeds,
  exportResources,
  importNeeds,
  importResources,
  keepErrorFile,
  keptErrorFile,
  needTemplate,
  resourceTemplate,
  xlsxFileName,
  type ImportResult,
} from '@/lib/server/workflow/xlsx'
import { ensureCategories } from '@/tests/factories/workflow'
import { makeT, messagesFor } from '@/lib/i18n'
import { prisma, tree, userWith } from './helpers'

type Cell = string | number | null
type World = Awaited<ReturnType<typeof world>>

async function world() {
  const t = await tree()
  const db = await prisma()
  const cat = await ensureCategories(db, t.tenant.id)
  const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
  const neighbour = await userWith('SOCIAL_WORKER', t.communityA1b)
  const volunteer = await userWith('VOLUNTEER', t.communityA1a)
  const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
  return { t, cat, worker, neighbour, volunteer, county }
}

/** Fills the first sheet of a template below its header row, as a person would in Excel. */
async function fill(template: Buffer, rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(template as never)
  const ws = wb.worksheets[0]
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Every sheet's cell texts, by sheet name. */
async function read(buf: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as never)
  const out: Record<string, string[][]> = {}
  for (const ws of wb.worksheets) {
    const rows: string[][] = []
    ws.eachRow((row) => {
      const cells: string[] = []
      for (let i = 1; i <= ws.columnCount; i++) {
        const v = row.getCell(i).value
        cells.push(v === null || v === undefined ? '' : String(v))
      }
      rows.push(cells)
    })
    out[ws.name] = rows
  }
  return out
}

function must(r: ImportResult) {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`)
  return r.value
}

const NEED_HEADERS = ['社区', '标题', '描述', '类别', '服务对象', '来源', '紧急程度', '涉及人数', '居民姓名', '居民电话']
const RESOURCE_HEADERS = ['社区', '提供方', '提供方类型', '资源类型', '服务类别', '容量/数量', '可用时间', '联系人', '联系电话', '说明']

describe('needs: template → import → re-import', () => {
  let w: World
  beforeAll(async () => {
    w = await world()
  })

  it('the template has the Chinese headers and an instructions sheet with every allowed value', async () => {
    const sheets = await read(await needTemplate(w.worker.scope))
    expect(Object.keys(sheets)).toEqual(['需求清单', '填写说明'])
    expect(sheets['需求清单'][0]).toEqual(NEED_HEADERS)
    const help = sheets['填写说明']
    const column = (name: string) => {
      const i = help[0].indexOf(name)
      return help.slice(1).map((r) => r[i]).filter(Boolean)
    }
    expect(column('社区')).toEqual([w.t.communityA1a.name]) // only where the caller records needs
    expect(column('类别')).toEqual(expect.arrayContaining(['养老助老', '医疗健康', '其他']))
    expect(column('服务对象')).toEqual(['老年人', '儿童', '残疾人', '困难群众', '新就业群体', '全体居民'])
    expect(column('来源')).toEqual(['入户走访', '问卷调查', '网格巡查', '热线电话', '来访'])
    expect(column('紧急程度')).toEqual(['一般', '较急', '紧急', '特急'])
    expect(help.map((r) => r.join('')).join('\n')).toContain(`默认登记到“${w.t.communityA1a.name}”`)
  })

  it('saves the good rows, reports the bad ones by column in Chinese, and adds nothing on re-import', async () => {
    const community = w.t.communityA1a.name
    const file = await fill(await needTemplate(w.worker.scope), [
      [community, '独居老人助餐', '三位独居老人午餐无人照料', '养老助老', '老年人', '入户走访', '紧急', 3, '王秀兰', '13812345678'],
      [null, '楼道照明维修', '3 号楼楼道灯不亮', '便民服务', '全体居民', '网格巡查', '一般', '12', null, null],
      [community, '儿童课后托管', '双职工家庭放学后无人看护', '儿童关爱', '儿童', '问卷调查', '较急', 8, '李明', 13912345678], // a phone typed as a number
      [community, '', '没有标题', '其他', '老年人', '来访', '一般', -1, null, null],
      [community, '<script>alert(1)</script>', '标题带标记', '宠物美容', '老年人', '来访', '一般', 1, null, null],
    ])
    const progress: [number, number][] = []
    const first = must(await importNeeds(w.worker.scope, file, (done, total) => progress.push([done, total])))
    expect(first).toMatchObject({ total: 5, created: 3, duplicates: 0, failed: 2 })
    expect(progress).toEqual([[0, 5], [5, 5]])

    const errors = (await read(first.errorFile!))['错误行']
    expect(errors[0]).toEqual([...NEED_HEADERS, '错误原因'])
    expect(errors).toHaveLength(3) // header + the 2 bad rows, with their original cells
    const [emptyTitle, markup] = errors.slice(1)
    expect(emptyTitle.slice(2, 8)).toEqual(['没有标题', '其他', '老年人', '来访', '一般', '-1'])
    expect(emptyTitle[10]).toMatch(/^标题：.+；涉及人数：.+$/)
    expect(markup[1]).toBe('<script>alert(1)</script>')
    expect(markup[10]).toContain('标题：')
    expect(markup[10]).toContain('类别：“宠物美容”不在可选列表中')

    const db = await prisma()
    const saved = await db.need.findMany({ where: { orgUnitId: w.t.communityA1a.id }, select: { id: true, title: true, residentPhone: true, importKey: true, status: true, createdById: true }, orderBy: { title: 'asc' } })
    expect(saved.map((n) => n.title).sort()).toEqual(['儿童课后托管', '楼道照明维修', '独居老人助餐'].sort())
    expect(saved.every((n) => n.importKey && n.status === 'OPEN' && n.createdById === w.worker.id)).toBe(true)
    expect(saved.find((n) => n.title === '儿童课后托管')?.residentPhone).toBe('13912345678')
    // each imported need has its first status change, as createNeed writes it
    const changes = await db.statusChange.findMany({ where: { entity: 'Need', entityId: { in: saved.map((n) => n.id) } }, select: { from: true, to: true, byUserId: true } })
    expect(changes).toHaveLength(3)
    expect(changes.every((c) => c.from === null && c.to === 'OPEN' && c.byUserId === w.worker.id)).toBe(true)

    const again = must(await importNeeds(w.worker.scope, file))
    expect(again).toMatchObject({ total: 5, created: 0, duplicates: 3, failed: 2 })
    expect(await db.need.count({ where: { orgUnitId: w.t.communityA1a.id } })).toBe(3)

    // the error file, fixed in its own columns, imports as it is (错误原因 is ignored)
    const fixedWb = new ExcelJS.Workbook()
    await fixedWb.xlsx.load(first.errorFile! as never)
    const ws = fixedWb.worksheets[0]
    ws.getRow(2).getCell(2).value = '修补后的标题'
    ws.getRow(2).getCell(8).value = 2
    ws.getRow(3).getCell(2).value = '去掉标记的标题'
    ws.getRow(3).getCell(4).value = '其他'
    const fixed = must(await importNeeds(w.worker.scope, Buffer.from(await fixedWb.xlsx.writeBuffer())))
    expect(fixed).toMatchObject({ total: 2, created: 2, duplicates: 0, failed: 0, errorFile: null })
  })

  it('two uploads of the same file at once record each row once (ON CONFLICT, not check-then-act)', async () => {
    const rows: Cell[][] = Array.from({ length: 150 }, (_, i) => [null, `并发需求${i}`, '同时上传两次', '便民服务', '全体居民', '网格巡查', '一般', 1, null, null])
    const file = await fill(await needTemplate(w.worker.scope), rows)
    const [a, b] = (await Promise.all([importNeeds(w.worker.scope, file), importNeeds(w.worker.scope, file)])).map(must)
    expect(a.created + b.created).toBe(150)
    expect(a.duplicates + b.duplicates).toBe(150)
    expect(await (await prisma()).need.count({ where: { orgUnitId: w.t.communityA1a.id, title: { startsWith: '并发需求' } } })).toBe(150)
  })

  it('a caller without need.record imports nothing; another community cannot be named', async () => {
    const db = await prisma()
    const before = await db.need.count({ where: { tenantId: w.t.tenant.id } })
    const file = await fill(await needTemplate(w.worker.scope), [[w.t.communityA1a.name, '邻里纠纷调解', '楼上楼下噪音纠纷', '矛盾调解', '全体居民', '热线电话', '较急', 2, null, null]])
    expect(await importNeeds(w.volunteer.scope, file)).toMatchObject({ ok: false, error: 'NOT_FOUND' })
    expect(await importNeeds(w.county.scope, file)).toMatchObject({ ok: false, error: 'NOT_FOUND' }) // officials read, they do not record

    const r = must(await importNeeds(w.neighbour.scope, file))
    expect(r).toMatchObject({ total: 1, created: 0, failed: 1 })
    expect((await read(r.errorFile!))['错误行'][1][10]).toBe(`社区：“${w.t.communityA1a.name}”不是您可以导入的社区`)
    expect(await db.need.count({ where: { tenantId: w.t.tenant.id } })).toBe(before)
  })

  it('refuses whole files that are too large, too long, unreadable or missing columns', async () => {
    const template = await needTemplate(w.worker.scope)
    expect(await importNeeds(w.worker.scope, Buffer.alloc(5 * 1024 * 1024 + 1))).toMatchObject({ ok: false, error: 'TOO_LARGE', message: 'xlsx.error.tooLarge' })
    expect(await importNeeds(w.worker.scope, Buffer.from('title,description\n'))).toMatchObject({ ok: false, error: 'UNREADABLE' })
    const row: Cell[] = [null, '楼道照明维修', '楼道灯不亮', '便民服务', '全体居民', '网格巡查', '一般', 1, null, null]
    const long = await fill(template, Array.from({ length: 5001 }, (_, i) => [null, `需求${i}`, ...row.slice(2)]))
    expect(await importNeeds(w.worker.scope, long)).toMatchObject({ ok: false, error: 'TOO_MANY_ROWS', params: { max: 5000 } })
    expect(await importNeeds(w.worker.scope, template)).toMatchObject({ ok: false, error: 'EMPTY' })
    // a zip whose entries claim to inflate to 200 MB is refused before anything is inflated
    const bomb = Buffer.from(await fill(template, [row]))
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    bomb.writeUInt32LE(200 * 1024 * 1024, cd + 24)
    expect(await importNeeds(w.worker.scope, bomb)).toMatchObject({ ok: false, error: 'TOO_LARGE' })

    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Sheet1').addRow(['标题', '描述'])
    wb.worksheets[0].addRow(['标题', '描述'])
    const r = await importNeeds(w.worker.scope, Buffer.from(await wb.xlsx.writeBuffer()))
    expect(r).toMatchObject({ ok: false, error: 'MISSING_COLUMNS', params: { columns: '类别、服务对象、来源、紧急程度、涉及人数' } })
  })

  it('refuses a row whose imported cell holds a formula, naming the cell; a title written as a formula too', async () => {
    const community = w.t.communityA1a.name
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await needTemplate(w.worker.scope)) as never)
    const ws = wb.worksheets[0]
    ws.addRow([community, '公式测试：正常的一行', '说明', '便民服务', '全体居民', '网格巡查', '一般', 2, null, null])
    // 涉及人数 (H3) taken from another workbook, cached value 5; 标题 (B4) built by a formula
    ws.addRow([community, '公式测试：外部引用', '说明', '便民服务', '全体居民', '网格巡查', '一般', { formula: "'[other.xlsx]Sheet1'!A1", result: 5 }, null, null])
    ws.addRow([community, { formula: 'CONCATENATE("公式测试：","标题")', result: '公式测试：标题' }, '说明', '便民服务', '全体居民', '网格巡查', '一般', 1, null, null])
    // a formula in a column that is not imported (a helper column beyond the template) does not matter
    ws.addRow([community, '公式测试：辅助列', '说明', '便民服务', '全体居民', '网格巡查', '一般', 3, null, null, { formula: 'ROW()-1', result: 4 }])
    const r = must(await importNeeds(w.worker.scope, Buffer.from(await wb.xlsx.writeBuffer())))
    expect(r).toMatchObject({ total: 4, created: 2, failed: 2 })
    const errors = (await read(r.errorFile!))['错误行']
    expect(errors.slice(1).map((e) => e[10])).toEqual(['涉及人数：第 3 行 H 列是公式，请粘贴为数值后再导入', '标题：第 4 行 B 列是公式，请粘贴为数值后再导入'])
    const db = await prisma()
    const saved = await db.need.findMany({ where: { orgUnitId: w.t.communityA1a.id, title: { startsWith: '公式测试' } }, select: { title: true } })
    expect(saved.map((n) => n.title).sort()).toEqual(['公式测试：正常的一行', '公式测试：辅助列'].sort())
    // the instructions sheet says so before anyone tries
    expect(JSON.stringify((await read(await needTemplate(w.worker.scope)))['填写说明'])).toContain('不要使用公式')
  })

  it('a zip bomb is refused with what is wrong: the unpacked size, against the limit, beside the upload size', async () => {
    const template = await needTemplate(w.worker.scope)
    const bomb = Buffer.from(await fill(template, [[null, '楼道照明维修', '楼道灯不亮', '便民服务', '全体居民', '网格巡查', '一般', 1, null, null]]))
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    const declared = 629 * 1024 * 1024
    const before = bomb.readUInt32LE(cd + 24)
    bomb.writeUInt32LE(declared, cd + 24)
    const r = await importNeeds(w.worker.scope, bomb)
    if (r.ok) throw new Error('a zip bomb was read')
    expect(r).toMatchObject({ error: 'TOO_LARGE', message: 'xlsx.error.unpackedTooLarge', params: { max: 100, size: String(Math.max(0.1, Math.round((bomb.length / 1024 / 1024) * 10) / 10)) } })
    // the other entries add their own few kilobytes: still "about 629 MB"
    expect(r.params?.mb).toBe('629')
    expect(before).toBeLessThan(declared)
    const text = makeT(messagesFor('zh-CN'))(r.message, r.params)
    expect(text).toContain('解压后约 629 MB，超过解压后 100 MB 的上限')
    expect(text).not.toContain('文件超过 5 MB')
  })

  it('imports 1,000 rows in batches, reporting progress every 100', async () => {
    const rows: Cell[][] = Array.from({ length: 1000 }, (_, i) => [null, `批量需求${i}`, `第 ${i} 户需要上门服务`, '养老助老', '老年人', '入户走访', '一般', (i % 9) + 1, null, `138${String(i).padStart(8, '0')}`])
    const file = await fill(await needTemplate(w.worker.scope), rows)
    const progress: number[] = []
    const started = performance.now()
    const r = must(await importNeeds(w.worker.scope, file, (done) => progress.push(done)))
    const ms = performance.now() - started
    console.info(`[xlsx] 1,000-row needs import (${(file.length / 1024).toFixed(0)} KB): ${ms.toFixed(0)} ms on ${process.env.DATABASE_URL?.split(':')[0]}`)
    expect(r).toMatchObject({ total: 1000, created: 1000, duplicates: 0, failed: 0 })
    expect(progress).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000])
  })
})

describe('needs export', () => {
  it('holds exactly the rows of the on-screen filter, masked for an official but not for the social worker', async () => {
    const w = await world()
    const base = {
      orgUnitId: w.t.communityA1a.id, description: '说明', categoryId: w.cat.ELDERLY_CARE, targetGroup: 'ELDERLY', source: 'VISIT', peopleAffected: '1', residentName: '王秀兰', residentPhone: '13812345678',
    }
    for (const [title, urgency] of [['助餐一', 'HIGH'], ['助餐二', 'HIGH'], ['理发', 'LOW'], ['助浴', 'HIGH']] as const) {
      const r = await createNeed(w.worker.scope, { ...base, title, urgency })
      expect(r.ok).toBe(true)
    }
    const q = { urgency: 'HIGH', page: 1, pageSize: 20 } as const
    const onScreen = (await listNeeds(w.county.scope, q)).rows.map((n) => n.title)
    expect(onScreen).toHaveLength(3)

    const forCounty = (await read(await exportNeeds(w.county.scope, q)))['需求清单']
    expect(forCounty[0].slice(0, 12)).toEqual([...NEED_HEADERS, '状态', '登记时间'])
    expect(forCounty.slice(1).map((r) => r[1])).toEqual(onScreen)
    expect(forCounty.slice(1).every((r) => r[6] === '紧急' && r[4] === '老年人' && r[10] === '待匹配')).toBe(true)
    expect(forCounty.slice(1).every((r) => r[9] === '138****5678' && r[8] === '王**')).toBe(true)
    expect(forCounty[1][11]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)

    const forWorker = (await read(await exportNeeds(w.worker.scope, q)))['需求清单']
    expect(forWorker.slice(1).map((r) => r[1])).toEqual(onScreen)
    expect(forWorker.slice(1).every((r) => r[9] === '13812345678' && r[8] === '王秀兰')).toBe(true)

    // another subtree sees none of it
    const other = await userWith('COUNTY_OFFICIAL', w.t.countyB1)
    expect((await read(await exportNeeds(other.scope, q)))['需求清单']).toHaveLength(1)
  })
})

describe('resources: template → import → export', () => {
  it('round-trips, splits several categories, adds nothing twice and masks contacts for officials', async () => {
    const w = await world()
    const template = await resourceTemplate(w.worker.scope)
    const sheets = await read(template)
    expect(sheets['资源清单'][0]).toEqual(RESOURCE_HEADERS)
    expect(sheets['填写说明'][0]).toEqual(expect.arrayContaining(['社区', '提供方类型', '资源类型', '服务类别']))

    const file = await fill(template, [
      [null, '幸福理发店', '商户', '服务', '养老助老、医疗健康', 20, '每周三上午', '张师傅', '13900001111', '上门理发'],
      [null, '街道医院', '医院', '专业技能', '医疗健康,其他', 5, '工作日', null, '0475-1234567', null],
      [null, '爱心超市', '商户', '物资', '宠物美容', 0, '每日', null, null, null],
    ])
    const first = must(await importResources(w.worker.scope, file))
    expect(first).toMatchObject({ total: 3, created: 2, duplicates: 0, failed: 1 })
    const bad = (await read(first.errorFile!))['错误行'][1]
    expect(bad[10]).toContain('服务类别：“宠物美容”不在服务类别列表中')
    expect(bad[10]).toContain('容量/数量：')
    expect(must(await importResources(w.worker.scope, file))).toMatchObject({ created: 0, duplicates: 2, failed: 1 })
    expect(await importResources(w.volunteer.scope, file)).toMatchObject({ ok: false, error: 'NOT_FOUND' })

    const db = await prisma()
    const shop = await db.resource.findFirstOrThrow({ where: { orgUnitId: w.t.communityA1a.id, providerName: '幸福理发店' }, select: { categoryIds: true } })
    expect(shop.categoryIds).toEqual([w.cat.ELDERLY_CARE, w.cat.HEALTH])

    // one more, by hand, of another type: the filter keeps it out of the export
    expect((await createResource(w.worker.scope, { orgUnitId: w.t.communityA1a.id, providerName: '党员服务队', providerKind: 'PARTY_MEMBER', type: 'SERVICE', categoryIds: [w.cat.OTHER], capacity: '10', availability: '周末', contactPhone: '13700002222' })).ok).toBe(true)
    const q = { type: 'SERVICE', page: 1, pageSize: 20 } as const
    const onScreen = (await listResources(w.county.scope, q)).rows.map((r) => r.providerName)
    expect(onScreen.sort()).toEqual(['党员服务队', '幸福理发店'])
    const forCounty = (await read(await exportResources(w.county.scope, q)))['资源清单']
    expect(forCounty[0].slice(0, 10)).toEqual(RESOURCE_HEADERS)
    expect(forCounty.slice(1).map((r) => r[1]).sort()).toEqual(onScreen)
    const shopRow = forCounty.find((r) => r[1] === '幸福理发店')!
    expect(shopRow.slice(2, 6)).toEqual(['商户', '服务', '养老助老、医疗健康', '20'])
    expect(shopRow[8]).toBe('139****1111')
    const forWorker = (await read(await exportResources(w.worker.scope, q)))['资源清单']
    expect(forWorker.find((r) => r[1] === '幸福理发店')![8]).toBe('13900001111')
  })
})

describe('error files between import and download', () => {
  it('are given only to the user who imported', async () => {
    const w = await world()
    const id = keepErrorFile(w.worker.scope, Buffer.from('x'), xlsxFileName('errors', new Date('2026-11-21T16:30:00Z')))
    expect(keptErrorFile(w.worker.scope, id)?.fileName).toEqual({ name: '导入失败的行-20261122.xlsx', ascii: 'failed-rows-20261122.xlsx' }) // China date
    expect(keptErrorFile(w.neighbour.scope, id)).toBeNull()
    expect(keptErrorFile(w.worker.scope, id, Date.now() + 31 * 60_000)).toBeNull() // expired after 30 minutes
  })
})
