import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'
import { formatDateTime } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { ActionForm } from '@/components/ui/action-form'
import { StatusBadge } from './status-badge'
import { cancelSignupAction, signUpAction } from '@/app/(app)/tasks/actions'

type Task = {
  id: string
  title: string
  startsAt: Date
  endsAt: Date
  place: string
  slots: number
  taken: number
  signupDeadline: Date
  orgUnit: { name: string }
  order: { claimedByTeam: { name: string } | null }
  mine: { status: string } | null
  deadlinePassed: boolean
}

/** A task as a volunteer sees it on the phone: when, where, slots left, and one button. */
export function TaskCard({ t, locale, task }: { t: Translate; locale: string; task: Task }) {
  const left = Math.max(0, task.slots - task.taken)
  const active = task.mine && task.mine.status !== 'CANCELLED'
  return (
    <Card className="space-y-2" data-testid="task-card">
      <div className="flex items-start justify-between gap-2">
        <Link href={`/tasks/${task.id}`} className="text-lg font-medium text-brand-700 hover:underline">
          {task.title}
        </Link>
        {active ? <StatusBadge t={t} kind="signupStatus" status={task.mine!.status} /> : null}
      </div>
      <p className="text-sm text-stone-700">
        {formatDateTime(locale, task.startsAt)} – {formatDateTime(locale, task.endsAt)}
      </p>
      <p className="text-sm text-stone-600">
        {task.place} · {task.orgUnit.name}
        {task.order.claimedByTeam ? ` · ${task.order.claimedByTeam.name}` : ''}
      </p>
      <p className="text-sm">
        <span className="tabular-nums" data-testid="slots-left">
          {left > 0 ? t('tasks.slotsLeft', { left, slots: task.slots }) : t('tasks.full')}
        </span>
        {' · '}
        {task.deadlinePassed ? t('tasks.deadlinePassed') : t('tasks.deadline', { time: formatDateTime(locale, task.signupDeadline) })}
      </p>
      {!task.deadlinePassed ? (
        active ? (
          <ActionForm action={cancelSignupAction.bind(null, task.id)} submitLabel={t('tasks.cancelSignup')} variant="secondary" confirm={t('tasks.cancelConfirm')} className="space-y-2" />
        ) : (
          <ActionForm action={signUpAction.bind(null, task.id)} submitLabel={t('tasks.signUp')} className="space-y-2" />
        )
      ) : null}
    </Card>
  )
}
