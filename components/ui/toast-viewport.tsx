'use client'

import { Toast } from '@base-ui/react/toast'
import { useEffect } from 'react'
import { useI18n } from '@/lib/i18n/client'
import { toastQueue } from './toast'

const manager = Toast.createToastManager()

/** Base UI's toasts, fed from the page's queue (toast.tsx): loaded with the first toast. */
export function ToastViewport() {
  const { t } = useI18n()
  useEffect(() => {
    const drain = () => {
      for (const i of toastQueue.take()) manager.add({ title: i.title, type: 'success' })
    }
    // the live region is in the page before the first toast is added to it, so it is announced
    const first = requestAnimationFrame(drain)
    const off = toastQueue.subscribe(drain)
    return () => {
      cancelAnimationFrame(first)
      off()
    }
  }, [])
  return (
    <Toast.Provider toastManager={manager} timeout={4000} limit={3}>
      <Toast.Portal>
        <Toast.Viewport className="toast-viewport" aria-label={t('nav.notifications')} data-testid="toasts">
          <ToastList />
        </Toast.Viewport>
      </Toast.Portal>
    </Toast.Provider>
  )
}

function ToastList() {
  const { toasts } = Toast.useToastManager()
  const { t } = useI18n()
  return toasts.map((item) => (
    <Toast.Root key={item.id} toast={item} className="toast" swipeDirection={['down', 'right']} data-testid="toast">
      <Toast.Title className="flex-1 text-sm" />
      <Toast.Close className="toast-close" aria-label={t('common.close')}>
        ×
      </Toast.Close>
    </Toast.Root>
  ))
}
