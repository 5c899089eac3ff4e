'use client'

import { Dialog } from '@base-ui/react/dialog'
import { Button } from './button'

/** The open dialog of components/ui/dialog.tsx (Base UI's Dialog), loaded when it is first wanted. */
export function DialogSheet({
  title,
  closeLabel,
  returnFocus,
  testId,
  onClose,
  children,
}: {
  title: string
  closeLabel: string
  returnFocus: React.RefObject<HTMLElement | null>
  testId?: string
  onClose: () => void
  children: React.ReactNode
}) {
  return (
    <Dialog.Root defaultOpen onOpenChange={(next) => (next ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Backdrop className="dialog-backdrop" />
        <Dialog.Popup className="dialog" finalFocus={returnFocus} data-testid={testId}>
          <Dialog.Title className="text-base font-medium text-stone-900">{title}</Dialog.Title>
          <div className="mt-3">{children}</div>
          <div className="mt-5 flex justify-end">
            <Dialog.Close render={<Button type="button" variant="secondary" />}>{closeLabel}</Dialog.Close>
          </div>
        </Dialog.Popup>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
