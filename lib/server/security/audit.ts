import 'server-only'
import { headers } from 'next/headers'
import { db } from '../db'
import { can, type Scope } from '../authz/scope'
import type { Prisma } from '../generated/prisma/client'
import { ZAuditQuery, type AuditResult, type AuditSort, type TAuditQuery } from '@/lib/schemas/audit'
import { orderOf } from '@/lib/schemas/list'
import { chinaDayRange } from '@/lib/china-time'
import { clientIpOf } from './client-ip'

export type { AuditResult }

/** Entries younger than this can never be deleted (the database trigger holds the same floor). */
export const AUDIT_RETENTION_FLOOR_DAYS = 180
export const DEFAULT_AUDIT_RETENTION_DAYS = 365

/** The configured retention (AUDIT_RETENTION_DAYS), never below the 180-day floor. */
export function auditRetentionDays(): number {
  const d = Number(process.env.AUDIT_RETENTION_DAYS ?? DEFAULT_AUDIT_RETENTION_DAYS)
  return Number.isFinite(d) ? Math.max(AUDIT_RETENTION_FLOOR_DAYS, Math.floor(d)) : DEFAULT_AUDIT_RETENTION_DAYS
}

export type AuditEvent = {
  action: string
  result: AuditResult
  target?: string | null
  /** the acting user; null/undefined for an anonymous caller */
  scope?: Scope | null
  /** when the actor is known only by id (sign-in) */
  actor?: { id: string; tenantId: string; name?: string } | null
  ip?: string | null
}

/** The request's client IP, or null outside a request (scripts, tests). */
export async function requestIp(): Promise<string | null> {
  try {
    return clientIpOf(await headers())
  } catch {
    return null
  }
}

function actorFields(e: AuditEvent) {
  const s = e.scope
  if (s) {
    const roles = [...new Set(s.assignments.map((a) => a.role))].join(',')
    const first = s.assignments[0]
    return { tenantId: s.tenantId, actorId: s.userId, actorName: s.userName, role: roles || null, unitId: first?.orgUnitId ?? null, unitName: first?.unitName ?? null }
  }
  if (e.actor) return { tenantId: e.actor.tenantId, actorId: e.actor.id, actorName: e.actor.name ?? null, role: null, unitId: null, unitName: null }
  return { tenantId: null, actorId: null, actorName: null, role: null, unitId: null, unitName: null }
}

/**
 * Appends one audit entry. Never throws: a failed audit write is reported on the server log and does
 * not undo what the user did (it has already been committed). The IP is taken from the request.
 */
export async function audit(e: AuditEvent): Promise<void> {
  try {
    const prisma = await db()
    const ip = e.ip !== undefined ? e.ip : await requestIp()
    await prisma.auditEntry.create({
      data: { ...actorFields(e), action: e.action.slice(0, 100), target: e.target ? String(e.target).slice(0, 200) : null, result: e.result, ip },
      select: { id: true },
    })
  } catch (err) {
    console.error('[audit] could not write entry', e.action, e.result, err instanceof Error ? err.message : err)
  }
}

/** The audit log's order: the URL's sort, else the latest entry first; the id breaks ties so pages never overlap. */
function auditOrder(q: TAuditQuery): Prisma.AuditEntryOrderByWithRelationInput[] {
  return orderOf<AuditSort, Prisma.AuditEntryOrderByWithRelationInput>(q, { at: (dir) => [{ at: dir }], actor: (dir) => [{ actorName: { sort: dir, nulls: 'last' } }, { at: 'desc' }], action: (dir) => [{ action: dir }, { at: 'desc' }] }, [{ at: 'desc' }], { id: 'desc' })
}

/** Region officials search their tenant's audit trail; anyone else gets nothing (the page is a 404). */
export async function searchAudit(scope: Scope, rawQuery: unknown) {
  const query = ZAuditQuery.parse(rawQuery ?? {})
  if (!can(scope, 'audit.read')) return null
  const prisma = await db()
  const q = query.q
  const at: Prisma.DateTimeFilter = chinaDayRange(query.from, query.to)
  const where: Prisma.AuditEntryWhereInput = {
    AND: [
      { tenantId: scope.tenantId },
      q ? { OR: [{ actorName: { contains: q } }, { action: { contains: q } }, { target: { contains: q } }, { ip: { contains: q } }, { unitName: { contains: q } }] } : {},
      query.result ? { result: query.result } : {},
      query.action ? { action: { startsWith: query.action } } : {},
      query.from || query.to ? { at } : {},
    ],
  }
  const [total, rows] = await Promise.all([
    prisma.auditEntry.count({ where }),
    prisma.auditEntry.findMany({
      where,
      select: { id: true, at: true, actorName: true, role: true, unitName: true, action: true, target: true, result: true, ip: true },
      orderBy: auditOrder(query),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ])
  return { rows, total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)), query, retentionDays: auditRetentionDays() }
}

/**
 * The retention job: deletes entries older than the retention (at least 180 days). Anything younger
 * is refused by the database trigger even if a caller asked for less.
 */
export async function purgeAudit(now = new Date(), days = auditRetentionDays()): Promise<number> {
  const prisma = await db()
  const keep = Math.max(AUDIT_RETENTION_FLOOR_DAYS, days)
  const r = await prisma.auditEntry.deleteMany({ where: { at: { lt: new Date(now.getTime() - keep * 24 * 3600_000) } } })
  return r.count
}
