'use client'
import { useState, useTransition } from 'react'
import { revealAction } from '@/app/(app)/cases/actions'

/** A masked sensitive value with a "show" button; showing it is logged on the server. */
export function Reveal({ caseId, field, masked, showLabel, hideLabel }: { caseId: string; field: 'idNumber' | 'healthNotes'; masked: string; showLabel: string; hideLabel: string }) {
  const [value, setValue] = useState<string | null>(null)
  const [pending, start] = useTransition()
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="whitespace-pre-wrap tabular-nums" data-testid={`reveal-${field}`}>
        {value ?? masked}
      </span>
      <button
        type="button"
        disabled={pending}
        className="rounded border border-stone-300 px-2 py-0.5 text-xs min-h-8"
        onClick={() => (value ? setValue(null) : start(async () => setValue(await revealAction(caseId, field))))}
      >
        {value ? hideLabel : showLabel}
      </button>
    </span>
  )
}
