'use client'

import NextLink, { useLinkStatus } from 'next/link'
import { useRouter } from 'next/navigation'
import type { ComponentProps } from 'react'

// next/link without viewport prefetching: the only Link of the app (eslint forbids next/link elsewhere).
//
// next/link prefetches every link as soon as it scrolls into view. A volunteer's /tasks showed 18 links
// (the navigation, the task cards, the pages), so one page view made 18 more server renders: on a
// phone on a weak network that is bandwidth spent on pages never opened, and on the server it was ≈ 4×
// the CPU of the view itself (measured in the closing note of issue 14). Here a link prefetches when a
// hand reaches for it — pointer over it, keyboard focus on it, a finger down on it — which still comes
// before the click by the 100–300 ms a prefetch needs, and a page view costs one request per link the
// user actually reaches for. The pattern is the "hover-triggered prefetch" of Next's prefetching guide.
//
// While the page a link leads to is on its way, the link shows it (useLinkStatus): a bar across the top
// of the screen, after 150 ms so that a fast answer shows nothing. Where a list has a loading.tsx, the
// prefetch brings its skeleton too, and a tap shows the skeleton at once (components/ui/skeleton.tsx).
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, href, children, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter()
  const url = typeof href === 'string' ? href : null
  const onIntent = prefetch !== false && url !== null && url.startsWith('/') && !url.startsWith('//')
  const intent = () => {
    if (onIntent) router.prefetch(url)
  }
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(e) => {
        intent()
        onMouseEnter?.(e)
      }}
      onFocus={(e) => {
        intent()
        onFocus?.(e)
      }}
      onTouchStart={(e) => {
        intent()
        onTouchStart?.(e)
      }}
    >
      {children}
      <Pending />
    </NextLink>
  )
}

function Pending() {
  const { pending } = useLinkStatus()
  return pending ? <span className="link-pending" aria-hidden="true" data-testid="navigating" /> : null
}
