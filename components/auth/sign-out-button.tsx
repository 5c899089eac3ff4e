'use client'
import { useFormAction } from '@/components/ui/action-form'
import { signOutAction } from '@/app/actions'

/** A one-button form posting to the sign-out action (works before JavaScript arrives). */
export function SignOutButton({ label }: { label: string }) {
  const { pending, formProps } = useFormAction(signOutAction)
  return (
    // signing out forgets, on this phone, who it was (the offline check-in's volunteer) and the pages the
    // service worker kept (it also drops them itself on the way to /login: lib/offline/sw.ts)
    <form {...formProps} onSubmitCapture={forgetOnThisPhone} className="inline">
      <button type="submit" disabled={pending} className="min-h-8 rounded-md px-2 py-1 text-sm text-stone-700 hover:bg-stone-100">
        {label}
      </button>
    </form>
  )
}

function forgetOnThisPhone() {
  try {
    localStorage.removeItem('ronghe:user')
  } catch {}
  if (typeof caches !== 'undefined') void caches.delete('ronghe-pages').catch(() => undefined)
}
