/**
 * The kit's frame around a table: it scrolls sideways where the table is wider than a phone, and, being
 * a scrollable region, it is named (`label`) and reachable with the keyboard so it can be scrolled
 * without a mouse (axe: scrollable-region-focusable).
 */
export function TableFrame({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="table-frame">
      {children}
    </div>
  )
}
