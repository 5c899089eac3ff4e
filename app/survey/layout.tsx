import { PublicShell } from '@/components/shell/public-shell'

// Public pages (no sign-in): residents answer a satisfaction survey from a link or QR code on a phone.
export default function SurveyLayout({ children }: { children: React.ReactNode }) {
  return <PublicShell mainClassName="max-w-md pt-2">{children}</PublicShell>
}
