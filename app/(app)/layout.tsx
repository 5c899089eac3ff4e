import { getScope, getUnreadCount } from '@/lib/server/auth/session'
import { getT } from '@/lib/i18n/server'
import { AppShell } from '@/components/shell/app-shell'

// Display only: every page below checks the caller itself (layouts do not re-run on navigation).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const scope = await getScope()
  if (!scope) return <>{children}</>
  return (
    <AppShell scope={scope} t={await getT()} unread={await getUnreadCount()}>
      {children}
    </AppShell>
  )
}
