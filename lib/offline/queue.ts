// The phone's queue of check-ins and check-outs made without a network (IndexedDB, database `ronghe`,
// store `checks`), shared by the pages (components/workflow/offline-check.tsx) and the service worker
// (lib/offline/sw.ts, Background Sync). Each item carries its own id, made on the phone, and the phone's
// time; the server takes each id at most once (POST /api/checks → lib/server/workflow/tasks.ts), so
// sending one again — a retry, a second tab, the worker and the page at once — changes nothing.
// Nothing is dropped by the phone: a check the server refuses stays, with the server's reason, until
// the volunteer dismisses it.

export type QueuedCheck = {
  clientId: string
  userId: string
  taskId: string
  /** auto: scanned on the offline page, where the phone cannot know whether it is the check-in or the check-out */
  mode: 'in' | 'out' | 'auto'
  code?: string
  token?: string
  /** the phone's time of the check (ISO) */
  at: string
  /** the server's reason, in the volunteer's language, when it refused the check for good */
  error?: string
}

export const SYNC_TAG = 'ronghe-checks'
const DB = 'ronghe'
const STORE = 'checks'

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'clientId' })
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

async function run<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open()
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode)
      const req = work(tx.objectStore(STORE))
      tx.oncomplete = () => resolve(req.result)
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

export const enqueue = (item: QueuedCheck) => run('readwrite', (s) => s.put(item)).then(() => undefined)

/** Asks the service worker to send the queue when the network is back (Background Sync, where the browser has it). */
export async function requestSync(): Promise<void> {
  const reg = await navigator.serviceWorker?.getRegistration().catch(() => undefined)
  await (reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync?.register(SYNC_TAG).catch(() => undefined)
}
export const listQueued = () => run<QueuedCheck[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedCheck[]>).then((all) => all.sort((a, b) => a.at.localeCompare(b.at)))
export const dismiss = (clientId: string) => run('readwrite', (s) => s.delete(clientId)).then(() => undefined)

/** What the server answers a queued check (app/api/checks/route.ts). */
type Answer = { ok: true } | { ok: false; error: string; text?: string }

/**
 * Sends what is waiting (oldest first: a check-in before its check-out), those of `userId` only when
 * given. Taken or already taken → gone from the queue; refused for good (the window, the code, the
 * sign-up) → kept with the reason; no network, a server error, signed out or another account signed in
 * → kept as it is, for the next try.
 */
export async function flush(userId?: string): Promise<{ sent: number; refused: number; waiting: number }> {
  let sent = 0
  let refused = 0
  let waiting = 0
  for (const item of await listQueued()) {
    if (item.error || (userId && item.userId !== userId)) continue
    let res: Response
    try {
      res = await fetch('/api/checks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(item), credentials: 'same-origin' })
    } catch {
      waiting++
      continue // no network
    }
    if (res.ok) {
      await dismiss(item.clientId)
      sent++
    } else if (res.status === 422 || res.status === 400) {
      const a = (await res.json().catch(() => null)) as Answer | null
      await enqueue({ ...item, error: (a && !a.ok && a.text) || `${res.status}` })
      refused++
    } else waiting++ // 401/404 (signed out), 409 (another account), 429, 5xx: later
  }
  return { sent, refused, waiting }
}
