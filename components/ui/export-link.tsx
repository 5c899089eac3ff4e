import type { Translate } from '@/lib/i18n'
import { buttonClass } from './button'

/** The "导出" link of a list: a plain download of /api/…, keeping the page's filter in `query`. */
export function ExportLink({ t, href, testId = 'export' }: { t: Translate; href: string; testId?: string }) {
  return (
    <a className={buttonClass('secondary')} href={href} data-testid={testId}>
      {t('common.export')}
    </a>
  )
}
