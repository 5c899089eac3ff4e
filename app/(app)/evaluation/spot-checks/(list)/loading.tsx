import { ListSkeleton } from '@/components/ui/skeleton'
import { getT } from '@/lib/i18n/server'

export default async function Loading() {
  return <ListSkeleton t={await getT()} />
}
