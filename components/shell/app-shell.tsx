import { Link } from '@/components/ui/link'
import type { Scope } from '@/lib/server/authz/scope'
import { permissionsOfScope } from '@/lib/server/authz/scope'
import type { Translate } from '@/lib/i18n'
import { LocaleSwitch } from './locale-switch'
import { SignOutButton } from '@/components/auth/sign-out-button'
import { navFor, type NavGroup, type NavItem } from './nav'
import { NavLink, NavMenu } from './nav-client'

/**
 * The signed-in frame: a skip link, the header (the platform, who is signed in, the language, sign out),
 * and the navigation by work (components/shell/nav.ts) — on a desktop a sidebar of collapsible groups, on
 * a phone a bottom tab bar of four places with a menu for the rest. Nothing scrolls sideways; every
 * entry the caller may not open is left out; the current page is marked (aria-current).
 */
export function AppShell({ scope, t, unread, children }: { scope: Scope; t: Translate; unread: number; children: React.ReactNode }) {
  const nav = navFor(permissionsOfScope(scope))
  const badge = (item: NavItem, testId?: string) =>
    item.href === '/notifications' && unread > 0 ? (
      <span className="nav-badge" aria-label={t('notifications.unread', { count: unread })} data-testid={testId}>
        {unread}
      </span>
    ) : null
  const groupList = (groups: NavGroup[], collapsible: boolean) =>
    groups.map((g) => {
      const list = (
        <ul>
          {g.items.map((i) => (
            <li key={i.href}>
              <NavLink href={i.href} except={i.except} className="nav-link">
                {t(i.label)}
                {badge(i, collapsible ? 'unread' : undefined)}
              </NavLink>
            </li>
          ))}
        </ul>
      )
      return collapsible ? (
        <details key={g.id} open className="nav-group">
          <summary>{t(g.label)}</summary>
          {list}
        </details>
      ) : (
        <section key={g.id} className="nav-group" aria-label={t(g.label)}>
          <h2>{t(g.label)}</h2>
          {list}
        </section>
      )
    })
  const menuUnread = unread > 0 && nav.menu.groups.some((g) => g.items.some((i) => i.href === '/notifications'))
  return (
    <div className="app-frame">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <Link href="/" className="font-semibold text-brand-700">
          {t('app.name')}
        </Link>
        <div className="ml-auto flex items-center gap-2">
          <span className="hidden text-sm text-stone-600 sm:inline" data-testid="user-name">
            {scope.userName}
          </span>
          <LocaleSwitch label={t('shell.language')} />
          <SignOutButton label={t('shell.signOut')} />
        </div>
      </header>
      <aside className="app-sidebar">
        <nav aria-label={t('nav.label')}>{groupList(nav.groups, true)}</nav>
      </aside>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <nav aria-label={t('nav.tabs')} className="tabbar" data-testid="tabbar">
        {nav.tabs.map((i) => (
          <NavLink key={i.href} href={i.href} except={i.except} className="tab">
            {t(i.short)}
          </NavLink>
        ))}
        {nav.menu.groups.length > 0 ? (
          <NavMenu
            className="tab-menu"
            summary={
              <summary className="tab">
                {t(nav.menu.label)}
                {menuUnread ? <span className="nav-dot" aria-label={t('notifications.unread', { count: unread })} /> : null}
              </summary>
            }
          >
            <div className="tab-menu-panel">{groupList(nav.menu.groups, false)}</div>
          </NavMenu>
        ) : null}
      </nav>
    </div>
  )
}
