import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'

/** Server-rendered pager: keeps the other search params, works without JavaScript. */
export function Pagination({
  t,
  page,
  pageCount,
  total,
  hrefFor,
}: {
  t: Translate
  page: number
  pageCount: number
  total: number
  hrefFor: (page: number) => string
}) {
  const cls = 'rounded-md border border-stone-300 bg-white px-3 py-2 text-sm min-h-10 inline-flex items-center'
  return (
    <nav className="flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={t('pager.label')}>
      <span className="text-stone-600">{t('pager.summary', { total, page, pageCount })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={cls} href={hrefFor(page - 1)} rel="prev">
            {t('pager.prev')}
          </Link>
        ) : (
          <span className={`${cls} opacity-50`} aria-disabled="true">
            {t('pager.prev')}
          </span>
        )}
        {page < pageCount ? (
          <Link className={cls} href={hrefFor(page + 1)} rel="next">
            {t('pager.next')}
          </Link>
        ) : (
          <span className={`${cls} opacity-50`} aria-disabled="true">
            {t('pager.next')}
          </span>
        )}
      </span>
    </nav>
  )
}
