'use client'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { setLocaleAction } from '@/app/actions'
import { LOCALES, type Locale } from '@/lib/i18n/format'
import { useI18n } from '@/lib/i18n/client'

const LABEL: Record<Locale, string> = { 'zh-CN': '中文', en: 'EN' }

export function LocaleSwitch({ label }: { label: string }) {
  const { locale } = useI18n()
  const router = useRouter()
  const [pending, start] = useTransition()
  return (
    <div role="group" aria-label={label} className="flex rounded-md border border-stone-300 text-xs">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          disabled={pending}
          aria-pressed={l === locale}
          lang={l}
          onClick={() => start(async () => { await setLocaleAction(l); router.refresh() })}
          className={`px-2 py-1 min-h-8 ${l === locale ? 'bg-stone-800 text-white' : 'text-stone-700 hover:bg-stone-100'}`}
        >
          {LABEL[l]}
        </button>
      ))}
    </div>
  )
}
