'use client'
import { Link } from '@/components/ui/link'
import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '@/lib/i18n/client'
import '@/lib/i18n/icu' // its summary counts rows in plurals
import { Button, buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { IMPORT_TEXT as TEXT } from './import-panel.messages'

const MAX_BYTES = 5 * 1024 * 1024
const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

type Summary = { total: number; created: number; duplicates: number; failed: number; errorFileId?: string }
type Line = ({ type: 'progress'; done: number; total: number } | ({ type: 'done' } & Summary) | { type: 'error'; message: string })
/** The outcome of an upload the browser posted itself (no JavaScript yet): from the page's address. */
export type ImportAnswer = { phase: 'done'; summary: Summary } | { phase: 'error'; message: string }
type State =
  | { phase: 'idle' }
  | { phase: 'uploading' }
  | { phase: 'importing'; done: number; total: number }
  | { phase: 'done'; summary: Summary }
  | { phase: 'error'; message: string }

/**
 * Upload a filled-in template: the server streams NDJSON progress lines, then the summary. Works with
 * the keyboard (a plain form) and on phones (the system file picker); the result is announced.
 */

export function ImportPanel({ kind, answer }: { kind: keyof typeof TEXT; answer?: ImportAnswer }) {
  const { t } = useI18n()
  const id = useId()
  const fileRef = useRef<HTMLInputElement>(null)
  const resultRef = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<State>(answer ?? { phase: 'idle' })
  const busy = state.phase === 'uploading' || state.phase === 'importing'

  // move focus to the outcome so keyboard and screen-reader users land on it
  useEffect(() => {
    if (state.phase === 'done' || state.phase === 'error') resultRef.current?.focus()
  }, [state.phase])

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const file = fileRef.current?.files?.[0]
    if (!file) return setState({ phase: 'error', message: t('xlsx.error.noFile') })
    if (!/\.xlsx$/i.test(file.name)) return setState({ phase: 'error', message: t('xlsx.error.notXlsx') })
    if (file.size > MAX_BYTES) return setState({ phase: 'error', message: t('xlsx.error.tooLarge', { mb: 5 }) })

    setState({ phase: 'uploading' })
    const body = new FormData()
    body.set('file', file)
    let res: Response
    try {
      res = await fetch(`/api/${kind}/import`, { method: 'POST', body })
    } catch {
      return setState({ phase: 'error', message: t('xlsx.error.network') })
    }
    if (!res.ok || !res.body) {
      const j = (await res.json().catch(() => null)) as { message?: string } | null
      return setState({ phase: 'error', message: j?.message ?? (res.status === 404 ? t('notFound.body') : t('xlsx.error.failed')) })
    }

    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffered = ''
    let finished = false
    const handle = (raw: string) => {
      if (!raw.trim()) return
      let line: Line
      try {
        line = JSON.parse(raw) as Line
      } catch {
        return
      }
      if (line.type === 'progress') setState({ phase: 'importing', done: line.done, total: line.total })
      else if (line.type === 'done') {
        finished = true
        const { type, ...summary } = line
        void type
        setState({ phase: 'done', summary })
      } else {
        finished = true
        setState({ phase: 'error', message: line.message })
      }
    }
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffered += value
        const lines = buffered.split('\n')
        buffered = lines.pop() ?? ''
        lines.forEach(handle)
      }
      handle(buffered)
    } catch {
      // the connection dropped mid-way: what was imported stays, and a re-upload adds no duplicates
    }
    if (!finished) setState({ phase: 'error', message: t('xlsx.error.network') })
  }

  function reset() {
    if (fileRef.current) fileRef.current.value = ''
    setState({ phase: 'idle' })
    fileRef.current?.focus()
  }

  const percent = state.phase === 'importing' && state.total > 0 ? Math.round((state.done / state.total) * 100) : 0

  return (
    <Card className="space-y-4">
      <a href={`/api/${kind}/template`} download className={buttonClass('secondary', 'w-full sm:w-auto')} data-testid="import-template">
        {t('xlsx.panel.template')}
      </a>

      {/* a real POST to the import route (multipart): before JavaScript arrives the route answers with a
          303 back here and the outcome; afterwards the upload is a fetch that streams its progress */}
      <form method="post" action={`/api/${kind}/import`} encType="multipart/form-data" onSubmit={onSubmit} className="space-y-3" noValidate>
        <div className="space-y-1">
          <label htmlFor={id} className="block text-sm font-medium text-stone-700">
            {t('xlsx.panel.file')}
          </label>
          <input
            ref={fileRef}
            id={id}
            name="file"
            type="file"
            accept={XLSX_ACCEPT}
            disabled={busy}
            onChange={() => state.phase === 'error' && setState({ phase: 'idle' })}
            className="block w-full min-h-11 rounded-md border border-stone-300 bg-white px-3 py-2 text-base file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-stone-100 file:px-3 file:text-sm file:font-medium"
            data-testid="import-file"
          />
        </div>
        <Button type="submit" disabled={busy} className="w-full sm:w-auto" data-testid="import-submit">
          {busy ? (state.phase === 'uploading' ? t('xlsx.panel.uploading') : t('xlsx.panel.progress', { done: state.done, total: state.total })) : t('xlsx.panel.submit')}
        </Button>
      </form>

      {busy ? (
        <div className="space-y-1">
          <div
            role="progressbar"
            aria-label={t('xlsx.panel.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.phase === 'importing' ? percent : undefined}
            aria-valuetext={state.phase === 'importing' ? t('xlsx.panel.progress', { done: state.done, total: state.total }) : t('xlsx.panel.uploading')}
            className="h-3 w-full overflow-hidden rounded-full bg-stone-200"
          >
            <div className={`h-full bg-brand-600 transition-[width] ${state.phase === 'uploading' ? 'w-1/12 animate-pulse' : ''}`} style={state.phase === 'importing' ? { width: `${percent}%` } : undefined} />
          </div>
          <p className="text-sm text-stone-600" aria-live="polite">
            {state.phase === 'importing' ? t('xlsx.panel.progress', { done: state.done, total: state.total }) : t('xlsx.panel.uploading')}
          </p>
        </div>
      ) : null}

      {state.phase === 'error' ? (
        <div ref={resultRef} tabIndex={-1} role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 outline-none" data-testid="import-error">
          {state.message}
        </div>
      ) : null}

      {state.phase === 'done' ? (
        <div ref={resultRef} tabIndex={-1} role="status" className="space-y-2 rounded-md border border-stone-200 bg-stone-50 p-3 text-sm outline-none" data-testid="import-summary">
          <p className="font-medium">{t(TEXT[kind].summary, { total: state.summary.total, created: state.summary.created, duplicates: state.summary.duplicates, failed: state.summary.failed })}</p>
          {state.summary.failed === 0 && state.summary.created === state.summary.total ? <p className="text-emerald-700">{t('xlsx.panel.allGood')}</p> : null}
          {state.summary.duplicates > 0 ? <p className="text-stone-600">{t(TEXT[kind].duplicates)}</p> : null}
          {state.summary.errorFileId ? (
            <div className="space-y-1">
              <a href={`/api/imports/${state.summary.errorFileId}`} download className={buttonClass('danger', 'w-full sm:w-auto')} data-testid="import-error-file">
                {t('xlsx.panel.errorFile')}
              </a>
              <p className="text-xs text-stone-500">{t('xlsx.panel.errorFileHint')}</p>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2 pt-1">
            <Link href={`/${kind}`} className={buttonClass('primary', 'w-full sm:w-auto')}>
              {t(TEXT[kind].view)}
            </Link>
            <Button type="button" variant="secondary" onClick={reset} className="w-full sm:w-auto">
              {t('xlsx.panel.again')}
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  )
}
