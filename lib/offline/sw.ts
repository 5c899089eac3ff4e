// The service worker (built by lib/offline/build.mjs into public/sw.js after `next build`; Serwist, a
// maintained Workbox successor, chosen over Workbox itself for its TypeScript-first API and because its
// build step does not need webpack: Next 16 builds with Turbopack).
// - precaches the build's static assets (hashed, immutable) and the offline page;
// - pages: network first (a weak signal gets 10 s), the last copy when there is no network, else the
//   offline page. Only full page loads of the volunteer's own pages are kept (KEPT); a visit to /login (where sign-out, an
//   expired session and a new sign-in all arrive) deletes every kept page, so nobody is shown another
//   person's page from the phone's cache;
// - Background Sync: the check-ins and check-outs queued offline (lib/offline/queue.ts) are sent when
//   the browser says the network is back, even with the page closed.
import { ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry } from 'serwist'
import { flush, SYNC_TAG } from './queue'

// the worker's own event types, declared here: the project compiles against the DOM's lib, not the webworker one
type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void }
type FetchEvent = ExtendableEvent & { request: Request }
type SyncEvent = ExtendableEvent & { tag: string }
type Worker = {
  __SW_MANIFEST: (PrecacheEntry | string)[] | undefined
  location: Location
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void
  addEventListener(type: 'sync', listener: (e: SyncEvent) => void): void
}
declare const self: Worker

export const PAGES = 'ronghe-pages'
// the pages a phone keeps for a dead network: the volunteer's own (home, tasks and a task's pages, my
// sign-ups, points, messages). Nothing else is ever written to the phone: not a case, a roster export
// or an official's dashboard, whoever is signed in.
const KEPT = /^\/(?:tasks(?:\/[^/]+(?:\/check)?|\/mine)?|points|notifications)?$/

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === 'navigate' && KEPT.test(url.pathname),
      handler: new NetworkFirst({ cacheName: PAGES, networkTimeoutSeconds: 10, plugins: [new ExpirationPlugin({ maxEntries: 40, maxAgeSeconds: 7 * 24 * 3600 })] }),
    },
    // every other page: the network only, and the offline page when there is none
    { matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === 'navigate' && !url.pathname.startsWith('/api/'), handler: new NetworkOnly() },
  ],
  fallbacks: { entries: [{ url: '/offline', matcher: ({ request }) => request.destination === 'document' }] },
})

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url)
  if (url.origin === self.location.origin && url.pathname === '/login') e.waitUntil(caches.delete(PAGES))
})

self.addEventListener('sync', (e) => {
  if (e.tag !== SYNC_TAG) return
  // still waiting (no network yet, signed out): fail, so the browser tries again later
  e.waitUntil(flush().then((r) => (r.waiting ? Promise.reject(new Error('checks still waiting')) : undefined)))
})

serwist.addEventListeners()
