'use client'
import { useI18n } from '@/lib/i18n/client'
import '@/lib/i18n/icu' // a rating's label is an ICU message
import { Button } from '@/components/ui/button'
import { useFormAction, type FormAction } from '@/components/ui/action-form'

type Question = { kind: 'RATING' | 'CHOICE' | 'TEXT'; text: string; options: string[] }

/**
 * The resident's form (phone-first: big tap targets, one column). Radios are not the shared form
 * fields, so errors are shown here per question; after a response the form gives way to a thank-you.
 */
export function SurveyForm({ questions, action }: { questions: Question[]; action: FormAction }) {
  const { t } = useI18n()
  // a POST to the action, also before JavaScript arrives; the thank-you replaces the form (no refresh)
  const { state, pending, formProps } = useFormAction(action, { onSuccess: 'none' })
  if (state?.ok)
    return (
      <p role="status" className="rounded-md bg-emerald-50 p-4 text-emerald-800" data-testid="survey-thanks">
        {t('evaluation.public.thanks')}
      </p>
    )
  // errors come translated from the server (run-action.ts)
  const err = (i: number) => state?.text?.fields?.[`a.${i}`]
  // after a refusal without JavaScript, the answers given are shown again
  const typed = (i: number) => state?.values?.[`a.${i}`]
  const was = (i: number, v: string | number) => typed(i) === String(v)
  return (
    <form {...formProps} noValidate className="space-y-5" data-testid="survey-public-form">
      {questions.map((q, i) => (
        <fieldset key={i} className="space-y-2" aria-invalid={err(i) ? true : undefined}>
          <legend className="font-medium">
            {i + 1}. {q.text}
          </legend>
          {q.kind === 'RATING' ? (
            <div className="grid grid-cols-5 gap-2">
              {[1, 2, 3, 4, 5].map((v) => (
                <label key={v} className="flex min-h-12 cursor-pointer flex-col items-center justify-center rounded-md border border-stone-300 bg-white text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                  <input type="radio" name={`a.${i}`} value={v} defaultChecked={was(i, v)} className="sr-only" aria-label={t('evaluation.public.rating', { n: v })} />
                  <span className="text-lg">{v}</span>
                  <span className="text-[10px] text-stone-500">{t(`evaluation.public.scale${v as 1 | 2 | 3 | 4 | 5}`)}</span>
                </label>
              ))}
            </div>
          ) : q.kind === 'CHOICE' ? (
            <div className="space-y-2">
              {q.options.map((o, k) => (
                <label key={k} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-stone-300 bg-white px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                  <input type="radio" name={`a.${i}`} value={k} defaultChecked={was(i, k)} className="size-4" />
                  {o}
                </label>
              ))}
            </div>
          ) : (
            <textarea name={`a.${i}`} defaultValue={typeof typed(i) === 'string' ? (typed(i) as string) : undefined} rows={3} aria-label={q.text} placeholder={t('evaluation.public.optional')} className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base" />
          )}
          {err(i) ? (
            <p className="text-sm text-red-700" role="alert">
              {err(i)}
            </p>
          ) : null}
        </fieldset>
      ))}
      {state && !state.ok && state.text?.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800">
          {state.text.error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('common.saving') : t('evaluation.public.submit')}
      </Button>
    </form>
  )
}
