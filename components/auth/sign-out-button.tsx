'use client'
import { signOut } from 'next-auth/react'
import { useI18n } from '@/lib/i18n/client'

export function SignOutButton() {
  const { t } = useI18n()
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/login' })} className="rounded-md px-2 py-1 text-sm text-stone-700 hover:bg-stone-100 min-h-8">
      {t('shell.signOut')}
    </button>
  )
}
