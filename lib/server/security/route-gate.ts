import 'server-only'
import type { Scope } from '../authz/scope'
import { makeT, messagesFor } from '@/lib/i18n'
import { audit } from './audit'
import { clientIpOf } from './client-ip'
import { checkLimit, retryMinutes, type LimitKind } from './rate-limit'

const zh = makeT(messagesFor('zh-CN'))

export type Gate = { ok: true; scope: Scope } | { ok: false; response: Response }

/**
 * The door of a route handler that hands out or takes in data (exports, imports, kept error files):
 * signed out or without the permission → 404 (and a "denied" audit entry); over the abuse limit →
 * 429 with a Chinese message and Retry-After; otherwise the request is audited and may proceed.
 */
export async function gateRoute(req: Request, action: string, scope: Scope | null, allowed: (s: Scope) => boolean, limit?: LimitKind, target?: string | null): Promise<Gate> {
  const ip = clientIpOf(req.headers)
  if (!scope || !allowed(scope)) {
    await audit({ action, result: 'denied', scope, ip, target })
    return { ok: false, response: Response.json({ error: 'NOT_FOUND' }, { status: 404 }) }
  }
  if (limit) {
    const v = await checkLimit(limit, { user: scope.userId, ip })
    if (!v.ok) {
      await audit({ action, result: 'limited', scope, ip, target })
      return {
        ok: false,
        response: new Response(zh('error.rateLimited', { minutes: retryMinutes(v) }), {
          status: 429,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(v.retryAfterSeconds), 'cache-control': 'no-store' },
        }),
      }
    }
  }
  await audit({ action, result: 'ok', scope, ip, target })
  return { ok: true, scope }
}
