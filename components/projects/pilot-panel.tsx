import type { Translate } from '@/lib/i18n'
import type { TaskState } from '@/lib/server/projects/pilot-tasks'
import { formatDate } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { ActionForm, FormInput, FormSelect } from '@/components/ui/action-form'
import { addEvidenceAction } from '@/app/(app)/units/[id]/actions'
import { FourTaskBadges } from './four-tasks'

type Panel = {
  tasks: TaskState[]
  evidence: { id: string; task: number; title: string; url: string | null; note: string | null }[]
  canAttach: boolean
  timeline: { start: Date | null; end: Date | null; elapsed: number; daysLeft: number }
}

/** A pilot community's four tasks (from live data), the evidence attached to them, and the one-year timeline. */
export function PilotPanel({ t, locale, unitId, panel }: { t: Translate; locale: string; unitId: string; panel: Panel }) {
  const pct = Math.round(panel.timeline.elapsed * 100)
  return (
    <Card className="space-y-3" data-testid="pilot-panel">
      <h2 className="text-sm font-semibold">{t('pilots.fourTasks')}</h2>
      <p className="text-sm text-stone-600">
        {t('pilots.timeline', { start: formatDate(locale, panel.timeline.start), end: formatDate(locale, panel.timeline.end), pct, days: panel.timeline.daysLeft })}
      </p>
      <div className="h-2 overflow-hidden rounded bg-stone-200" role="progressbar" aria-label={t('pilots.elapsed')} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-full bg-brand-600" style={{ width: `${pct}%` }} />
      </div>
      <FourTaskBadges t={t} tasks={panel.tasks} />
      <h3 className="pt-2 text-sm font-semibold">{t('pilots.evidence')}</h3>
      {panel.evidence.length === 0 ? <p className="text-sm text-stone-500">{t('pilots.noEvidence')}</p> : null}
      <ul className="space-y-1 text-sm" data-testid="evidence">
        {panel.evidence.map((e) => (
          <li key={e.id}>
            <span className="text-stone-500">{t(`pilotTask.${e.task as 1 | 2 | 3 | 4}`)}：</span>
            {e.url ? (
              <a href={e.url} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
                {e.title}
              </a>
            ) : (
              e.title
            )}
            {e.note ? <span className="text-stone-600">（{e.note}）</span> : null}
          </li>
        ))}
      </ul>
      {panel.canAttach ? (
        <ActionForm action={addEvidenceAction.bind(null, unitId)} submitLabel={t('pilots.addEvidence')} resetOnSuccess className="grid gap-3 sm:grid-cols-2" testId="evidence-form">
          <FormSelect name="task" label={t('field.pilotTask')} placeholder="" options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t(`pilotTask.${n as 1 | 2 | 3 | 4}`) }))} />
          <FormInput name="title" label={t('field.title')} />
          <FormInput name="url" label={t('field.url')} type="url" maxLength={500} />
          <FormInput name="note" label={t('field.evidenceNote')} />
        </ActionForm>
      ) : null}
    </Card>
  )
}
