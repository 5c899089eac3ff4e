'use client'
import { Button } from '@/components/ui/button'

/** Opens the browser's print dialog; not printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  )
}
