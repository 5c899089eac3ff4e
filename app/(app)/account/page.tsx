import type { Metadata } from 'next'
import { requireScope } from '@/lib/server/auth/session'
import { getMyAccount } from '@/lib/server/users/account'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDateTime } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { changePasswordAction } from './actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.account') }
}

export default async function AccountPage() {
  const scope = await requireScope()
  const t = await getT()
  const me = await getMyAccount(scope)
  const locale = await getLocale()
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <PageHeader title={t('nav.account')} />
      <Card>
        <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
          <dt className="text-stone-500">{t('field.name')}</dt>
          <dd>{me.name}</dd>
          <dt className="text-stone-500">{t('field.phone')}</dt>
          <dd className="tabular-nums">{me.phone}</dd>
          <dt className="text-stone-500">{t('account.lastLogin')}</dt>
          <dd>{formatDateTime(locale, me.lastLoginAt)}</dd>
        </dl>
      </Card>
      <Card>
        <h2 className="text-sm font-semibold">{t('account.roles')}</h2>
        <ul className="mt-2 space-y-1 text-sm" data-testid="my-roles">
          {scope.assignments.map((a) => (
            <li key={`${a.orgUnitId}-${a.role}`}>
              {t(`role.${a.role}`)} · {a.unitName}
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="text-sm font-semibold">{t('account.password.title')}</h2>
        <ActionForm action={changePasswordAction} submitLabel={t('account.password.submit')} resetOnSuccess className="mt-3 space-y-3" testId="password-form">
          <FormInput label={t('account.password.current')} name="currentPassword" type="password" autoComplete="current-password" />
          <FormInput label={t('account.password.new')} name="newPassword" type="password" autoComplete="new-password" hint={t('account.password.newHint')} />
          <FormInput label={t('account.password.confirm')} name="confirmPassword" type="password" autoComplete="new-password" />
        </ActionForm>
        <p className="mt-3 text-xs text-stone-500">{t('account.sessionNote')}</p>
      </Card>
    </div>
  )
}
