import 'server-only'
import { db } from '../db'
import { z } from 'zod'

export type CommunityOption = { id: string; name: string; label: string; pilot: boolean }

const ZQuery = z.string().trim().min(1).max(30)

/**
 * Community picker of the volunteer sign-up form, used before sign-in, so it takes no scope on
 * purpose: it returns only public administrative data (the names of a community and of its county,
 * league and sub-district, as published in GB/T 2260) and never anything recorded about a community.
 */
export async function searchCommunitiesForSignUp(q: unknown): Promise<CommunityOption[]> {
  const parsed = ZQuery.safeParse(q)
  if (!parsed.success) return []
  const prisma = await db()
  const rows = await prisma.orgUnit.findMany({
    where: { level: 'COMMUNITY', OR: [{ name: { contains: parsed.data } }, { subDistrict: { contains: parsed.data } }] },
    select: { id: true, name: true, subDistrict: true, pilotBatch: true, parent: { select: { name: true, parent: { select: { name: true } } } } },
    orderBy: [{ pilotBatch: { sort: 'asc', nulls: 'last' } }, { code: 'asc' }],
    take: 20,
  })
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    label: [r.parent?.parent?.name, r.parent?.name, r.subDistrict].filter(Boolean).join(' · '),
    pilot: r.pilotBatch !== null,
  }))
}
