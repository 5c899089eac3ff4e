import { describe, expect, it } from 'vitest'
import { createCategory, listAllCategories, listCategories, updateCategory } from '@/lib/server/workflow/categories'
import { ensureCategories } from '@/tests/factories/workflow'
import { prisma, tree, userWith } from './helpers'

describe('the managed list of service categories', () => {
  it('region officials add, rename and deactivate; forms offer only active ones; others cannot', async () => {
    const t = await tree()
    const other = await tree()
    const db = await prisma()
    await ensureCategories(db, t.tenant.id)
    const otherCats = await ensureCategories(db, other.tenant.id)
    const region = await userWith('REGION_OFFICIAL', t.region)
    const admin = await userWith('COMMUNITY_ADMIN', t.communityA1a)

    const added = await createCategory(region.scope, { name: '法律援助', sortOrder: '10' })
    if (!added.ok) throw new Error(JSON.stringify(added))
    expect(await createCategory(region.scope, { name: '法律援助' })).toMatchObject({ ok: false, fieldErrors: { name: 'validation.categoryName.taken' } })
    expect(await createCategory(region.scope, { name: '<b>x</b>' })).toMatchObject({ ok: false, fieldErrors: { name: 'validation.noMarkup' } })
    expect((await listCategories(admin.scope)).map((c) => c.name)).toContain('法律援助')

    expect(await updateCategory(region.scope, added.value.id, { name: '法律咨询', sortOrder: '10', active: false })).toEqual({ ok: true, value: null })
    expect((await listCategories(admin.scope)).map((c) => c.name)).not.toContain('法律咨询')
    expect((await listAllCategories(region.scope)).find((c) => c.id === added.value.id)).toMatchObject({ name: '法律咨询', active: false })

    expect(await createCategory(admin.scope, { name: '不该有' })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await updateCategory(admin.scope, added.value.id, { name: '改名', active: true })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await updateCategory(region.scope, otherCats.OTHER, { name: '跨租户', active: true })).toEqual({ ok: false, error: 'NOT_FOUND' })
    expect(await listAllCategories(admin.scope)).toEqual([])
  })
})
