import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'
import { formatDateTime } from '@/lib/format'
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

/**
 * A task as a volunteer sees it on the phone: when, where, slots left, and one button. The markup is
 * lean on purpose (the kit's .task-card styles it, each line one text node): a list of ten cards is
 * most of a volunteer's page, and every element is written twice — in the HTML and in the React
 * payload that hydrates it — and rendered three times on the server.
 */
export function TaskCard({ t, locale, task, level = 2 }: { t: Translate; locale: string; task: Task; level?: 2 | 3 }) {
  const left = Math.max(0, task.slots - task.taken)
  const active = task.mine && task.mine.status !== 'CANCELLED'
  const Heading = level === 2 ? 'h2' : 'h3'
  const where = [task.place, task.orgUnit.name, task.order.claimedByTeam?.name].filter(Boolean).join(' · ')
  const deadline = task.deadlinePassed ? t('tasks.deadlinePassed') : t('tasks.deadline', { time: formatDateTime(locale, task.signupDeadline) })
  return (
    <article className="card task-card" data-testid="task-card">
      <Heading>
        <Link href={`/tasks/${task.id}`}>{task.title}</Link>
        {active ? <StatusBadge t={t} kind="signupStatus" status={task.mine!.status} /> : null}
      </Heading>
      <p>{`${formatDateTime(locale, task.startsAt)} – ${formatDateTime(locale, task.endsAt)}`}</p>
      <p>{where}</p>
      <p>
        <span data-testid="slots-left">{left > 0 ? t('tasks.slotsLeft', { left, slots: task.slots }) : t('tasks.full')}</span>
        {` · ${deadline}`}
      </p>
      {!task.deadlinePassed ? (
        active ? (
          <ActionForm action={cancelSignupAction.bind(null, task.id)} submitLabel={t('tasks.cancelSignup')} variant="secondary" confirm={t('tasks.cancelConfirm')} className="space-y-2" />
        ) : (
          <ActionForm action={signUpAction.bind(null, task.id)} submitLabel={t('tasks.signUp')} className="space-y-2" />
        )
      ) : null}
    </article>
  )
}
