import 'server-only'
import { db } from '../db'
import { Prisma } from '../generated/prisma/client'
import { can, canAt, rowScopeWhere, unitScopeWhere, type Scope } from '../authz/scope'
import { fail, ok, type FieldErrors, type Result } from '../result'
import { zodFieldErrors } from '../validation'
import { maskPhone } from '@/lib/mask'
import { ZCreateTeam, ZUpdateTeam } from '@/lib/schemas/teams'
import { historyOf, notify, type Tx } from '../workflow/common'
import { addVolunteerRole } from './volunteers'
import { toHours } from '@/lib/hours'

/*
 * Who founds and runs teams — the smallest rule that fits how social organisations work today:
 *  - `team.manage` (the community admin) founds any team of the communities where it holds it, edits
 *    and archives them, and chooses their leader among the community's volunteers.
 *  - `team.own` (social-organisation staff) founds a SOCIAL_ORG team in a community where it holds it
 *    and becomes its member; it edits and archives the SOCIAL_ORG teams it is a member of. Membership of
 *    a SOCIAL_ORG team is already what lets staff claim the team's orders (claimableTeams in
 *    workflow/orders.ts), so "its own service team" is exactly a team whose orders they may claim. Staff
 *    do not choose leaders: the list of leaders names the community's volunteers, which only the
 *    community sees (a leader sent by staff is a field error, never dropped).
 * A team's leader holds TEAM_LEADER at the team's community while they lead at least one team there that
 * is not archived; when the last one goes (new leader, archive) the role goes and they stay a volunteer.
 * Role changes of one user are serialised on the user's row lock, a team's changes on the team's.
 */

const VOLUNTEER_ROLES = ['VOLUNTEER', 'TEAM_LEADER'] as const

/** Teams of the caller's area (org.read), with member counts and the caller's own standing; archived last. */
export async function listTeams(scope: Scope) {
  const prisma = await db()
  const rows = await prisma.team.findMany({
    where: rowScopeWhere(scope, 'org.read'),
    select: {
      id: true, name: true, kind: true, category: true, description: true, archivedAt: true, orgPath: true, orgUnit: { select: { name: true } }, leader: { select: { name: true } },
      _count: { select: { members: true } },
      members: { where: { userId: scope.userId }, select: { userId: true } },
      joinRequests: { where: { userId: scope.userId }, select: { status: true } },
    },
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { orgUnitId: 'asc' }, { name: 'asc' }],
    take: 200,
  })
  return rows.map(({ orgPath, members, joinRequests, ...t }) => ({
    ...t,
    member: members.length > 0,
    request: joinRequests[0]?.status ?? null,
    canJoin: !t.archivedAt && canAt(scope, 'volunteer.home', orgPath) && members.length === 0 && joinRequests[0]?.status !== 'PENDING',
  }))
}

const teamReadWhere = (scope: Scope, teamId: string) => ({ id: teamId, ...rowScopeWhere(scope, 'org.read') }) satisfies Prisma.TeamWhereInput

/** Is this team the caller's to read (getTeam's condition; the record page's gate)? */
export async function teamInScope(scope: Scope, teamId: string): Promise<boolean> {
  const prisma = await db()
  return (await prisma.team.findFirst({ where: teamReadWhere(scope, teamId), select: { id: true } })) !== null
}

/** The team if the caller may read it, with what getTeam and manageableTeam decide on. */
async function findTeam(scope: Scope, teamId: string) {
  const prisma = await db()
  return prisma.team.findFirst({ where: teamReadWhere(scope, teamId), select: { id: true, name: true, kind: true, leaderId: true, orgPath: true, archivedAt: true, members: { where: { userId: scope.userId }, select: { userId: true } } } })
}

const mayDecide = (scope: Scope, team: { leaderId: string | null; orgPath: string }) => team.leaderId === scope.userId || canAt(scope, 'team.manage', team.orgPath)

/** May the caller edit and archive this team (the rule at the top of this file)? */
const mayManage = (scope: Scope, team: { kind: string; orgPath: string }, member: boolean) =>
  canAt(scope, 'team.manage', team.orgPath) || (team.kind === 'SOCIAL_ORG' && member && canAt(scope, 'team.own', team.orgPath))

/** One team: members (phones masked), tasks done and hours served, pending requests and its history for whoever runs it. */
export async function getTeam(scope: Scope, teamId: string) {
  const team = await findTeam(scope, teamId)
  if (!team) return fail('NOT_FOUND')
  const prisma = await db()
  const decides = mayDecide(scope, team) && !team.archivedAt
  const manages = mayManage(scope, team, team.members.length > 0)
  const [t, tasksDone, served, pending, history] = await Promise.all([
    prisma.team.findUniqueOrThrow({
      where: { id: teamId },
      select: {
        id: true, name: true, kind: true, category: true, description: true, archivedAt: true, leaderId: true, orgUnitId: true,
        orgUnit: { select: { name: true } }, leader: { select: { name: true } },
        members: { select: { joinedAt: true, user: { select: { id: true, name: true, phone: true } } }, orderBy: { joinedAt: 'asc' } },
      },
    }),
    prisma.task.count({ where: { order: { claimedByTeamId: teamId }, signups: { some: { checkOutAt: { not: null } } } } }),
    prisma.taskSignup.aggregate({ where: { checkOutAt: { not: null }, task: { order: { claimedByTeamId: teamId } } }, _sum: { minutes: true } }),
    decides ? prisma.teamJoinRequest.findMany({ where: { teamId, status: 'PENDING' }, select: { id: true, createdAt: true, user: { select: { name: true, phone: true } } }, orderBy: { createdAt: 'asc' } }) : Promise.resolve([]),
    manages ? historyOf('Team', teamId) : Promise.resolve([]),
  ])
  return ok({
    ...t,
    members: t.members.map((m) => ({ id: m.user.id, name: m.user.name, phone: m.user.id === scope.userId ? m.user.phone : maskPhone(m.user.phone), joinedAt: m.joinedAt })),
    tasksDone,
    hours: toHours(served._sum.minutes ?? 0),
    pending: pending.map((p) => ({ id: p.id, createdAt: p.createdAt, name: p.user.name, phone: maskPhone(p.user.phone) })),
    decides,
    /** edit and archive */
    manages,
    /** choose the leader (team.manage) */
    choosesLeader: canAt(scope, 'team.manage', team.orgPath),
    history,
  })
}

/** A volunteer of the team's community asks to join; the leader is told. An archived team takes no one. */
export async function requestJoin(scope: Scope, teamId: string): Promise<Result<null, 'NOT_FOUND' | 'ALREADY' | 'STATE'>> {
  const prisma = await db()
  const team = await prisma.team.findFirst({ where: { id: teamId, ...rowScopeWhere(scope, 'volunteer.home') }, select: { id: true, name: true, leaderId: true, archivedAt: true } })
  if (!team) return fail('NOT_FOUND')
  if (team.archivedAt) return fail('STATE')
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

/** The team leader (or the community admin) approves or rejects a request; the volunteer is told. Not while the team is archived. */
export async function decideJoin(scope: Scope, requestId: string, approve: boolean): Promise<Result<null, 'NOT_FOUND' | 'STATE'>> {
  const prisma = await db()
  const req = await prisma.teamJoinRequest.findFirst({ where: { id: requestId, team: rowScopeWhere(scope, 'org.read') }, select: { id: true, status: true, userId: true, teamId: true, team: { select: { name: true, leaderId: true, orgPath: true } } } })
  if (!req || !mayDecide(scope, req.team)) return fail('NOT_FOUND')
  return prisma.$transaction(async (tx) => {
    // the team's row lock: an archive cannot slip in between the check and the approval
    const [team] = await tx.$queryRaw<{ archivedAt: Date | null }[]>`SELECT "archivedAt" FROM "Team" WHERE "id" = ${req.teamId} FOR UPDATE`
    if (!team || team.archivedAt) return fail('STATE')
    const n = await tx.teamJoinRequest.updateMany({ where: { id: requestId, status: 'PENDING' }, data: { status: approve ? 'APPROVED' : 'REJECTED', decidedById: scope.userId, decidedAt: new Date() } })
    if (n.count !== 1) return fail('STATE')
    if (approve) await tx.teamMember.upsert({ where: { teamId_userId: { teamId: req.teamId, userId: req.userId } }, update: {}, create: { teamId: req.teamId, userId: req.userId } })
    await notify(tx, [req.userId], approve ? 'notify.joinApproved' : 'notify.joinRejected', { team: req.team.name }, `/teams/${req.teamId}`)
    return ok(null)
  })
}

// ─── founding and running teams ─────────────────────────────────────────────────────────────────────

/** Communities where the caller may found a team, and whether they choose leaders (and any kind) there. */
export async function teamFoundingUnits(scope: Scope) {
  const prisma = await db()
  const units = await prisma.orgUnit.findMany({
    where: { level: 'COMMUNITY', OR: [unitScopeWhere(scope, 'team.manage'), unitScopeWhere(scope, 'team.own')] },
    select: { id: true, name: true, path: true },
    orderBy: [{ path: 'asc' }],
    take: 100,
  })
  return units.map((u) => ({ id: u.id, name: u.name, manages: canAt(scope, 'team.manage', u.path) }))
}

/** Does the caller found teams anywhere (the 新建队伍 link, the /teams/new page)? */
export const canFoundTeams = (scope: Scope) => can(scope, 'team.manage') || can(scope, 'team.own')

/** The volunteers of a community the caller chooses leaders in (team.manage there), phones masked. */
export async function leaderChoices(scope: Scope, communityId: string) {
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: communityId, level: 'COMMUNITY', ...unitScopeWhere(scope, 'team.manage') }, select: { id: true } })
  if (!unit) return []
  const users = await prisma.user.findMany({
    where: { tenantId: scope.tenantId, active: true, roles: { some: { orgUnitId: unit.id, role: { in: [...VOLUNTEER_ROLES] } } } },
    select: { id: true, name: true, phone: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 500,
  })
  return users.map((u) => ({ id: u.id, name: u.name, phone: maskPhone(u.phone)! }))
}

/** Is the user an active volunteer (or team leader) of the community, in the caller's tenant? */
async function isVolunteerOf(tx: Tx, scope: Scope, communityId: string, userId: string) {
  return (await tx.user.count({ where: { id: userId, tenantId: scope.tenantId, active: true, roles: { some: { orgUnitId: communityId, role: { in: [...VOLUNTEER_ROLES] } } } } })) > 0
}

/** Row locks on users whose roles change, in one order (no deadlock between two changes). */
async function lockUsers(tx: Tx, ids: (string | null | undefined)[]) {
  for (const id of [...new Set(ids.filter((x): x is string => !!x))].sort()) await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${id} FOR UPDATE`
}

type Community = { id: string; path: string }

/** The leader of a team: TEAM_LEADER at its community (once) and a member of the team. */
async function grantLeader(tx: Tx, teamId: string, userId: string, community: Community) {
  await tx.roleAssignment.createMany({ data: [{ userId, orgUnitId: community.id, orgPath: community.path, role: 'TEAM_LEADER' }], skipDuplicates: true })
  await tx.teamMember.createMany({ data: [{ teamId, userId }], skipDuplicates: true })
}

/** A former leader keeps TEAM_LEADER only while they lead another team of the community that is not archived. */
async function releaseLeader(tx: Tx, scope: Scope, userId: string, community: Community) {
  if (await tx.team.count({ where: { orgUnitId: community.id, leaderId: userId, archivedAt: null } })) return
  // they stay a volunteer of the community: for a leader who held no other role there, the role was everything
  await addVolunteerRole(tx, scope.tenantId, userId, community)
  await tx.roleAssignment.deleteMany({ where: { userId, orgUnitId: community.id, role: 'TEAM_LEADER' } })
}

async function teamHistory(tx: Tx, scope: Scope, teamId: string, orgPath: string, from: string | null, to: string, note?: string) {
  await tx.statusChange.create({ data: { tenantId: scope.tenantId, byUserId: scope.userId, entity: 'Team', entityId: teamId, orgPath, from, to, note: note ?? null }, select: { id: true } })
}

const nameTaken = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'
const NAME_TAKEN = { name: 'validation.teamName.taken' }

/** Checks of a team's fields that need the database: who may set what, the leader, the name. */
async function checkTeamFields(scope: Scope, community: Community, d: { name: string; kind: string; leaderId?: string | null }, current: { id: string; name: string; leaderId: string | null } | null) {
  const prisma = await db()
  const manage = canAt(scope, 'team.manage', community.path)
  const errors: FieldErrors = {}
  const leaderChanges = d.leaderId !== undefined && d.leaderId !== (current?.leaderId ?? null)
  if (!manage) {
    if (d.kind !== 'SOCIAL_ORG') errors.kind = 'validation.teamKind.socialOrgOnly'
    if (leaderChanges) errors.leaderId = 'validation.teamLeader.notAllowed'
  } else if (leaderChanges && d.leaderId && !(await isVolunteerOf(prisma, scope, community.id, d.leaderId))) errors.leaderId = 'validation.teamLeader.notVolunteer'
  if (d.name !== current?.name && (await prisma.team.count({ where: { orgUnitId: community.id, name: d.name, ...(current ? { id: { not: current.id } } : {}) } }))) Object.assign(errors, NAME_TAKEN)
  return errors
}

/**
 * Founds a team in a community where the caller holds team.manage (any kind, any leader) or team.own (a
 * SOCIAL_ORG team, the founder its member). The name is unique in the community (two founders racing for
 * one name: the unique index decides, the loser gets the field error). Nothing is written unless all is valid.
 */
export async function createTeam(scope: Scope, input: unknown): Promise<Result<{ id: string }, 'INVALID' | 'NOT_FOUND'>> {
  const parsed = ZCreateTeam.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  const prisma = await db()
  const unit = await prisma.orgUnit.findFirst({ where: { id: d.orgUnitId, level: 'COMMUNITY', OR: [unitScopeWhere(scope, 'team.manage'), unitScopeWhere(scope, 'team.own')] }, select: { id: true, path: true } })
  if (!unit) return fail('NOT_FOUND')
  const errors = await checkTeamFields(scope, unit, d, null)
  if (Object.keys(errors).length) return fail('INVALID', errors)
  const founderJoins = !canAt(scope, 'team.manage', unit.path) // staff found their own organisation's team
  try {
    return await prisma.$transaction(async (tx) => {
      await lockUsers(tx, [d.leaderId])
      if (d.leaderId && !(await isVolunteerOf(tx, scope, unit.id, d.leaderId))) return fail('INVALID', { leaderId: 'validation.teamLeader.notVolunteer' })
      const team = await tx.team.create({
        data: { tenantId: scope.tenantId, orgUnitId: unit.id, orgPath: unit.path, name: d.name, kind: d.kind, category: d.category, description: d.description ?? null, leaderId: d.leaderId ?? null },
        select: { id: true, name: true },
      })
      if (founderJoins) await tx.teamMember.create({ data: { teamId: team.id, userId: scope.userId }, select: { teamId: true } })
      if (d.leaderId) {
        await grantLeader(tx, team.id, d.leaderId, unit)
        await notify(tx, [d.leaderId], 'notify.teamLeader', { team: team.name }, `/teams/${team.id}`)
      }
      await teamHistory(tx, scope, team.id, unit.path, null, 'ACTIVE')
      return ok({ id: team.id })
    })
  } catch (e) {
    if (nameTaken(e)) return fail('INVALID', NAME_TAKEN)
    throw e
  }
}

/** The team, if the caller may edit and archive it (else: not found). */
async function manageableTeam(scope: Scope, teamId: string) {
  const team = await findTeam(scope, teamId)
  if (!team || !mayManage(scope, team, team.members.length > 0)) return null
  return team
}

/** The row-locked state of a team inside a transaction. */
async function lockTeam(tx: Tx, teamId: string) {
  const [row] = await tx.$queryRaw<{ leaderId: string | null; archivedAt: Date | null; name: string; orgUnitId: string; orgPath: string }[]>`
    SELECT "leaderId", "archivedAt", "name", "orgUnitId", "orgPath" FROM "Team" WHERE "id" = ${teamId} FOR UPDATE`
  return row ?? null
}

/** Edits a team (not while archived). A new leader gets the role and joins; the former one keeps the role only while leading another team. */
export async function updateTeam(scope: Scope, teamId: string, input: unknown): Promise<Result<null, 'INVALID' | 'NOT_FOUND' | 'STATE'>> {
  const team = await manageableTeam(scope, teamId)
  if (!team) return fail('NOT_FOUND')
  const parsed = ZUpdateTeam.safeParse(input)
  if (!parsed.success) return fail('INVALID', zodFieldErrors(parsed.error))
  const d = parsed.data
  if (team.archivedAt) return fail('STATE')
  const prisma = await db()
  const before = await prisma.team.findUniqueOrThrow({ where: { id: team.id }, select: { id: true, name: true, leaderId: true, orgUnitId: true, orgPath: true } })
  const community = { id: before.orgUnitId, path: before.orgPath }
  const errors = await checkTeamFields(scope, community, d, before)
  if (Object.keys(errors).length) return fail('INVALID', errors)
  try {
    return await prisma.$transaction(async (tx) => {
      const cur = await lockTeam(tx, team.id)
      if (!cur || cur.archivedAt) return fail('STATE')
      const leaderId = d.leaderId === undefined ? cur.leaderId : d.leaderId
      await lockUsers(tx, [cur.leaderId, leaderId])
      if (leaderId && leaderId !== cur.leaderId && !(await isVolunteerOf(tx, scope, community.id, leaderId))) return fail('INVALID', { leaderId: 'validation.teamLeader.notVolunteer' })
      await tx.team.update({ where: { id: team.id }, data: { name: d.name, kind: d.kind, category: d.category, description: d.description ?? null, leaderId }, select: { id: true } })
      if (leaderId !== cur.leaderId) {
        if (leaderId) {
          await grantLeader(tx, team.id, leaderId, community)
          await notify(tx, [leaderId], 'notify.teamLeader', { team: d.name }, `/teams/${team.id}`)
        }
        if (cur.leaderId) await releaseLeader(tx, scope, cur.leaderId, community)
      }
      return ok(null)
    })
  } catch (e) {
    if (nameTaken(e)) return fail('INVALID', NAME_TAKEN)
    throw e
  }
}

/**
 * Archives a team (no new orders, not offered for dispatch, cannot be joined; its members, tasks and
 * hours stay) or brings it back. The leader's role follows: gone with their last active team, back on
 * unarchive while they are still a volunteer of the community (else the team comes back without a leader).
 */
export async function setTeamArchived(scope: Scope, teamId: string, archived: boolean): Promise<Result<null, 'NOT_FOUND' | 'STATE'>> {
  const team = await manageableTeam(scope, teamId)
  if (!team) return fail('NOT_FOUND')
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const cur = await lockTeam(tx, team.id)
    if (!cur || !!cur.archivedAt === archived) return fail('STATE')
    const community = { id: cur.orgUnitId, path: cur.orgPath }
    await lockUsers(tx, [cur.leaderId])
    let leaderId = cur.leaderId
    if (!archived && leaderId && !(await isVolunteerOf(tx, scope, community.id, leaderId))) leaderId = null
    await tx.team.update({ where: { id: team.id }, data: { archivedAt: archived ? new Date() : null, leaderId }, select: { id: true } })
    if (leaderId) {
      if (archived) await releaseLeader(tx, scope, leaderId, community)
      else await grantLeader(tx, team.id, leaderId, community)
    }
    await teamHistory(tx, scope, team.id, cur.orgPath, archived ? 'ACTIVE' : 'ARCHIVED', archived ? 'ARCHIVED' : 'ACTIVE')
    return ok(null)
  })
}
