import { z } from 'zod'
import { gateRoute } from '@/lib/server/security/route-gate'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { checkQueued } from '@/lib/server/workflow/tasks'
import { toActionState } from '@/lib/server/action-state'
import { getT } from '@/lib/i18n/server'
import { translateError } from '@/lib/i18n'

const ZQueuedCheck = z
  .object({
    clientId: z.uuid(),
    userId: z.uuid(),
    taskId: z.uuid(),
    mode: z.enum(['in', 'out', 'auto']),
    at: z.iso.datetime({ offset: true }),
    code: z.string().max(10).optional(),
    token: z.string().max(100).optional(),
  })
  .refine((q) => (q.code === undefined) !== (q.token === undefined), { path: ['code'] })

/**
 * A check-in or check-out the phone kept while offline (lib/offline/queue.ts), sent now by the page or
 * the service worker: taken at most once per client id, at the phone's time within the server's bounds
 * (lib/server/workflow/tasks.ts; `auto`: a QR code scanned offline, in or out as the sign-up stands). 200: taken, now or before; 422: refused for good, with the reason in
 * the caller's language; 409: made by another account than the one signed in (kept on the phone).
 */
export async function POST(req: Request) {
  const gate = await gateRoute(req, 'tasks.queuedCheck', await getScope(), (s) => can(s, 'task.signup'))
  if (!gate.ok) return gate.response
  const scope = gate.scope
  const t = await getT()
  const parsed = ZQueuedCheck.safeParse(await req.json().catch(() => null))
  if (!parsed.success) return Response.json({ ok: false, error: 'INVALID', text: t('form.fixErrors') }, { status: 400 })
  const q = parsed.data
  if (q.userId !== scope.userId) return Response.json({ ok: false, error: 'OTHER_USER' }, { status: 409 })
  const by = q.token !== undefined ? { token: q.token } : { code: q.code! }
  const queued = { clientId: q.clientId, at: new Date(q.at) }
  const r = await checkQueued(scope, q.taskId, by, q.mode, queued)
  if (r.ok) return Response.json({ ok: true, mode: r.value.mode, minutes: r.value.minutes })
  const state = toActionState(r)
  const field = state.fieldErrors ? Object.values(state.fieldErrors)[0] : undefined
  const text = translateError(t, field ?? state.error ?? 'error.state', state.messageParams)
  return Response.json({ ok: false, error: r.error, text }, { status: r.error === 'NOT_FOUND' ? 404 : 422 })
}
