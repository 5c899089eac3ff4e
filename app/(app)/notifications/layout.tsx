import { requireScope } from '@/lib/server/auth/session'

// Signed in is enough: the caller is sent to /login here, ahead of the loading skeleton (once it has
// streamed, a redirect could no longer be a real one).
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requireScope()
  return children
}
