'use client'
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { useI18n } from '@/lib/i18n/client'
import { Button } from '@/components/ui/button'
import { enqueue, flush, listQueued, requestSync } from '@/lib/offline/queue'

const USER_KEY = 'ronghe:user'
const CHECK_PATH = /^\/tasks\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/check$/

/**
 * Who uses this phone to sign up for tasks, remembered (their id only) for a QR code scanned with no
 * network: the offline page has no session to ask. Written on every page of a signed-in volunteer,
 * removed at /login (sign-out, another account) by the root layout's first script. Every such page load
 * with a network also sends what this volunteer's phone still keeps (lib/offline/queue.ts).
 */
export function RememberVolunteer({ userId }: { userId: string }) {
  useEffect(() => {
    try {
      localStorage.setItem(USER_KEY, userId)
    } catch {}
    if (navigator.onLine && 'indexedDB' in window) void flush(userId).catch(() => undefined)
  }, [userId])
  return null
}

const noSubscribe = () => () => {}
/** The scanned check-in this offline page stands for, when it stands for one (read after hydration). */
function useScan(): { taskId: string; token: string; userId: string } | null {
  const key = useSyncExternalStore(
    noSubscribe,
    () => `${location.pathname}${location.search}|${localStorage.getItem(USER_KEY) ?? ''}`,
    () => '',
  )
  if (!key) return null
  const [where, userId] = key.split('|')
  const url = new URL(where, 'http://x')
  const m = CHECK_PATH.exec(url.pathname)
  const token = url.searchParams.get('t')
  return m && token && userId ? { taskId: m[1], token, userId } : null
}

/**
 * On the offline page, when what could not be opened was a task's check-in page (a QR code scanned with
 * no network): keep the scan on the phone, to be sent — as the check-in, or the check-out if already
 * checked in — once the network is back (lib/offline/queue.ts, POST /api/checks).
 */
export function OfflineScan() {
  const { t } = useI18n()
  const scan = useScan()
  const [state, setState] = useState<'idle' | 'kept' | 'sent'>('idle')

  const send = useCallback(async () => {
    if (!scan || !navigator.onLine) return
    const r = await flush(scan.userId).catch(() => null)
    if (r?.sent) setState('sent')
  }, [scan])

  useEffect(() => {
    addEventListener('online', send)
    return () => removeEventListener('online', send)
  }, [send])

  if (!scan) return null
  const keep = async () => {
    const already = (await listQueued()).some((q) => q.taskId === scan.taskId && q.token === scan.token && !q.error)
    if (!already) await enqueue({ clientId: crypto.randomUUID(), userId: scan.userId, taskId: scan.taskId, mode: 'auto', token: scan.token, at: new Date().toISOString() })
    setState('kept')
    await requestSync()
  }
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="offline-scan">
      <p>{t('offline.scanHint')}</p>
      {state === 'idle' ? <Button onClick={() => void keep()}>{t('offline.scanKeep')}</Button> : null}
      {state === 'kept' ? <p data-testid="offline-scan-kept">{t('offline.scanKept')}</p> : null}
      {state === 'sent' ? (
        <p data-testid="offline-scan-sent">
          {t('offline.scanSent')}{' '}
          <a className="font-medium text-brand-700 underline" href={`/tasks/${scan.taskId}`}>
            {t('check.toTask')}
          </a>
        </p>
      ) : null}
    </div>
  )
}
