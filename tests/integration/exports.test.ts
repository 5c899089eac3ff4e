import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { createNeed } from '@/lib/server/workflow/needs'
import { createServiceItem } from '@/lib/server/workflow/services'
import { claimOrder, dispatchOrder } from '@/lib/server/workflow/orders'
import { createTask } from '@/lib/server/workflow/tasks'
import { exportOrders, exportServices, exportTasks } from '@/lib/server/workflow/xlsx'
import { createTeam, ensureCategories } from '@/tests/factories/workflow'
import { prisma, tree, userWith } from './helpers'

async function rows(buffer: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buffer as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  return Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))))
}

describe('exports of the service, order and task lists', () => {
  it('hold the caller’s area and filter, in Chinese', async () => {
    const t = await tree()
    const db = await prisma()
    const cat = await ensureCategories(db, t.tenant.id)
    const worker = await userWith('SOCIAL_WORKER', t.communityA1a)
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)
    const leader = await userWith('TEAM_LEADER', t.communityA1a)
    const county = await userWith('COUNTY_OFFICIAL', t.countyA1)
    const sibling = await userWith('COUNTY_OFFICIAL', t.countyA2)
    const team = await createTeam(db, { unit: t.communityA1a, name: '导出测试队', leaderId: leader.id })
    const need = await createNeed(worker.scope, { orgUnitId: t.communityA1a.id, title: '导出需求', description: '用于导出', categoryId: cat.OTHER, targetGroup: 'ALL_RESIDENTS', source: 'HOTLINE', urgency: 'LOW', peopleAffected: '1' })
    if (!need.ok) throw new Error('need')
    const service = await createServiceItem(worker.scope, { needId: need.value.id, title: '导出服务', description: '说明', resourceIds: [] })
    if (!service.ok) throw new Error('service')
    const order = await dispatchOrder(admin.scope, { serviceItemId: service.value.id, teamId: team.id })
    if (!order.ok) throw new Error('order')
    await claimOrder(leader.scope, order.value.id, team.id)
    const start = Date.now() + 86_400_000
    await createTask(leader.scope, { orderId: order.value.id, title: '导出任务', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), place: '活动室', slots: '4', signupDeadline: new Date(start - 3_600_000).toISOString() })

    const orders = await rows(await exportOrders(county.scope, {}))
    expect(orders[0]).toEqual(['社区', '服务项目', '对应需求', '派单对象', '状态', '接单队伍', '派单时间', '接单时间', '拒单原因'])
    expect(orders.slice(1).map((r) => [r[1], r[3], r[4], r[5]])).toEqual([['导出服务', '导出测试队', '已接单', '导出测试队']])
    expect(await rows(await exportOrders(county.scope, { status: 'DISPATCHED' }))).toHaveLength(1) // header only
    expect((await rows(await exportServices(county.scope, { q: '导出' }))).slice(1).map((r) => [r[1], r[4]])).toEqual([['导出服务', '已派单']])
    expect((await rows(await exportTasks(county.scope))).slice(1).map((r) => [r[1], r[7], r[8], r[9]])).toEqual([['导出任务', '4', '0', '报名中']])
    for (const ex of [exportOrders(sibling.scope, {}), exportServices(sibling.scope, {}), exportTasks(sibling.scope)]) expect(await rows(await ex)).toHaveLength(1)
  })
})
