import { getScope } from '@/lib/server/auth/session'
import { getT } from '@/lib/i18n/server'
import { AppShell } from '@/components/shell/app-shell'
import { unreadCount } from '@/lib/server/workflow/tasks'

// Display only: every page below checks the caller itself (layouts do not re-run on navigation).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const scope = await getScope()
  if (!scope) return <>{children}</>
  return (
    <AppShell scope={scope} t={await getT()} unread={await unreadCount(scope)}>
      {children}
    </AppShell>
  )
}
