import { Link } from '@/components/ui/link'

/** One label/value line of a record's details (inside a <dl>). */
export function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-1">
      <dt className="text-stone-500">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  )
}

/** The top of a record page: the way back to its list, the record's title, its status. */
export function DetailHeader({ back, backLabel, title, status, titleTestId, statusTestId }: { back: string; backLabel: string; title: React.ReactNode; status?: React.ReactNode; titleTestId?: string; statusTestId?: string }) {
  return (
    <>
      <Link href={back} className="text-sm text-stone-600 hover:underline">
        ‹ {backLabel}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h1 className="text-xl font-semibold" data-testid={titleTestId}>
          {title}
        </h1>
        {status ? <span data-testid={statusTestId}>{status}</span> : null}
      </div>
    </>
  )
}
