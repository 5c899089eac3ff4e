'use client'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useI18n } from '@/lib/i18n/client'
import { formatDateTime } from '@/lib/format'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'
import { dismiss, enqueue, flush, listQueued, requestSync, type QueuedCheck } from '@/lib/offline/queue'

/**
 * A volunteer's own check-in / check-out form (by code or by a scanned QR token) that keeps working with
 * no network. While the phone is offline a submit is not sent: it is kept on the phone (IndexedDB,
 * lib/offline/queue.ts) with its own id and the phone's time and shown here as 待同步; it is sent when the
 * network returns (the `online` event, the next load of a page with this form, Background Sync through
 * the service worker), and the page reads itself again. With the network there, the form is the kit's
 * ActionForm as usual; without JavaScript, a plain POST.
 */
export function OfflineCheck({ taskId, userId, mode, children }: { taskId: string; userId: string; mode: 'in' | 'out'; children: React.ReactNode }) {
  const { t, locale } = useI18n()
  const router = useRouter()
  const box = useRef<HTMLDivElement>(null)
  const [queued, setQueued] = useState<QueuedCheck[] | null>(null)

  const reload = useCallback(async () => {
    const all = await listQueued().catch(() => [])
    setQueued(all.filter((q) => q.taskId === taskId && q.userId === userId))
  }, [taskId, userId])

  const send = useCallback(async () => {
    if (!navigator.onLine) return
    const r = await flush(userId).catch(() => null)
    await reload()
    if (r && (r.sent || r.refused)) router.refresh()
  }, [userId, reload, router])

  const keep = useCallback(
    async (item: Omit<QueuedCheck, 'clientId' | 'at' | 'userId' | 'taskId'>) => {
      await enqueue({ ...item, clientId: crypto.randomUUID(), userId, taskId, at: new Date().toISOString() })
      toast(t('offline.saved'))
      await reload()
      // Background Sync where the browser has it: sent by the worker even if this page is closed
      await requestSync()
    },
    [userId, taskId, t, reload],
  )

  useEffect(() => {
    // what this phone kept (read after the first paint: IndexedDB is the browser's), then an attempt to send it
    void Promise.resolve().then(reload).then(send)
    addEventListener('online', send)
    return () => removeEventListener('online', send)
  }, [reload, send])

  useEffect(() => {
    const el = box.current
    if (!el) return
    // before React's own handling of the form (a listener at the root, in the bubbling phase): offline,
    // the submit stops here and is kept instead of sent
    const onSubmit = (e: SubmitEvent) => {
      if (navigator.onLine) return
      e.preventDefault()
      e.stopPropagation()
      const fd = new FormData(e.target as HTMLFormElement)
      const code = fd.get('code')
      const token = fd.get('token')
      void keep({ mode, ...(typeof token === 'string' && token ? { token } : { code: typeof code === 'string' ? code : '' }) })
    }
    el.addEventListener('submit', onSubmit, true)
    return () => el.removeEventListener('submit', onSubmit, true)
  }, [mode, keep])

  const waiting = queued?.filter((q) => !q.error) ?? []
  const last = waiting[waiting.length - 1]
  return (
    <div ref={box} className="space-y-2">
      {queued?.length ? (
        <ul className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="pending-checks">
          {queued.map((q) => (
            <li key={q.clientId} className="flex flex-wrap items-center justify-between gap-2" data-testid="pending-check">
              <span>
                <span className="mr-1 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t('offline.pending')}</span>
                {t('offline.pendingRow', { what: t(q.mode === 'in' ? 'tasks.checkIn' : q.mode === 'out' ? 'tasks.checkOut' : 'check.title'), time: formatDateTime(locale, q.at) })}
                {q.error ? <span className="block text-red-700">{t('offline.refused', { reason: q.error })}</span> : null}
              </span>
              {q.error ? (
                <Button type="button" variant="secondary" onClick={() => void dismiss(q.clientId).then(reload)}>
                  {t('offline.dismiss')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {/* a check already kept: no second one of the same kind; after a kept check-in, a check-out can be kept too */}
      {last ? (
        last.mode === 'in' ? (
          <Button type="button" onClick={() => void keep({ mode: 'out', ...(last.token ? { token: last.token } : { code: last.code }) })}>
            {t('offline.checkOutToo')}
          </Button>
        ) : null
      ) : (
        children
      )}
    </div>
  )
}
