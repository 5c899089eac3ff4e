'use client'
import { useI18n } from '@/lib/i18n/client'
import { Button } from '@/components/ui/button'

// Unexpected failures only (expected ones are typed results). Shows no internals.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n()
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-lg font-semibold">{t('error.title')}</h1>
      <p className="mt-2 text-sm text-stone-600">{t('error.body')}</p>
      <Button className="mt-6" variant="secondary" onClick={reset}>
        {t('error.retry')}
      </Button>
    </main>
  )
}
