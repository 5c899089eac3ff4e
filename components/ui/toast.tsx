'use client'

import dynamic from 'next/dynamic'
import { useSyncExternalStore } from 'react'

/*
 * The kit's toasts: the answer to an action that went through, shown above the phone's tab bar (top
 * right on a desktop) for four seconds, announced politely, closable, and kept across a client-side
 * navigation (the host sits in the root layout, so a toast outlives the redirect a form sends the
 * browser to). Errors are not toasted: they stay at the form, next to what has to change.
 *
 * What every page carries is this queue only. The toasts themselves are Base UI's (toast-viewport.tsx,
 * ≈ 17 kB gzip with what it needs), fetched when the first toast is asked for: a volunteer's page view
 * that only reads does not pay for them.
 */
type Item = { id: number; title: string }
let queue: Item[] = []
let seq = 0
let started = false
const listeners = new Set<() => void>()

export const toastQueue = {
  /** the toasts asked for since the last call */
  take(): Item[] {
    const q = queue
    queue = []
    return q
  },
  subscribe(l: () => void) {
    listeners.add(l)
    return () => void listeners.delete(l)
  },
}

/** Shows `title` as a toast. */
export function toast(title: string) {
  queue = [...queue, { id: ++seq, title }]
  started = true
  for (const l of listeners) l()
}

const ToastViewport = dynamic(() => import('./toast-viewport').then((m) => m.ToastViewport), { ssr: false })

export function Toaster({ children }: { children: React.ReactNode }) {
  const on = useSyncExternalStore(
    toastQueue.subscribe,
    () => started,
    () => false,
  )
  return (
    <>
      {children}
      {on ? <ToastViewport /> : null}
    </>
  )
}
