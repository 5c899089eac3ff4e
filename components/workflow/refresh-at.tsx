'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/** Reads the page's server part again at `at` (an ISO time), e.g. when a check-in QR code rotates. Renders nothing. */
export function RefreshAt({ at }: { at: string }) {
  const router = useRouter()
  useEffect(() => {
    const id = setTimeout(() => router.refresh(), Math.max(1_000, Date.parse(at) - Date.now() + 1_000))
    return () => clearTimeout(id)
  }, [at, router])
  return null
}
