'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { submitSurveyResponse } from '@/lib/server/evaluation/surveys'

const ERRORS: Record<string, string> = {
  NOT_FOUND: 'evaluation.public.notFound',
  CLOSED: 'evaluation.public.closed',
  NOT_STARTED: 'evaluation.public.notStarted',
  RATE_LIMITED: 'evaluation.public.busy',
  INVALID: 'form.fixErrors',
}

// Public (no sign-in): the campaign's token is the only key; the DAL validates and limits the rate.
export async function submitSurveyAction(token: string, _prev: FormState, fd: FormData) {
  return runAction('survey.submitSurvey', ['id', 'form'], [token, fd], async () => {
    const r = await submitSurveyResponse(token, Object.fromEntries(fd))
    return r.ok ? { ok: true } : { ok: false, error: ERRORS[r.error] ?? 'error.state', fieldErrors: r.fieldErrors }
  })
}
