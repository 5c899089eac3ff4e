import 'server-only'
import { idParam } from '@/lib/params'
import type { Scope } from '../authz/scope'
import { denyPage } from './session'

/**
 * A record page's gate, in the `layout.tsx` ahead of its loading skeleton. Once the skeleton has
 * streamed the status is sent, so a record outside the caller's scope (or none at all) must be refused
 * here to answer a real 404. `inScope` is the data layer's existence read for that record kind, over the
 * same condition as the page's own read (which checks again: a record that goes between the two reads is
 * the page's not-found). One small statement: the record's id under the caller's scope.
 */
export async function gateRecord(scope: Scope, params: Promise<{ id: string }>, inScope: (scope: Scope, id: string) => Promise<boolean>): Promise<void> {
  if (!(await inScope(scope, await idParam(params)))) await denyPage()
}
