import 'server-only'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getScope } from '../auth/session'
import { audit, type AuditResult } from './audit'
import { formValues, type ActionState } from '@/lib/form-state'
import { isMessageKey, translateError, translatorFor } from '@/lib/i18n'
import { localeOrDefault } from '@/lib/i18n/server'

/**
 * Every server action runs through here (the actions files wrap their bodies in it; a test checks
 * that none is missing). It writes the audit entry of the action — who, role, unit, action, target,
 * result, IP — and turns a dropped database connection into a clear, retryable answer instead of a
 * crash: the action's own transaction either committed before the drop or did not happen at all.
 */
export async function runAction<T>(name: string, spec: readonly ArgSpec[], args: readonly unknown[], fn: () => Promise<T>, kind: 'state' | 'value' = 'state'): Promise<T> {
  // arguments come from the client as it pleases: anything not of the declared kind is refused here,
  // before it can reach a query (an `undefined` id would match any row, an object would crash Prisma)
  const bad = checkArgs(spec, args)
  if (bad) {
    await audit({ action: name, target: null, result: 'invalid', scope: await scopeOrNull() })
    if (kind === 'value') return null as T
    return (await withText(bad.field ? { ok: false, error: 'form.fixErrors', fieldErrors: { [bad.field]: 'validation.invalidChars' } } : { ok: false, error: 'error.badRequest' })) as T
  }
  let out: T
  try {
    out = await fn()
    await audit({ action: name, target: targetOf(args, out), result: resultOf(out, kind), scope: await scopeOrNull() })
  } catch (e) {
    const digest = typeof (e as { digest?: unknown })?.digest === 'string' ? (e as { digest: string }).digest : ''
    if (digest.startsWith('NEXT_REDIRECT')) {
      // requireScope sends a signed-out caller to the sign-in page: a denial; other redirects are the
      // action's own success path
      const toLogin = digest.includes(';/login;') || /;\/login[;?]/.test(digest)
      await audit({ action: name, target: targetOf(args, undefined), result: toLogin ? 'denied' : 'ok', scope: await scopeOrNull() })
      throw e
    }
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND') {
      await audit({ action: name, target: targetOf(args, undefined), result: 'denied', scope: await scopeOrNull() })
      throw e
    }
    if (isConnectionError(e)) {
      console.error(`[action ${name}] database connection lost:`, e instanceof Error ? e.message : e)
      if (kind === 'state') return (await withText({ ok: false, error: 'error.retryable' })) as T
    } else {
      await audit({ action: name, target: targetOf(args, undefined), result: 'error', scope: await scopeOrNull() })
    }
    throw e
  }
  return kind === 'state' ? withoutScript(await withText(out), args) : out
}

/**
 * The answer's keys in the reader's words (`text`): translated here, on the server, so a form renders
 * them as they are and no page ships the catalog to the browser. The keys stay for callers and tests.
 */
async function withText<T>(out: T): Promise<T> {
  const s = out as ActionState | undefined
  if (!s || typeof s !== 'object' || !('ok' in s)) return out
  const t = translatorFor(await localeOrDefault())
  const text: NonNullable<ActionState['text']> = {}
  if (!s.ok && s.error) text.error = translateError(t, s.error, s.messageParams)
  if (s.ok && s.message && isMessageKey(s.message)) text.message = t(s.message, s.messageParams)
  if (s.fieldErrors) text.fields = Object.fromEntries(Object.entries(s.fieldErrors).map(([k, v]) => [k, translateError(t, v) ?? v]))
  return (Object.keys(text).length ? { ...s, text } : s) as T
}

/**
 * A form posted before its JavaScript arrived (a plain multipart POST, no Next-Action header): Next
 * renders the page again with the action's answer as the form's state. A success that names where to
 * go is a 303 there; a refusal carries what was typed (no passwords), so the page shows it again.
 * With JavaScript the form keeps what was typed itself and the router follows `redirect`.
 */
async function withoutScript<T>(out: T, args: readonly unknown[]): Promise<T> {
  const s = out as ActionState | undefined
  if (!s || typeof s !== 'object' || !(await postedWithoutScript())) return out
  if (s.ok && s.redirect) redirect(s.redirect)
  const fd = args.find((a): a is FormData => a instanceof FormData)
  return (!s.ok && fd ? { ...s, values: formValues(fd) } : out) as T
}

async function postedWithoutScript(): Promise<boolean> {
  try {
    const h = await headers()
    return !h.has('next-action') && /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(h.get('content-type') ?? '')
  } catch {
    return false // not in a request (scripts, tests calling the action directly)
  }
}

async function scopeOrNull() {
  try {
    return await getScope()
  } catch {
    return null
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

function targetOf(args: readonly unknown[], out: unknown): string | null {
  const id = args.find((a): a is string => typeof a === 'string' && a.length > 0)
  if (id) return id.slice(0, 200)
  const redirect = (out as { redirect?: unknown } | undefined)?.redirect
  if (typeof redirect === 'string') return redirect.match(UUID)?.[0] ?? redirect.slice(0, 200)
  return null
}

const ERROR_RESULTS: Record<string, AuditResult> = {
  'error.notFound': 'denied',
  'error.transition': 'refused',
  'form.fixErrors': 'invalid',
  'error.rateLimited': 'limited',
  'tasks.codeLocked': 'limited',
  'error.retryable': 'error',
  'error.badRequest': 'invalid',
}

function resultOf(out: unknown, kind: 'state' | 'value'): AuditResult {
  if (kind === 'value') return out === null ? 'denied' : 'ok'
  const s = out as { ok?: unknown; error?: unknown; fieldErrors?: unknown } | undefined
  if (!s || typeof s !== 'object' || !('ok' in s)) return 'ok'
  if (s.ok) return 'ok'
  if (typeof s.error === 'string' && ERROR_RESULTS[s.error]) return ERROR_RESULTS[s.error]
  return s.fieldErrors ? 'invalid' : 'refused'
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'P1001', 'P1002', 'P1017', 'P2024'])
const ADAPTER_KINDS = new Set(['ConnectionClosed', 'SocketTimeout', 'DatabaseNotReachable', 'TransactionAlreadyClosed'])
const CONNECTION_TEXT = /connection (terminated|refused|reset|closed|ended|error|timeout)|terminating connection|server (has )?closed the connection|Connection terminated|ECONNRESET|ECONNREFUSED|Can't reach database|timeout exceeded when trying to connect|Timed out fetching a new connection/i

/** Is this a lost / unreachable database connection (not a bug, not a constraint)? Walks `cause`. */
export function isConnectionError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false
  const o = e as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown }
  for (const c of [o.code, o.originalCode]) if (typeof c === 'string' && CONNECTION_CODES.has(c)) return true
  // Prisma's driver-adapter errors carry a kind (the message is the kind): { kind: 'ConnectionClosed' }
  if (typeof o.kind === 'string' && ADAPTER_KINDS.has(o.kind)) return true
  if (typeof o.message === 'string' && ADAPTER_KINDS.has(o.message)) return true
  if (typeof o.message === 'string' && CONNECTION_TEXT.test(o.message)) return true
  return isConnectionError(o.cause, depth + 1)
}

/** What an action's argument must be: a record id, a short text, a form, a yes/no, or one of a list. */
export type ArgSpec = 'id' | 'text' | 'form' | 'bool' | readonly string[]

const ID = /^[A-Za-z0-9_-]{1,100}$/
// NUL cannot be stored by PostgreSQL; the other C0 controls have no place in a form either (tab, newlines kept)
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** null when every argument is of its kind; else which form field is at fault, if one is. */
export function checkArgs(spec: readonly ArgSpec[], args: readonly unknown[]): null | { field?: string } {
  if (args.length !== spec.length) return {}
  for (let i = 0; i < spec.length; i++) {
    const k = spec[i]
    const a = args[i]
    if (k === 'id') {
      if (typeof a !== 'string' || !ID.test(a)) return {}
    } else if (k === 'text') {
      if (typeof a !== 'string' || a.length > 100 || CONTROL.test(a)) return {}
    } else if (k === 'bool') {
      if (typeof a !== 'boolean') return {}
    } else if (k === 'form') {
      if (!(a instanceof FormData)) return {}
      for (const [field, v] of a.entries()) if (typeof v === 'string' && CONTROL.test(v)) return { field }
    } else if (typeof a !== 'string' || !k.includes(a)) return {}
  }
  return null
}
