'use client'

import dynamic from 'next/dynamic'
import { useRef, useState, useSyncExternalStore } from 'react'
import { buttonClass } from './button'

// The kit's dialog for showing something larger than the page can (a check-in code for a room to read,
// a picture, a long explanation) — not for forms: a form is a page of its own, a POST that works without
// JavaScript. Before JavaScript (or without it) the dialog is a <details>: the button opens the same
// content in place. Once the page runs, the button opens Base UI's Dialog (modal, focus inside, Escape or
// 关闭 closes it, focus back on the button), loaded on first use like the kit's ConfirmDialog.

const loadSheet = () => import('./dialog-sheet')
const DialogSheet = dynamic(() => loadSheet().then((m) => m.DialogSheet), { ssr: false })

const noSubscribe = () => () => {}
/** false while the server renders and while the page hydrates, true after: the first render matches the HTML */
const useHydrated = () => useSyncExternalStore(noSubscribe, () => true, () => false)

export function Dialog({ trigger, title, closeLabel, testId, children }: { trigger: string; title: string; closeLabel: string; testId?: string; children: React.ReactNode }) {
  const hydrated = useHydrated()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  if (!hydrated)
    return (
      <details className="dialog-inline" data-testid={testId}>
        <summary className={buttonClass('secondary')}>{trigger}</summary>
        <div className="mt-2">{children}</div>
      </details>
    )
  const preload = () => void loadSheet()
  return (
    <>
      <button ref={button} type="button" className={buttonClass('secondary')} aria-haspopup="dialog" onClick={() => setOpen(true)} onPointerEnter={preload} onFocus={preload} onTouchStart={preload}>
        {trigger}
      </button>
      {open ? (
        <DialogSheet title={title} closeLabel={closeLabel} returnFocus={button} testId={testId} onClose={() => setOpen(false)}>
          {children}
        </DialogSheet>
      ) : null}
    </>
  )
}
