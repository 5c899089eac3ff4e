import type { Permission } from '@/lib/server/authz/permissions'
import type { MessageKey } from '@/lib/i18n'

/**
 * The app's navigation, grouped by the work it serves, and what each entry needs. The shell shows only
 * what the caller may open: on a desktop every group in the sidebar; on a phone four tabs (the ones the
 * role uses most) and a menu for the rest. Pure data and one function, so it is unit-tested per role.
 */
export type NavItem = {
  href: string
  label: MessageKey
  needs: Permission | Permission[] | null
  /** deeper pages that have their own entry (so /tasks is not marked current on /tasks/mine) */
  except?: string[]
}
export type NavGroup = { id: string; label: MessageKey; items: NavItem[] }
export type NavTab = NavItem & { short: MessageKey }

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    id: 'workbench',
    label: 'nav.group.workbench',
    items: [
      { href: '/', label: 'nav.home', needs: null },
      { href: '/dashboard', label: 'nav.dashboard', needs: 'org.browse' },
      { href: '/pilots', label: 'nav.pilots', needs: 'org.browse' },
      { href: '/units', label: 'nav.units', needs: 'org.browse' },
      { href: '/notifications', label: 'nav.notifications', needs: null },
    ],
  },
  {
    id: 'lists',
    label: 'nav.group.lists',
    items: [
      { href: '/needs', label: 'nav.needs', needs: 'need.read' },
      { href: '/resources', label: 'nav.resources', needs: 'resource.read' },
      { href: '/services', label: 'nav.services', needs: 'service.read' },
      { href: '/orders', label: 'nav.orders', needs: 'order.read' },
    ],
  },
  {
    id: 'tasks',
    label: 'nav.group.tasks',
    items: [
      { href: '/tasks', label: 'nav.tasks', needs: 'task.read', except: ['/tasks/mine'] },
      { href: '/tasks/mine', label: 'nav.mySignups', needs: 'task.signup' },
      { href: '/points', label: 'nav.points', needs: 'volunteer.home' },
      { href: '/volunteers', label: 'nav.volunteers', needs: ['volunteer.manage', 'volunteer.team'] },
      { href: '/rewards', label: 'nav.rewards', needs: 'points.manage' },
    ],
  },
  {
    id: 'teams',
    label: 'nav.group.teams',
    items: [
      { href: '/teams', label: 'nav.teams', needs: 'org.read' },
      { href: '/venues', label: 'nav.venues', needs: 'org.read' },
      { href: '/talent', label: 'nav.talent', needs: 'talent.read', except: ['/talent/me'] },
      { href: '/talent/me', label: 'nav.myTraining', needs: 'talent.self' },
      { href: '/training', label: 'nav.training', needs: 'talent.read' },
      { href: '/agencies', label: 'nav.agencies', needs: 'talent.read' },
    ],
  },
  {
    id: 'projects',
    label: 'nav.group.projects',
    items: [
      { href: '/projects', label: 'nav.projects', needs: 'project.read' },
      { href: '/cases', label: 'nav.cases', needs: 'case.stats' },
      { href: '/practice', label: 'nav.practice', needs: null },
    ],
  },
  {
    id: 'evaluation',
    label: 'nav.group.evaluation',
    items: [{ href: '/evaluation', label: 'nav.evaluation', needs: ['evaluation.manage', 'evaluation.respond', 'survey.manage'] }],
  },
  {
    id: 'settings',
    label: 'nav.group.settings',
    items: [
      { href: '/profile', label: 'nav.profile', needs: 'volunteer.home' },
      { href: '/categories', label: 'nav.categories', needs: 'category.manage' },
      { href: '/settings', label: 'nav.settings', needs: 'tenant.settings' },
      { href: '/audit', label: 'nav.audit', needs: 'audit.read' },
      { href: '/account', label: 'nav.account', needs: null },
    ],
  },
]

// A phone's four tabs, by the work the permissions say the caller does (never by role name): the first
// rule that fits picks them; an entry the caller may not open is skipped and the next visible one fills in.
const TAB_RULES: { when: Permission[]; tabs: string[] }[] = [
  { when: ['task.signup', 'volunteer.team'], tabs: ['/tasks', '/orders', '/volunteers'] }, // team leaders
  { when: ['task.signup'], tabs: ['/tasks', '/tasks/mine', '/points'] }, // volunteers
  { when: ['order.dispatch'], tabs: ['/', '/needs', '/orders', '/tasks'] }, // community secretaries
  { when: ['case.work'], tabs: ['/', '/needs', '/cases', '/tasks'] }, // social workers
  { when: ['team.own'], tabs: ['/', '/orders', '/tasks', '/teams'] }, // social organisations' staff
  { when: ['case.supervise'], tabs: ['/', '/cases', '/notifications', '/account'] },
  { when: ['evaluation.manage'], tabs: ['/', '/dashboard', '/pilots', '/evaluation'] }, // officials
]
const SHORT: Partial<Record<string, MessageKey>> = { '/tasks': 'nav.tabTasks', '/points': 'nav.tabPoints' }

export function canOpen(item: NavItem, perms: ReadonlySet<Permission>): boolean {
  return item.needs === null || (Array.isArray(item.needs) ? item.needs.some((p) => perms.has(p)) : perms.has(item.needs))
}

export type NavModel = {
  /** the sidebar: every group with at least one entry the caller may open */
  groups: NavGroup[]
  /** the phone's tabs: four places, or three and a menu named "我的" for those who sign up for tasks */
  tabs: NavTab[]
  /** the phone's menu: what the tabs leave out, in the sidebar's groups */
  menu: { label: MessageKey; groups: NavGroup[] }
}

export function navFor(perms: ReadonlySet<Permission>): NavModel {
  const groups = NAV_GROUPS.map((g) => ({ ...g, items: g.items.filter((i) => canOpen(i, perms)) })).filter((g) => g.items.length > 0)
  const visible = groups.flatMap((g) => g.items)
  const rule = TAB_RULES.find((r) => r.when.every((p) => perms.has(p)))
  const personal = perms.has('task.signup')
  const slots = personal ? 3 : 4
  const picked: NavItem[] = []
  for (const href of rule?.tabs ?? []) {
    const item = visible.find((i) => i.href === href)
    if (item && picked.length < slots) picked.push(item)
  }
  for (const item of visible) if (picked.length < slots && !picked.includes(item)) picked.push(item)
  const tabs = picked.map((i) => ({ ...i, short: SHORT[i.href] ?? i.label }))
  const rest = groups.map((g) => ({ ...g, items: g.items.filter((i) => !picked.includes(i)) })).filter((g) => g.items.length > 0)
  return { groups, tabs, menu: { label: personal ? 'nav.tabMine' : 'nav.more', groups: rest } }
}
