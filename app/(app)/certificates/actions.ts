'use server'
import { runAction } from '@/lib/server/security/run-action'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState, type ActionState } from '@/lib/server/action-state'
import { issueCertificate } from '@/lib/server/people/certificates'

async function issue(userId?: string): Promise<ActionState> {
  const r = await issueCertificate(await requireScope(), userId)
  return r.ok ? { ok: true, redirect: `/certificates/${r.value.id}` } : toActionState(r)
}

/** A volunteer issues a certificate of their own hours (the /points page). */
export async function issueMyCertificateAction() {
  return runAction('certificates.issueMyCertificate', [], [], async () => {
    return issue()
  })
}

/** Community staff (volunteer.manage) issue one for a volunteer of their community: bind the volunteer's id. */
export async function issueCertificateAction(userId: string) {
  return runAction('certificates.issueCertificate', ['id'], [userId], async () => {
    return issue(typeof userId === 'string' ? userId : '')
  })
}
