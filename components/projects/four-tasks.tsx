import type { Translate } from '@/lib/i18n'
import type { TaskState } from '@/lib/server/projects/pilot-tasks'
import { Badge } from '@/components/ui/card'

const TONE = { MET: 'green', IN_PROGRESS: 'brand', NOT_STARTED: 'neutral' } as const

/** The four pilot tasks as four labelled states. */
export function FourTaskBadges({ t, tasks, compact = false }: { t: Translate; tasks: readonly TaskState[]; compact?: boolean }) {
  return (
    <ul className={compact ? 'flex flex-wrap gap-1' : 'grid gap-2 sm:grid-cols-2'} data-testid="four-tasks">
      {tasks.map((s, i) => (
        <li key={i} className="flex items-center gap-2 text-sm">
          {compact ? null : <span className="text-stone-700">{t(`pilotTask.${(i + 1) as 1 | 2 | 3 | 4}`)}</span>}
          <span title={t(`pilotTask.${(i + 1) as 1 | 2 | 3 | 4}`)}>
            <Badge tone={TONE[s]}>
              {compact ? `${i + 1} ` : ''}
              {t(`taskState.${s}`)}
            </Badge>
          </span>
        </li>
      ))}
    </ul>
  )
}
