'use client'

import { AlertDialog } from '@base-ui/react/alert-dialog'
import { Button, type ButtonVariant } from './button'

/**
 * The kit's confirmation before an action that cannot be taken back (Base UI's AlertDialog: modal, focus
 * trapped inside, Escape or 返回 keeps things as they were, focus goes back to the button that asked).
 * `question` names what will happen; the confirming button repeats the action's own label.
 */
export function ConfirmDialog({
  open,
  question,
  confirmLabel,
  backLabel,
  variant = 'danger',
  onConfirm,
  onClose,
  returnFocus,
}: {
  open: boolean
  question: string
  confirmLabel: string
  backLabel: string
  variant?: ButtonVariant
  onConfirm: () => void
  onClose: () => void
  returnFocus?: React.RefObject<HTMLElement | null>
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <AlertDialog.Portal>
        <AlertDialog.Backdrop className="dialog-backdrop" />
        <AlertDialog.Popup className="dialog" finalFocus={returnFocus} data-testid="confirm-dialog">
          <AlertDialog.Title className="text-base font-medium text-stone-900">{question}</AlertDialog.Title>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Close render={<Button type="button" variant="secondary" />}>{backLabel}</AlertDialog.Close>
            <Button type="button" variant={variant} onClick={onConfirm} data-testid="confirm-yes">
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Popup>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
