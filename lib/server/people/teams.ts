import 'server-only'
import { db } from '../db'
import { canAt, rowScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type Result } from '../result'
import { maskPhone } from '@/lib/mask'
import { notify } from '../workflow/common'

/** Teams of the caller's area (org.read), with member counts and the caller's own standing. */
export async function listTeams(scope: Scope) {
  const prisma = await db()
  const rows = await prisma.team.findMany({
    where: rowScopeWhere(scope, 'org.read'),
    select: {
      id: true, name: true, kind: true, description: true, orgPath: true, orgUnit: { select: { name: true } }, leader: { select: { name: true } },
      _count: { select: { members: true } },
      members: { where: { userId: scope.userId }, select: { userId: true } },
      joinRequests: { where: { userId: scope.userId }, select: { status: true } },
    },
    orderBy: [{ orgUnitId: 'asc' }, { name: 'asc' }],
    take: 200,
  })
  return rows.map(({ orgPath, members, joinRequests, ...t }) => ({
    ...t,
    member: members.length > 0,
    request: joinRequests[0]?.status ?? null,
    canJoin: canAt(scope, 'volunteer.home', orgPath) && members.length === 0 && joinRequests[0]?.status !== 'PENDING',
  }))
}

async function teamInScope(scope: Scope, teamId: string) {
  const prisma = await db()
  return prisma.team.findFirst({ where: { id: teamId, ...rowScopeWhere(scope, 'org.read') }, select: { id: true, name: true, leaderId: true, orgPath: true } })
}

const mayDecide = (scope: Scope, team: { leaderId: string | null; orgPath: string }) => team.leaderId === scope.userId || canAt(scope, 'team.manage', team.orgPath)

/** One team: members (phones masked), tasks done and hours served, and pending requests for whoever decides them. */
export async function getTeam(scope: Scope, teamId: string) {
  const team = await teamInScope(scope, teamId)
  if (!team) return fail('NOT_FOUND')
  const prisma = await db()
  const decides = mayDecide(scope, team)
  const [t, tasksDone, served, pending] = await Promise.all([
    prisma.team.findUniqueOrThrow({
      where: { id: teamId },
      select: { id: true, name: true, kind: true, description: true, orgUnit: { select: { name: true } }, leader: { select: { name: true } }, members: { select: { joinedAt: true, user: { select: { id: true, name: true, phone: true } } }, orderBy: { joinedAt: 'asc' } } },
    }),
    prisma.task.count({ where: { order: { claimedByTeamId: teamId }, signups: { some: { checkOutAt: { not: null } } } } }),
    prisma.taskSignup.aggregate({ where: { checkOutAt: { not: null }, task: { order: { claimedByTeamId: teamId } } }, _sum: { minutes: true } }),
    decides ? prisma.teamJoinRequest.findMany({ where: { teamId, status: 'PENDING' }, select: { id: true, createdAt: true, user: { select: { name: true, phone: true } } }, orderBy: { createdAt: 'asc' } }) : Promise.resolve([]),
  ])
  return ok({
    ...t,
    members: t.members.map((m) => ({ id: m.user.id, name: m.user.name, phone: m.user.id === scope.userId ? m.user.phone : maskPhone(m.user.phone), joinedAt: m.joinedAt })),
    tasksDone,
    hours: Math.round(((served._sum.minutes ?? 0) / 60) * 10) / 10,
    pending: pending.map((p) => ({ id: p.id, createdAt: p.createdAt, name: p.user.name, phone: maskPhone(p.user.phone) })),
    decides,
  })
}

/** A volunteer of the team's community asks to join; the leader is told. */
export async function requestJoin(scope: Scope, teamId: string): Promise<Result<null, 'NOT_FOUND' | 'ALREADY'>> {
  const prisma = await db()
  const team = await prisma.team.findFirst({ where: { id: teamId, ...rowScopeWhere(scope, 'volunteer.home') }, select: { id: true, name: true, leaderId: true } })
  if (!team) return fail('NOT_FOUND')
  if (await prisma.teamMember.count({ where: { teamId, userId: scope.userId } })) return fail('ALREADY')
  const existing = await prisma.teamJoinRequest.findUnique({ where: { teamId_userId: { teamId, userId: scope.userId } }, select: { status: true } })
  if (existing?.status === 'PENDING') return fail('ALREADY')
  await prisma.$transaction(async (tx) => {
    await tx.teamJoinRequest.upsert({
      where: { teamId_userId: { teamId, userId: scope.userId } },
      update: { status: 'PENDING', createdAt: new Date(), decidedById: null, decidedAt: null },
      create: { teamId, userId: scope.userId },
    })
    await notify(tx, [team.leaderId], 'notify.joinRequested', { team: team.name, name: scope.userName }, `/teams/${teamId}`)
  })
  return ok(null)
}

/** The team leader (or the community admin) approves or rejects a request; the volunteer is told. */
export async function decideJoin(scope: Scope, requestId: string, approve: boolean): Promise<Result<null, 'NOT_FOUND' | 'STATE'>> {
  const prisma = await db()
  const req = await prisma.teamJoinRequest.findFirst({ where: { id: requestId, team: rowScopeWhere(scope, 'org.read') }, select: { id: true, status: true, userId: true, teamId: true, team: { select: { name: true, leaderId: true, orgPath: true } } } })
  if (!req || !mayDecide(scope, req.team)) return fail('NOT_FOUND')
  return prisma.$transaction(async (tx) => {
    const n = await tx.teamJoinRequest.updateMany({ where: { id: requestId, status: 'PENDING' }, data: { status: approve ? 'APPROVED' : 'REJECTED', decidedById: scope.userId, decidedAt: new Date() } })
    if (n.count !== 1) return fail('STATE')
    if (approve) await tx.teamMember.upsert({ where: { teamId_userId: { teamId: req.teamId, userId: req.userId } }, update: {}, create: { teamId: req.teamId, userId: req.userId } })
    await notify(tx, [req.userId], approve ? 'notify.joinApproved' : 'notify.joinRejected', { team: req.team.name }, `/teams/${req.teamId}`)
    return ok(null)
  })
}
