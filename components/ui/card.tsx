export function Card({ className = '', ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return <div className={className ? `card ${className}` : 'card'} {...props} />
}

export function Stat({ label, value, testId }: { label: string; value: number | string; testId?: string }) {
  return (
    <Card className="p-3">
      <div className="text-xs text-stone-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </Card>
  )
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'brand' | 'green'; children: React.ReactNode }) {
  const tones = { neutral: 'bg-stone-100 text-stone-700', brand: 'bg-brand-50 text-brand-700', green: 'bg-emerald-50 text-emerald-700' }
  return <span className={`badge ${tones[tone]}`}>{children}</span>
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center">
      <p className="font-medium text-stone-700">{title}</p>
      {children ? <div className="mt-2 text-sm text-stone-500">{children}</div> : null}
    </div>
  )
}
