/** One label/value line of a record's details (inside a <dl>). */
export function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-1">
      <dt className="text-stone-500">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  )
}
