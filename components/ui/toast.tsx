'use client'

import { Toast } from '@base-ui/react/toast'
import { useCallback } from 'react'
import { useI18n } from '@/lib/i18n/client'

/**
 * The kit's toasts (Base UI Toast): the answer to an action that went through, shown above the phone's
 * tab bar (top right on a desktop) for four seconds, announced politely by a live region, closable, and
 * kept across a client-side navigation (the provider sits in the root layout). Errors are not toasted:
 * they stay at the form, next to what has to change (components/ui/action-form.tsx).
 */
export function Toaster({ children }: { children: React.ReactNode }) {
  return (
    <Toast.Provider timeout={4000} limit={3}>
      {children}
      <Toast.Portal>
        <Toast.Viewport className="toast-viewport" data-testid="toasts">
          <ToastList />
        </Toast.Viewport>
      </Toast.Portal>
    </Toast.Provider>
  )
}

function ToastList() {
  const { toasts } = Toast.useToastManager()
  const { t } = useI18n()
  return toasts.map((toast) => (
    <Toast.Root key={toast.id} toast={toast} className="toast" swipeDirection={['down', 'right']} data-testid="toast">
      <Toast.Title className="flex-1 text-sm" />
      <Toast.Close className="toast-close" aria-label={t('common.close')}>
        ×
      </Toast.Close>
    </Toast.Root>
  ))
}

/** Adds a toast: `useToast()('已保存')`. */
export function useToast() {
  const { add } = Toast.useToastManager()
  return useCallback((title: string) => add({ title, type: 'success' }), [add])
}
