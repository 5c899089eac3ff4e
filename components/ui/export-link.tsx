import type { Translate } from '@/lib/i18n'

/** The "导出" link of a list: a plain download of /api/…, keeping the page's filter in `query`. */
export function ExportLink({ t, href }: { t: Translate; href: string }) {
  return (
    <a className="inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-3 py-2 text-sm" href={href} data-testid="export">
      {t('common.export')}
    </a>
  )
}
