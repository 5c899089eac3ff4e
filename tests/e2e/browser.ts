// Which Chromium the end-to-end tests drive. Nothing is downloaded at test time:
//  1. CHROMIUM_PATH, when set;
//  2. a system Chromium (Debian's `chromium` package), when one is installed;
//  3. else the Chromium that arrived with `npm install`: @sparticuz/chromium carries a headless build
//     inside the npm package and unpacks it to the temporary directory on first use (≈ 2 s, then reused).
// Its own launch flags are for serverless hosts (they turn web security off): ours are the same for
// every browser, so the CSP and cross-site tests mean the same thing whichever Chromium runs them.
// No fonts come with the npm build: tests assert on text and on the DOM, never on pixels.
import fs from 'node:fs'
import path from 'node:path'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const SYSTEM = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.includes('node_modules')) continue
    const p = path.join(dir, name)
    try {
      fs.accessSync(p, fs.constants.X_OK)
      return p
    } catch {}
  }
  return null
}

export async function chromiumPath(): Promise<{ executablePath: string; source: 'env' | 'system' | 'npm' }> {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, source: 'env' }
  for (const name of SYSTEM) {
    const p = onPath(name)
    if (p) return { executablePath: p, source: 'system' }
  }
  const { default: chromium } = await import('@sparticuz/chromium')
  return { executablePath: await chromium.executablePath(), source: 'npm' }
}
