import type { Translate } from '@/lib/i18n'

// What a page shows while the server is still reading its data (a segment's loading.tsx, or a page's own
// <Suspense> around its slow part): grey bars in the shape of what is to come, announced once as "加载中…".
// Without JavaScript the streamed content cannot take the skeleton's place, so while <html> lacks the `js`
// class the root layout's first script adds, CSS hides every `.skeleton` and shows the streamed content
// where the browser put it (app/layout.tsx, app/globals.css).

/** A grey bar: a line of text, a field, a button. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <span className={`skeleton-bar ${className}`} aria-hidden="true" />
}

/** Rows of a list on their way: a title line and a line of details each. */
function SkeletonRows({ rows }: { rows: number }) {
  return (
    <div className="data-list">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="data-row space-y-2">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-3 w-1/2" />
        </div>
      ))}
    </div>
  )
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
      <SkeletonRows rows={rows} />
    </div>
  )
}

/** Figures on their way (a dashboard's tiles, then its table), under the page's title when it is known. */
export function FiguresSkeleton({ t, title, tiles = 12 }: { t: Translate; title?: string; tiles?: number }) {
  return (
    <div className="skeleton space-y-4" role="status" aria-busy="true" data-testid="skeleton">
      <span className="sr-only">{t('common.loading')}</span>
      {title ? <p className="text-xl font-semibold text-stone-600">{title}</p> : <Skeleton className="h-7 w-40" />}
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: tiles }, (_, i) => (
          <div key={i} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
            <Skeleton className="h-3 w-2/3" />
            <Skeleton className="h-6 w-1/2" />
          </div>
        ))}
      </div>
      <div className="data-list">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="data-row">
            <Skeleton className="h-4 w-full" />
          </div>
        ))}
      </div>
    </div>
  )
}

/** A record on its way (a record page's loading.tsx): the way back, the title, a card of details, a list. */
export function RecordSkeleton({ t }: { t: Translate }) {
  return (
    <div className="skeleton mx-auto max-w-3xl space-y-4" role="status" aria-busy="true" data-testid="skeleton">
      <span className="sr-only">{t('common.loading')}</span>
      <Skeleton className="h-4 w-24" />
      <div className="flex items-start justify-between gap-2">
        <Skeleton className="h-7 w-2/3 sm:w-80" />
        <Skeleton className="h-6 w-16" />
      </div>
      <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className={`h-4 ${i % 2 ? 'w-1/2' : 'w-3/4'}`} />
        ))}
        <Skeleton className="h-10 w-28" />
      </div>
      <SkeletonRows rows={3} />
    </div>
  )
}
