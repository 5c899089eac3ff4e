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

/**
 * The registration form without JavaScript names its community in words (the picker's list needs
 * script): the community's exact name, optionally after its sub-district, county or league, e.g.
 * "小街社区" or "科尔沁区 小街社区". One community must fit; else a field error saying which way it failed.
 */
export async function communityByName(q: unknown): Promise<{ ok: true; id: string } | { ok: false; error: 'validation.community.notFound' | 'validation.community.ambiguous' }> {
  const words = typeof q === 'string' ? q.trim().split(/\s+/).filter(Boolean) : []
  const name = words.at(-1)
  if (!name || name.length > 30) return { ok: false, error: 'validation.community.notFound' }
  const rows = (await searchCommunitiesForSignUp(name)).filter((r) => r.name === name && words.slice(0, -1).every((w) => r.label.includes(w)))
  if (rows.length === 1) return { ok: true, id: rows[0].id }
  return { ok: false, error: rows.length ? 'validation.community.ambiguous' : 'validation.community.notFound' }
}
