import { getT } from '@/lib/i18n/server'
import { LinkButton } from '@/components/ui/button'

// Also what an out-of-scope record shows: it must not say whether the record exists.
export default async function NotFound() {
  const t = await getT()
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <p className="text-5xl font-bold text-stone-300">404</p>
      <h1 className="mt-4 text-lg font-semibold">{t('notFound.title')}</h1>
      <p className="mt-2 text-sm text-stone-600">{t('notFound.body')}</p>
      <LinkButton href="/" className="mt-6" variant="secondary">
        {t('notFound.home')}
      </LinkButton>
    </main>
  )
}
