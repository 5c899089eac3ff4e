import type { Translate } from '@/lib/i18n'
import { ExportLink } from './export-link'

/**
 * A page's heading: its title (the page's one h1), a line under it if there is one, and the page's
 * actions on the right, wrapping under the title on a phone: first the list's export (the "导出" download
 * of what the page shows, under the same filter), then the page's own actions (new, import …).
 */
export function PageHeader({
  title,
  description,
  actions,
  exportLink,
  testId,
}: {
  title: React.ReactNode
  description?: React.ReactNode
  actions?: React.ReactNode
  /** the list's download: /api/… with the page's filter in its query */
  exportLink?: { t: Translate; href: string; testId?: string } | null
  testId?: string
}) {
  return (
    <div className="page-header">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold" data-testid={testId}>
          {title}
        </h1>
        {description ? <p className="text-sm text-stone-600">{description}</p> : null}
      </div>
      {actions || exportLink ? (
        <div className="flex flex-wrap items-center gap-2">
          {exportLink ? <ExportLink {...exportLink} /> : null}
          {actions}
        </div>
      ) : null}
    </div>
  )
}
