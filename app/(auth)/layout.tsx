import { PublicShell } from '@/components/shell/public-shell'

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <PublicShell mainClassName="max-w-sm pt-4 sm:pt-12">{children}</PublicShell>
}
