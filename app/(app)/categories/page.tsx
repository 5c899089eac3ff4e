import type { Metadata } from 'next'
import { requirePermission } from '@/lib/server/auth/session'
import { listAllCategories } from '@/lib/server/workflow/categories'
import { getT } from '@/lib/i18n/server'
import { ActionForm, FormInput } from '@/components/ui/action-form'
import { Badge, Card } from '@/components/ui/card'
import { DataList, type Column } from '@/components/ui/data-list'
import { createCategoryAction, updateCategoryAction } from './actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('categories.title') }
}

/** The tenant's managed list of service categories (region officials). */
export default async function CategoriesPage() {
  const scope = await requirePermission('category.manage')
  const t = await getT()
  const rows = await listAllCategories(scope)
  const columns: Column<(typeof rows)[number]>[] = [
    { id: 'name', label: t('field.categoryName'), slot: 'title', cell: (c) => <span className="font-medium">{c.name}</span> },
    { id: 'active', label: t('field.status'), slot: 'end', cell: (c) => (c.active ? null : <Badge>{t('categories.inactive')}</Badge>) },
    { id: 'needs', label: t('field.needs'), slot: 'end', cell: (c) => <span className="text-xs text-stone-500">{t('categories.needs', { count: c.needs })}</span> },
    {
      id: 'edit',
      label: t('common.save'),
      slot: 'actions',
      cell: (c) => (
        <ActionForm action={updateCategoryAction.bind(null, c.id)} submitLabel={t('common.save')} variant="secondary" className="grid w-full items-end gap-3 sm:grid-cols-[1fr_6rem_auto_auto]">
          <FormInput name="name" label={t('field.categoryName')} defaultValue={c.name} />
          <FormInput name="sortOrder" label={t('field.sortOrder')} type="number" inputMode="numeric" defaultValue={c.sortOrder} />
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="active" defaultChecked={c.active} className="size-4" /> {t('categories.active')}
          </label>
        </ActionForm>
      ),
    },
  ]
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t('categories.title')} />
      <p className="text-sm text-stone-600">{t('categories.intro')}</p>
      <DataList t={t} label={t('categories.title')} testId="categories" rows={rows} rowKey={(c) => c.id} columns={columns} path="/categories" query={{}} empty={null} />
      <Card>
        <h2 className="text-sm font-semibold">{t('categories.add')}</h2>
        <ActionForm action={createCategoryAction} submitLabel={t('categories.add')} resetOnSuccess className="mt-3 grid items-end gap-3 sm:grid-cols-[1fr_6rem_auto]">
          <FormInput name="name" label={t('field.categoryName')} />
          <FormInput name="sortOrder" label={t('field.sortOrder')} type="number" inputMode="numeric" defaultValue={rows.length} />
        </ActionForm>
      </Card>
    </div>
  )
}
