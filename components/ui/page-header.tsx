/**
 * A page's heading: its title (the page's one h1), a line under it if there is one, and the page's
 * actions (new, import, export …) on the right, wrapping under the title on a phone.
 */
export function PageHeader({ title, description, actions, testId }: { title: React.ReactNode; description?: React.ReactNode; actions?: React.ReactNode; testId?: string }) {
  return (
    <div className="page-header">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold" data-testid={testId}>
          {title}
        </h1>
        {description ? <p className="text-sm text-stone-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  )
}
