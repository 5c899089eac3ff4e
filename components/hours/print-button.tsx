'use client'
import { useI18n } from '@/lib/i18n/client'
import { Button } from '@/components/ui/button'

/** Opens the browser's print dialog; not printed itself. */
export function PrintButton() {
  const { t } = useI18n()
  return (
    <Button type="button" onClick={() => window.print()} className="print:hidden">
      {t('certificate.print')}
    </Button>
  )
}
