import { Link } from '@/components/ui/link'
import type { Scope } from '@/lib/server/authz/scope'
import { permissionsOfScope } from '@/lib/server/authz/scope'
import type { Permission } from '@/lib/server/authz/permissions'
import type { MessageKey, Translate } from '@/lib/i18n'
import { LocaleSwitch } from './locale-switch'
import { SignOutButton } from '@/components/auth/sign-out-button'

/** Navigation entries and the permission each needs; the shell shows only what the caller may open. */
const NAV: { href: string; label: MessageKey; needs: Permission | Permission[] | null }[] = [
  { href: '/', label: 'nav.home', needs: null },
  { href: '/dashboard', label: 'nav.dashboard', needs: 'org.browse' },
  { href: '/needs', label: 'nav.needs', needs: 'need.read' },
  { href: '/resources', label: 'nav.resources', needs: 'resource.read' },
  { href: '/services', label: 'nav.services', needs: 'service.read' },
  { href: '/orders', label: 'nav.orders', needs: 'order.read' },
  { href: '/tasks', label: 'nav.tasks', needs: 'task.read' },
  { href: '/teams', label: 'nav.teams', needs: 'org.read' },
  { href: '/venues', label: 'nav.venues', needs: 'org.read' },
  { href: '/points', label: 'nav.points', needs: 'volunteer.home' },
  { href: '/profile', label: 'nav.profile', needs: 'volunteer.home' },
  { href: '/volunteers', label: 'nav.volunteers', needs: ['volunteer.manage', 'volunteer.team'] },
  { href: '/rewards', label: 'nav.rewards', needs: 'points.manage' },
  { href: '/projects', label: 'nav.projects', needs: 'project.read' },
  { href: '/cases', label: 'nav.cases', needs: 'case.stats' },
  { href: '/practice', label: 'nav.practice', needs: null },
  { href: '/talent', label: 'nav.talent', needs: 'talent.read' },
  { href: '/talent/me', label: 'nav.myTraining', needs: 'talent.self' },
  { href: '/training', label: 'nav.training', needs: 'talent.read' },
  { href: '/agencies', label: 'nav.agencies', needs: 'talent.read' },
  { href: '/evaluation', label: 'nav.evaluation', needs: ['evaluation.manage', 'evaluation.respond', 'survey.manage'] },
  { href: '/pilots', label: 'nav.pilots', needs: 'org.browse' },
  { href: '/units', label: 'nav.units', needs: 'org.browse' },
  { href: '/categories', label: 'nav.categories', needs: 'category.manage' },
  { href: '/settings', label: 'nav.settings', needs: 'tenant.settings' },
  { href: '/audit', label: 'nav.audit', needs: 'audit.read' },
  { href: '/notifications', label: 'nav.notifications', needs: null },
  { href: '/account', label: 'nav.account', needs: null },
]

export function AppShell({ scope, t, unread, children }: { scope: Scope; t: Translate; unread: number; children: React.ReactNode }) {
  const perms = permissionsOfScope(scope)
  const items = NAV.filter((n) => n.needs === null || (Array.isArray(n.needs) ? n.needs.some((p) => perms.has(p)) : perms.has(n.needs)))
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-10 border-b border-stone-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link href="/" className="font-semibold text-brand-700">
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.label')} className="order-3 -mx-1 flex w-full gap-1 overflow-x-auto">
            {items.map((n) => (
              <Link key={n.href} href={n.href} className="nav-link">
                {t(n.label)}
                {n.href === '/notifications' && unread > 0 ? (
                  <span className="ml-1 rounded-full bg-brand-600 px-1.5 text-xs text-white" aria-label={t('notifications.unread', { count: unread })} data-testid="unread">
                    {unread}
                  </span>
                ) : null}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <span className="hidden text-sm text-stone-600 sm:inline" data-testid="user-name">
              {scope.userName}
            </span>
            <LocaleSwitch label={t('shell.language')} />
            <SignOutButton label={t('shell.signOut')} />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-4 sm:py-6">{children}</main>
    </div>
  )
}
