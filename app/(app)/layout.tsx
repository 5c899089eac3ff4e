import { getScope, getUnreadCount } from '@/lib/server/auth/session'
import { getT } from '@/lib/i18n/server'
import { AppShell } from '@/components/shell/app-shell'
import { can } from '@/lib/server/authz/scope'
import { RememberVolunteer } from '@/components/workflow/offline-scan'

// Display only: every page below checks the caller itself (layouts do not re-run on navigation).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const scope = await getScope()
  if (!scope) return <>{children}</>
  return (
    <AppShell scope={scope} t={await getT()} unread={await getUnreadCount()}>
      {can(scope, 'task.signup') ? <RememberVolunteer userId={scope.userId} /> : null}
      {children}
    </AppShell>
  )
}
