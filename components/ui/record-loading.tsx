import { RecordSkeleton } from '@/components/ui/skeleton'
import { getT } from '@/lib/i18n/server'

/** A record page's loading.tsx (each re-exports this): the record's skeleton while its read runs. */
export default async function RecordLoading() {
  return <RecordSkeleton t={await getT()} />
}
