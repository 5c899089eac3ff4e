import { z } from 'zod'
import { gateRoute } from '@/lib/server/security/route-gate'
import { getScope } from '@/lib/server/auth/session'
import { can } from '@/lib/server/authz/scope'
import { getTask } from '@/lib/server/workflow/tasks'
import { siteUrl } from '@/lib/server/site-url'
import { taskIcs } from '@/lib/ics'

const NOT_FOUND = () => Response.json({ error: 'NOT_FOUND' }, { status: 404 })

/** "Add to calendar": one task as an .ics file (China time; a reminder 2 hours before), for whoever may read the task. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const scope = await getScope()
  // a link on a page, not an API: signed out, sign in first and come back (as the pages do)
  if (!scope) {
    const here = new URL(req.url)
    return new Response(null, { status: 303, headers: { location: `/login?next=${encodeURIComponent(here.pathname)}`, 'cache-control': 'no-store' } })
  }
  const gate = await gateRoute(req, 'tasks.calendar', scope, (s) => can(s, 'task.read'))
  if (!gate.ok) return gate.response
  const id = z.uuid().safeParse((await params).id)
  if (!id.success) return NOT_FOUND()
  const r = await getTask(gate.scope, id.data)
  if (!r.ok) return NOT_FOUND()
  const task = r.value
  const body = taskIcs({
    uid: `${task.id}@ronghe`,
    title: task.title,
    startsAt: task.startsAt,
    endsAt: task.endsAt,
    place: task.place,
    description: [task.orgUnit.name, task.order.claimedByTeam?.name].filter(Boolean).join(' · '),
    url: await siteUrl(`/tasks/${task.id}`),
    now: new Date(),
  })
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="task.ics"; filename*=UTF-8''${encodeURIComponent(task.title)}.ics`,
      'cache-control': 'private, no-store',
    },
  })
}
