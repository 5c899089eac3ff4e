import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { getTask } from '@/lib/server/workflow/tasks'
import { verifyQrToken } from '@/lib/server/workflow/checkin-qr'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { Link } from '@/components/ui/link'
import { ActionForm } from '@/components/ui/action-form'
import { PageHeader } from '@/components/ui/page-header'
import { OfflineCheck } from '@/components/workflow/offline-check'
import { OFFLINE_CHECK_MESSAGES } from '@/components/workflow/offline-check.messages'
import { ClientMessages } from '@/lib/i18n/client-messages'
import { qrCheckAction } from '../../actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('check.title'), robots: { index: false } }
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * Where a scanned check-in QR code lands (the task's page shows it, its poster prints it): a volunteer
 * with a confirmed place checks in, or out, in one tap. Signed out, the sign-in comes first and comes
 * back here with the token; an expired or foreign code, a sign-up missing or waitlisted, is told in words.
 */
export default async function CheckPage({ params, searchParams }: Props) {
  const scope = await requirePermission('task.read')
  const id = await idParam(params)
  const r = await getTask(scope, id)
  if (!r.ok) return denyPage()
  const task = r.value
  const raw = (await searchParams).t
  const token = typeof raw === 'string' ? raw.slice(0, 100) : ''
  const t = await getT()
  const locale = await getLocale()
  const verdict = verifyQrToken(task.id, token, new Date())
  const mine = task.signups.find((s) => s.user.id === scope.userId)
  const say = (text: string, testId = 'check-state') => (
    <p className="text-sm" data-testid={testId}>
      {text}
    </p>
  )
  let body: React.ReactNode
  if (!can(scope, 'task.signup') || !task.canSignUp) body = say(t('check.notVolunteer'))
  else if (verdict === 'EXPIRED') body = say(t('tasks.qrExpired'), 'check-refused')
  else if (verdict === 'INVALID') body = say(t('validation.checkinQr.wrong'), 'check-refused')
  else if (!mine) body = say(t('check.notSignedUp'))
  else if (mine.status === 'WAITLISTED') body = say(t('check.waitlisted'))
  else if (mine.status !== 'CONFIRMED') body = say(t('check.cancelled'))
  else if (mine.checkOutAt) body = say(t('check.done', { minutes: mine.minutes ?? 0 }))
  else
    body = (
      <>
        {say(mine.checkInAt ? t('check.checkedIn', { time: formatDateTime(locale, mine.checkInAt) }) : t('check.ready'))}
        <ClientMessages keys={OFFLINE_CHECK_MESSAGES}>
          <OfflineCheck taskId={task.id} userId={scope.userId} mode={mine.checkInAt ? 'out' : 'in'}>
            <ActionForm action={qrCheckAction.bind(null, task.id, mine.checkInAt ? 'out' : 'in')} submitLabel={mine.checkInAt ? t('tasks.checkOut') : t('tasks.checkIn')} className="space-y-2" testId="qr-check">
              <input type="hidden" name="token" value={token} />
            </ActionForm>
          </OfflineCheck>
        </ClientMessages>
      </>
    )
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeader title={t('check.title')} />
      <Card className="space-y-3">
        <div>
          <p className="font-semibold" data-testid="check-task">
            {task.title}
          </p>
          <p className="text-sm text-stone-600">
            {formatDateTime(locale, task.startsAt)} – {formatDateTime(locale, task.endsAt)} · {task.place}
          </p>
        </div>
        {body}
      </Card>
      <Link href={`/tasks/${task.id}`} className="text-sm text-brand-700 hover:underline">
        {t('check.toTask')}
      </Link>
    </div>
  )
}
