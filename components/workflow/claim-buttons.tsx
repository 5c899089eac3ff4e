import type { Translate } from '@/lib/i18n'
import { ActionForm } from '@/components/ui/action-form'
import { claimOrderAction } from '@/app/(app)/orders/actions'

/** One 接单 button per team the caller may claim this order for. */
export function ClaimButtons({ t, orderId, teams }: { t: Translate; orderId: string; teams: { id: string; name: string }[] }) {
  return (
    <div className="flex flex-wrap gap-2">
      {teams.map((team) => (
        <ActionForm key={team.id} action={claimOrderAction.bind(null, orderId)} submitLabel={teams.length > 1 ? t('orders.claimAs', { team: team.name }) : t('orders.claim')} className="flex flex-col gap-1">
          <input type="hidden" name="teamId" value={team.id} />
        </ActionForm>
      ))}
    </div>
  )
}
