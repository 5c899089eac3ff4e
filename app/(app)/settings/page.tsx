import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getTenantSettings } from '@/lib/server/org/tenant-settings'
import { getT } from '@/lib/i18n/server'
import { PageHeader } from '@/components/ui/page-header'
import { Card } from '@/components/ui/card'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { updateTenantSettingsAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('settings.title') }
}

/** The region's officials keep the tenant's rules: points per hour, star thresholds, certification target, CE hours. */
export default async function SettingsPage() {
  const scope = await requirePermission('tenant.settings')
  const r = await getTenantSettings(scope)
  if (!r.ok) return denyPage()
  const s = r.value
  const t = await getT()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader
        title={
          <>
            {t('settings.title')} <span className="text-base font-normal text-stone-500">· {s.name}</span>
          </>
        }
        description={t('settings.intro')}
      />
      <Card>
        <ActionForm action={updateTenantSettingsAction} submitLabel={t('settings.save')} className="space-y-5" testId="settings-form">
          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold">{t('settings.points')}</legend>
            <FormInput name="pointsPerHour" label={t('settings.pointsPerHour')} inputMode="numeric" defaultValue={s.pointsPerHour} />
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="text-sm font-semibold">{t('settings.starThresholds')}</legend>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
              {[0, 1, 2, 3, 4].map((i) => (
                <FormInput key={i} name={`starThresholds.${i}`} label={t('settings.star', { n: i + 1 })} inputMode="numeric" defaultValue={s.starThresholds[i] ?? ''} />
              ))}
            </div>
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold">{t('settings.talent')}</legend>
            <FormInput name="certificationTarget" label={t('settings.certificationTarget')} inputMode="numeric" defaultValue={s.certificationTarget} />
            <FormInput name="ceHoursPerYear" label={t('settings.ceHoursPerYear')} inputMode="numeric" defaultValue={s.ceHoursPerYear} />
          </fieldset>
        </ActionForm>
      </Card>
    </div>
  )
}
