import type { Translate } from '@/lib/i18n'

// What a page shows while the server is still reading its data (a segment's loading.tsx): grey bars in the
// shape of the page to come, announced once as "加载中…". Without JavaScript the streamed page cannot take
// the skeleton's place, so the root layout's <noscript> style hides every `.skeleton` and shows the streamed
// page where the browser put it (app/layout.tsx).

/** A grey bar: a line of text, a field, a button. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <span className={`skeleton-bar ${className}`} aria-hidden="true" />
}

/** A list page on its way: the heading, the search form and `rows` rows. */
export function ListSkeleton({ t, rows = 6 }: { t: Translate; rows?: number }) {
  return (
    <div className="skeleton space-y-4" role="status" aria-busy="true" data-testid="skeleton">
      <span className="sr-only">{t('common.loading')}</span>
      <Skeleton className="h-7 w-40" />
      <div className="flex gap-2">
        <Skeleton className="h-10 flex-1 sm:max-w-md" />
        <Skeleton className="h-10 w-20" />
      </div>
      <div className="data-list">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="data-row space-y-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-1/2" />
          </div>
        ))}
      </div>
    </div>
  )
}
