'use client'

import { usePathname } from 'next/navigation'
import { useEffect, useRef } from 'react'
import { Link } from '@/components/ui/link'

/** Whether `href` is the page at `path` or an ancestor of it, unless a deeper entry (`except`) has it. */
export function isCurrent(path: string, href: string, except: readonly string[] = []): boolean {
  const under = (p: string, h: string) => p === h || (h !== '/' && p.startsWith(`${h}/`))
  return under(path, href) && !except.some((e) => under(path, e))
}

/**
 * A navigation entry that marks itself as the current page (`aria-current="page"`). The server renders
 * the mark in the first HTML (usePathname works there), and it follows client-side navigation.
 */
export function NavLink({ href, except, className, children, ...rest }: { href: string; except?: string[]; className: string; children: React.ReactNode; 'data-testid'?: string }) {
  const current = isCurrent(usePathname() ?? '', href, except)
  return (
    <Link href={href} className={className} aria-current={current ? 'page' : undefined} {...rest}>
      {children}
    </Link>
  )
}

/**
 * The phone's menu of what the tabs leave out: a <details> (it opens and closes without JavaScript),
 * closed again after a navigation, a tap outside it or Escape (which returns focus to its summary).
 */
export function NavMenu({ summary, className, children }: { summary: React.ReactNode; className: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null)
  const path = usePathname()
  useEffect(() => {
    if (ref.current) ref.current.open = false
  }, [path])
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && ref.current?.open) {
        ref.current.open = false
        ref.current.querySelector('summary')?.focus()
      }
    }
    document.addEventListener('pointerdown', onDown)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [])
  return (
    <details ref={ref} className={className}>
      {summary}
      {children}
    </details>
  )
}
