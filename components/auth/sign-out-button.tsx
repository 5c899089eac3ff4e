'use client'
import { useFormAction } from '@/components/ui/action-form'
import { signOutAction } from '@/app/actions'

/** A one-button form posting to the sign-out action (works before JavaScript arrives). */
export function SignOutButton({ label }: { label: string }) {
  const { pending, formProps } = useFormAction(signOutAction)
  return (
    <form {...formProps} className="inline">
      <button type="submit" disabled={pending} className="min-h-8 rounded-md px-2 py-1 text-sm text-stone-700 hover:bg-stone-100">
        {label}
      </button>
    </form>
  )
}
