// The demo talent registry (人才队伍): 张晓燕's record at 小街社区, 李文博 working for a social-work agency
// registered at 科尔沁区, one past training event she attended, and 小街社区's elderly population.
// Idempotent: records are found by their natural keys and left alone when present.
import type { Db } from '@/lib/server/db'
import type { UnitRef } from '@/tests/factories/org'
import { addDays, chinaDate, toDbDate } from '@/lib/china-time'

export const DEMO_AGENCY = '科尔沁区益民社会工作服务中心'
const DEMO_TRAINING = '社区社会工作实务专题讲座：老年人个案服务'

export async function seedTalent(prisma: Db, units: Map<string, UnitRef>) {
  const xiaojie = units.get('150502006005')
  const keerqin = units.get('150502')
  if (!xiaojie || !keerqin) throw new Error('seedTalent: 小街社区 or 科尔沁区 missing')
  const phone = async (p: string) => (await prisma.user.findUniqueOrThrow({ where: { phone: p }, select: { id: true } })).id
  const [county, worker, orgStaff] = await Promise.all(['13900000004', '13900000006', '13900000007'].map(phone))
  const tenantId = xiaojie.tenantId

  const agency = await prisma.agency.upsert({
    where: { tenantId_name: { tenantId, name: DEMO_AGENCY } },
    update: {},
    create: { tenantId, orgUnitId: keerqin.id, orgPath: keerqin.path, name: DEMO_AGENCY, kind: 'SOCIAL_WORK_AGENCY', contactName: '李文博' },
    select: { id: true },
  })
  const at = { tenantId, orgUnitId: xiaojie.id, orgPath: xiaojie.path }
  await prisma.workerProfile.upsert({
    where: { userId: worker },
    update: {},
    create: { ...at, userId: worker, certLevel: 'INTERMEDIATE', certNumber: 'Z2019150502000318', certDate: toDbDate('2019-06-16'), employerKind: 'COMMUNITY', station: '小街社区社工站' },
  })
  await prisma.workerProfile.upsert({
    where: { userId: orgStaff },
    update: {},
    create: { ...at, userId: orgStaff, certLevel: 'ASSISTANT', certNumber: 'A2022150502001207', certDate: toDbDate('2022-06-19'), employerKind: 'AGENCY', agencyId: agency.id, station: '小街社区社工站' },
  })

  // a lecture by the county 30 days before the first seeding (China date), 张晓燕 attended
  let event = await prisma.trainingEvent.findFirst({ where: { orgUnitId: keerqin.id, title: DEMO_TRAINING }, select: { id: true } })
  if (!event) {
    const date = addDays(chinaDate(), -30)
    event = await prisma.trainingEvent.create({
      data: { tenantId, orgUnitId: keerqin.id, orgPath: keerqin.path, title: DEMO_TRAINING, kind: 'LECTURE', date: toDbDate(date), minutes: 180, createdById: county },
      select: { id: true },
    })
  }
  await prisma.trainingAttendance.upsert({
    where: { eventId_userId: { eventId: event.id, userId: worker } },
    update: {},
    create: { eventId: event.id, userId: worker, recordedById: county },
  })
  await prisma.orgUnit.updateMany({ where: { id: xiaojie.id, elderlyPopulation: null }, data: { elderlyPopulation: 1860 } })
}
