import { PublicShell } from '@/components/shell/public-shell'

// Public pages (no sign-in): anyone holding a printed certificate can check it here.
export default function VerifyLayout({ children }: { children: React.ReactNode }) {
  return (
    <PublicShell mainClassName="max-w-md pt-4 sm:pt-12" home="/verify">
      {children}
    </PublicShell>
  )
}
