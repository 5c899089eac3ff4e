import type { MetadataRoute } from 'next'
import { translatorFor } from '@/lib/i18n'

/** The web app manifest (/manifest.webmanifest): installable on a phone's home screen, opening on the task list. */
export default function manifest(): MetadataRoute.Manifest {
  const t = translatorFor('zh-CN')
  return {
    name: t('pwa.name'),
    short_name: t('pwa.shortName'),
    description: t('pwa.description'),
    lang: 'zh-CN',
    start_url: '/tasks',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#a91b1b',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  }
}
