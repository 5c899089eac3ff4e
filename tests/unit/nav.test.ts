import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROLE_PERMISSIONS, type Permission } from '@/lib/server/authz/permissions'
import type { Role } from '@/lib/server/generated/prisma/enums'
import { NAV_GROUPS, canOpen, navFor } from '@/components/shell/nav'
import { isCurrent } from '@/components/shell/nav-client'
import { zhCN } from '@/lib/i18n/messages/zh-CN'

const permsOf = (role: Role) => new Set<Permission>(ROLE_PERMISSIONS[role])
const label = (k: string) => zhCN[k as keyof typeof zhCN]
const tabsOf = (role: Role) => navFor(permsOf(role)).tabs.map((t) => label(t.short))

describe('navigation by work', () => {
  it('every entry is a page of the app and has words in both catalogs', () => {
    for (const g of NAV_GROUPS) {
      expect(label(g.label), g.id).toBeTruthy()
      for (const i of g.items) {
        expect(label(i.label), i.href).toBeTruthy()
        const dir = path.join('app/(app)', i.href === '/' ? '' : i.href)
        expect(fs.existsSync(path.join(dir, 'page.tsx')) || fs.existsSync(path.join(dir, '(list)', 'page.tsx')), `${i.href} has a page`).toBe(true)
      }
    }
  })

  it('the phone tabs fit the work of each role, and a menu holds the rest', () => {
    expect(tabsOf('VOLUNTEER')).toEqual(['任务', '我的报名', '积分'])
    expect(navFor(permsOf('VOLUNTEER')).menu.label).toBe('nav.tabMine')
    expect(tabsOf('TEAM_LEADER')).toEqual(['任务', '派单接单', '志愿者'])
    expect(tabsOf('COMMUNITY_ADMIN')).toEqual(['首页', '需求清单', '派单接单', '任务'])
    expect(tabsOf('SOCIAL_WORKER')).toEqual(['首页', '需求清单', '个案管理', '任务'])
    expect(tabsOf('REGION_OFFICIAL')).toEqual(['首页', '数据看板', '试点进展', '评估检查'])
    expect(tabsOf('COUNTY_OFFICIAL')).toEqual(['首页', '数据看板', '试点进展', '评估检查'])
    expect(navFor(permsOf('REGION_OFFICIAL')).menu.label).toBe('nav.more')
  })

  it('shows each role exactly what it may open, each entry once on a phone', () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as Role[]) {
      const perms = permsOf(role)
      const nav = navFor(perms)
      const sidebar = nav.groups.flatMap((g) => g.items.map((i) => i.href))
      const allowed = NAV_GROUPS.flatMap((g) => g.items).filter((i) => canOpen(i, perms)).map((i) => i.href)
      expect(sidebar, role).toEqual(allowed)
      expect(nav.groups.every((g) => g.items.length > 0), `${role}: no empty group`).toBe(true)
      const phone = [...nav.tabs.map((t) => t.href), ...nav.menu.groups.flatMap((g) => g.items.map((i) => i.href))]
      expect([...phone].sort(), `${role}: the phone reaches everything the sidebar does, once`).toEqual([...sidebar].sort())
      expect(nav.tabs.length, role).toBeLessThanOrEqual(4)
    }
    // a volunteer never sees the community's lists
    const v = navFor(permsOf('VOLUNTEER')).groups.flatMap((g) => g.items.map((i) => i.href))
    expect(v).not.toContain('/needs')
    expect(v).not.toContain('/dashboard')
  })

  it('marks the current page, and not its parent when the child has its own entry', () => {
    expect(isCurrent('/tasks', '/tasks', ['/tasks/mine'])).toBe(true)
    expect(isCurrent('/tasks/3f2a', '/tasks', ['/tasks/mine'])).toBe(true)
    expect(isCurrent('/tasks/mine', '/tasks', ['/tasks/mine'])).toBe(false)
    expect(isCurrent('/tasks/mine', '/tasks/mine')).toBe(true)
    expect(isCurrent('/tasks', '/')).toBe(false)
    expect(isCurrent('/', '/')).toBe(true)
    expect(isCurrent('/tasksx', '/tasks')).toBe(false)
  })
})
