// After `next build`: bundles the service worker (lib/offline/sw.ts, esbuild) and writes the precache
// manifest into it (@serwist/build's injectManifest: every file of .next/static, which Next names by
// content hash, and the offline page under this build's id) → public/sw.js (not committed).
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { injectManifest } from '@serwist/build'

const root = process.cwd()
const buildId = fs.readFileSync(path.join(root, '.next/BUILD_ID'), 'utf8').trim()
const bundle = path.join(root, '.next/sw.bundle.js')
await build({ entryPoints: [path.join(root, 'lib/offline/sw.ts')], bundle: true, format: 'iife', target: 'es2020', minify: true, outfile: bundle, logLevel: 'warning' })
const { count, size, warnings } = await injectManifest({
  swSrc: bundle,
  swDest: path.join(root, 'public/sw.js'),
  globDirectory: path.join(root, '.next/static'),
  globPatterns: ['**/*.{js,css,woff2}'],
  modifyURLPrefix: { '': '/_next/static/' },
  dontCacheBustURLsMatching: /^\/_next\/static\//,
  additionalPrecacheEntries: [{ url: '/offline', revision: buildId }],
})
for (const w of warnings) console.warn(`[sw] ${w}`)
console.log(`[sw] public/sw.js: ${count} files precached (${Math.round(size / 1024)} KB)`)
